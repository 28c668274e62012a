import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SafepostError } from '../errors.js';
import { sha256 } from '../fs/hash.js';
import { shownPath } from '../text/shown-path.js';
import { compactResult, expandResult, TextTable, type CompactResult } from './compact.js';
import type { FileResult } from '../results/schema.js';
import type { Clause } from '../rules/schema.js';

const FORMAT = 'safepost-cache';
const VERSION = 2;

/** A draft's local photos: their stamp, and where their addresses stand in the draft (when they do as written). */
export interface PhotoEntry {
  stamp: string;
  at?: Array<[number, number]>;
}

/** A draft's entry: the hash of its bytes, its local photos and its result, without its path. */
interface Entry {
  hash: string;
  photos?: PhotoEntry;
  result: CompactResult;
}

interface CacheFile {
  format: typeof FORMAT;
  version: typeof VERSION;
  /** What besides a draft decides its findings (safepost, rules, config, roster, options). */
  key: string;
  /** The texts the entries' findings name by index. */
  texts: string[];
  entries: Record<string, Entry>;
}

/**
 * Results of drafts whose bytes are unchanged since the last run, as ESLint's and textlint's
 * caches keep them: each draft is read and hashed, and checked only when its hash is new. A
 * change of safepost, the rules, the config or the roster changes `key` and empties the cache.
 * A draft that names local photos is kept with a stamp of them (see photo-stamp.ts), made again
 * when it is looked up: a photo can change without its draft. Drafts that could not be read are
 * not kept. The file holds hashes, positions, clause ids and masked messages: no draft text and
 * no file name (a name can be a child's), so entries are keyed by a hash of the draft's path.
 */
export class ResultCache {
  private entries: Record<string, Entry> = {};
  private table = new TextTable();
  private changed = false;

  /** Opens the cache; a file that is not one, or from another version, is noted and started afresh. */
  constructor(
    private readonly file: string,
    private readonly key: string,
    private readonly clauses: ReadonlyMap<string, Clause>,
    note: (message: string) => void,
    cwd = process.cwd(),
  ) {
    checkWritable(file, cwd);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return; // none yet
    }
    let data: Partial<CacheFile> | null = null;
    try {
      data = JSON.parse(text) as Partial<CacheFile>;
    } catch {
      // not JSON: noted below
    }
    if (data?.format !== FORMAT || data.version !== VERSION || typeof data.entries !== 'object' || data.entries === null || !Array.isArray(data.texts)) {
      note(`the cache file ${shownPath(file, cwd)} is not one this version of safepost can read; it is made again`);
      this.changed = true;
      return;
    }
    if (data.key === key) {
      this.entries = data.entries;
      this.table = new TextTable(data.texts);
    } else this.changed = true;
  }

  /**
   * The result kept for a draft with these bytes, under the path it is shown by; or undefined.
   * `photos` gives the stamp of the draft's local photos now, asked only of drafts that had some.
   */
  get(absolute: string, shown: string, bytes: Uint8Array, photos: (at?: Array<[number, number]>) => string | null): FileResult | undefined {
    const entry = this.entries[sha256(absolute)];
    if (!entry || entry.hash !== sha256(bytes)) return undefined;
    try {
      if (entry.photos !== undefined && entry.photos.stamp !== photos(entry.photos.at)) return undefined;
      return expandResult(shown, entry.result, this.table, this.clauses);
    } catch {
      return undefined; // an entry this version cannot read: the draft is checked again
    }
  }

  /** Keeps a draft's result, with its local photos (null: it names none). */
  set(absolute: string, bytes: Uint8Array, result: FileResult, photos: PhotoEntry | null): void {
    const id = sha256(absolute);
    if (result.error) {
      if (!this.entries[id]) return;
      delete this.entries[id];
    } else {
      this.entries[id] = { hash: sha256(bytes), ...(photos === null ? {} : { photos }), result: compactResult(result, this.table) };
    }
    this.changed = true;
  }

  /** Writes the cache when it changed: to a temporary file, then renamed, so it is never left half written. */
  save(): void {
    if (!this.changed) return;
    const data: CacheFile = { format: FORMAT, version: VERSION, key: this.key, texts: this.table.texts, entries: this.entries };
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(temporary, JSON.stringify(data));
      renameSync(temporary, this.file);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw cannotWrite(this.file, error);
    }
    this.changed = false;
  }
}

const cannotWrite = (file: string, error: unknown, cwd = process.cwd()) =>
  new SafepostError(
    `cannot write the cache file ${shownPath(file, cwd)} (${(error as NodeJS.ErrnoException).code ?? 'error'}); give --cache-location a file in a folder you can write to`,
  );

/** Found before any draft is checked, rather than after a whole site. */
function checkWritable(file: string, cwd: string): void {
  try {
    if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
    mkdirSync(dirname(file), { recursive: true });
    const probe = `${file}.${process.pid}.tmp`;
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    throw cannotWrite(file, error, cwd);
  }
}
