import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { SafepostError } from '../errors.js';
import { sha256 } from '../fs/hash.js';
import { openFileWriter, writeFailureReason } from '../fs/write-file.js';
import { shownPath } from '../text/shown-path.js';
import { compactResult, expandResult, reindexResult, TextTable, type CompactResult } from './compact.js';
import { takeLock } from './lock.js';
import type { FileResult } from '../results/schema.js';
import type { Clause } from '../rules/schema.js';

const FORMAT = 'safepost-cache';
const VERSION = 3;

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

/** The file's first line: what it is, and the SHA-256 of the rest, the payload. */
interface Header {
  format: typeof FORMAT;
  version: typeof VERSION;
  sha256: string;
}

interface Payload {
  /** What besides a draft decides its findings (safepost, rules, config, roster, options). */
  key: string;
  /** Random, made with the cache: entries are keyed by a hash of it and the draft's path. */
  salt: string;
  /** The texts the entries' findings name by index. */
  texts: string[];
  entries: Record<string, Entry>;
}

type Read = { status: 'none' | 'foreign' | 'damaged' | 'unchanged' } | { status: 'read'; payload: Payload; digest: string };

/**
 * Results of drafts whose bytes are unchanged since the last run, as ESLint's and textlint's
 * caches keep them: each draft is read and hashed, and checked only when its hash is new. A
 * change of safepost, the rules, the config or the roster changes `key` and empties the cache.
 * A draft that names local photos is kept with a stamp of them (see photo-stamp.ts), made again
 * when it is looked up: a photo can change without its draft. Drafts that could not be read are
 * not kept. The file holds hashes, positions, clause ids and masked messages: no draft text and
 * no file name (a name can be a child's), so entries are keyed by a salted hash of the draft's path.
 *
 * A file is only ever replaced whole (see openFileWriter) and carries a hash of its payload, so an
 * entry is only ever read with the texts it was written with; a damaged file is not trusted but
 * made again. Runs that share the file take turns to save: under a lock, the saving run reads
 * the file again and keeps what other runs saved since it opened it (their texts put in its own
 * table), then adds its own. The lock is held only while saving, not for the whole run: a run can
 * take minutes, and a lock held that long would keep every other run's results unsaved and could
 * not be told by its age from one left by a run that stopped. The lock is needed for keeping
 * others' results, not for correctness: were two runs ever to save at once (a lock taken over
 * wrongly), one run's entries would be lost, never mixed up.
 */
export class ResultCache {
  private entries: Record<string, Entry> = {};
  private table = new TextTable();
  private salt = newSalt();
  /** The hash of the file as it was read or last saved: any other means another run saved. */
  private seen: string | null = null;
  /** What this run kept or dropped, by absolute path, to be added to what other runs saved. */
  private readonly touched = new Map<string, Entry | null>();
  private changed = false;

  /** Opens the cache; a file that is not one, from another version or damaged, is noted and started afresh. */
  constructor(
    private readonly file: string,
    private readonly key: string,
    private readonly clauses: ReadonlyMap<string, Clause>,
    note: (message: string) => void,
    cwd = process.cwd(),
  ) {
    checkWritable(file, cwd);
    const read = readCacheFile(file);
    if (read.status === 'read') {
      this.seen = read.digest;
      if (read.payload.key === key) {
        this.entries = read.payload.entries;
        this.table = new TextTable(read.payload.texts);
        this.salt = read.payload.salt;
      } else this.changed = true;
    } else if (read.status !== 'none') {
      const why = read.status === 'damaged' ? 'is damaged' : 'is not one this version of safepost can read';
      note(`the cache file ${shownPath(file, cwd)} ${why}; it is made again`);
      this.changed = true;
    }
  }

  /**
   * The result kept for a draft with these bytes, under the path it is shown by; or undefined.
   * `photos` gives the stamp of the draft's local photos now, asked only of drafts that had some.
   */
  get(absolute: string, shown: string, bytes: Uint8Array, photos: (at?: Array<[number, number]>) => string | null): FileResult | undefined {
    const entry = this.entries[entryId(this.salt, absolute)];
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
    const id = entryId(this.salt, absolute);
    if (result.error) {
      if (!this.entries[id]) return;
      delete this.entries[id];
      this.touched.set(absolute, null);
    } else {
      const entry: Entry = { hash: sha256(bytes), ...(photos === null ? {} : { photos }), result: compactResult(result, this.table) };
      this.entries[id] = entry;
      this.touched.set(absolute, entry);
    }
    this.changed = true;
  }

  /**
   * Writes the cache when it changed, with what other runs saved since it was read. When another
   * run is saving for longer than a short wait, this run's results are simply not kept.
   */
  save(): void {
    if (!this.changed) return;
    mkdirOrThrow(this.file);
    const unlock = takeLock(`${this.file}.lock`);
    if (!unlock) return;
    try {
      const now = readCacheFile(this.file, this.seen);
      if (now.status === 'read' && now.payload.key === this.key) this.addTo(now.payload);
      const payload: Payload = { key: this.key, salt: this.salt, texts: this.table.texts, entries: this.entries };
      this.seen = writeCacheFile(this.file, payload);
      this.touched.clear();
      this.changed = false;
    } finally {
      unlock();
    }
  }

  /** Takes another run's newer file as this run's, with this run's own results added. */
  private addTo(other: Payload): void {
    const from = new TextTable(other.texts);
    const table = new TextTable();
    const entries: Record<string, Entry> = {};
    const move = (entry: Entry): Entry => ({ ...entry, result: reindexResult(entry.result, from, table) });
    for (const [id, entry] of Object.entries(other.entries)) {
      try {
        entries[id] = move(entry);
      } catch {
        // an entry this version cannot read: left out
      }
    }
    for (const [absolute, entry] of this.touched) {
      const id = entryId(other.salt, absolute);
      if (entry) entries[id] = { ...entry, result: reindexResult(entry.result, this.table, table) };
      else delete entries[id];
    }
    this.entries = entries;
    this.table = table;
    this.salt = other.salt;
  }
}

const newSalt = () => randomBytes(16).toString('base64url');

/** Salted, so that a cache that is shared does not tell which paths were checked. */
const entryId = (salt: string, absolute: string) => sha256(salt + absolute);

/** Reads the cache file; 'unchanged' when its payload's hash is `known` (so it need not be parsed again). */
function readCacheFile(file: string, known: string | null = null): Read {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return { status: 'none' };
  }
  const newline = bytes.indexOf(0x0a);
  let header: Partial<Header> | null = null;
  try {
    header = JSON.parse(bytes.subarray(0, newline < 0 ? bytes.length : newline).toString('utf8')) as Partial<Header>;
  } catch {
    // not JSON: not a cache
  }
  if (header?.format !== FORMAT || header.version !== VERSION || newline < 0) return { status: 'foreign' };
  const body = bytes.subarray(newline + 1);
  const digest = sha256(body);
  if (header.sha256 !== digest) return { status: 'damaged' };
  if (digest === known) return { status: 'unchanged' };
  let payload: Partial<Payload> | null = null;
  try {
    payload = JSON.parse(body.toString('utf8')) as Partial<Payload>;
  } catch {
    // checked below
  }
  if (
    typeof payload?.key !== 'string' ||
    typeof payload.salt !== 'string' ||
    !Array.isArray(payload.texts) ||
    typeof payload.entries !== 'object' ||
    payload.entries === null ||
    Array.isArray(payload.entries)
  )
    return { status: 'damaged' };
  return { status: 'read', payload: payload as Payload, digest };
}

/** Writes the file whole; gives the hash of its payload. */
function writeCacheFile(file: string, payload: Payload): string {
  const body = Buffer.from(JSON.stringify(payload));
  const digest = sha256(body);
  const header: Header = { format: FORMAT, version: VERSION, sha256: digest };
  try {
    // A failed write removes the temporary file itself.
    const writer = openFileWriter(file);
    writer.write(`${JSON.stringify(header)}\n`);
    writer.write(body);
    writer.commit();
  } catch (error) {
    throw cannotWrite(file, error);
  }
  return digest;
}

const cannotWrite = (file: string, error: unknown, cwd = process.cwd()) =>
  new SafepostError(
    `cannot write the cache file ${shownPath(file, cwd)}: ${writeFailureReason(error)} (--cache-location sets where it goes)`,
  );

function mkdirOrThrow(file: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (error) {
    throw cannotWrite(file, error);
  }
}

/** Found before any draft is checked, rather than after a whole site. */
function checkWritable(file: string, cwd: string): void {
  try {
    if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
    mkdirSync(dirname(file), { recursive: true });
    const probe = `${file}.${randomBytes(8).toString('hex')}.tmp`;
    closeSync(openSync(probe, 'wx'));
    rmSync(probe);
  } catch (error) {
    throw cannotWrite(file, error, cwd);
  }
}
