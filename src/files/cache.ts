import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import type { FileResult } from '../results/schema.js';
import type { Clause } from '../rules/schema.js';

export const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('base64url');

/** 128 bits of SHA-256: enough to tell contents and paths apart, and half the file. */
const shortHash = (data: string | Uint8Array) => createHash('sha256').update(data).digest().subarray(0, 16).toString('base64url');

type Finding = FileResult['findings'][number];

/**
 * A finding as the cache keeps it: the texts that repeat from finding to finding are indexes into
 * the file's `strings`, and the fields every finding has are an array rather than an object.
 * [ruleId, category, severity, message, clause, line, column, endLine, endColumn, suggestion, rest?]
 */
type PackedFinding = [number, number, number, number, number, number, number, number, number, number, Partial<Finding>?];

/** A result's other fields, its error and note as indexes into `strings`. */
type PackedRest = { error?: number; note?: number } & Partial<Pick<FileResult, 'errorLine' | 'positions'>>;

/** [channel, findings, the rest of the result (error, note, ...) when there is any] */
type PackedResult = [number, PackedFinding[], PackedRest?];

/** What tells cheaply that a file is unchanged: its size, modification and change times. */
type FileStamp = [size: number, mtimeMs: number, ctimeMs: number];

interface CacheEntry {
  /** Hash of the draft's content. */
  c: string;
  /** The draft's stamp when its content had that hash. */
  s: FileStamp;
  /**
   * The draft's photos and their stamps, encrypted with a key made from the draft's own content:
   * only someone who has the draft can read which files it names (their names can hold a child's).
   */
  i?: string;
  r: PackedResult;
}

interface CacheFile {
  format: 'safepost-cache';
  version: 2;
  /** Hash of everything besides a draft that decides its findings: version, rules, config, roster. */
  fingerprint: string;
  /** When the file was written: a draft modified in the same moment is read again, its stamp not trusted. */
  savedAt: number;
  strings: string[];
  /** By a hash of each draft's path, so that the file holds no file name. */
  entries: Record<string, CacheEntry>;
  /**
   * Every draft's photo list again, sealed with a key kept on this machine outside the cache: it
   * spares reading an unchanged draft to open its own seal. On another machine it does not open,
   * and the drafts' own seals are used.
   */
  photos?: string;
}

// Timestamps on some file systems are whole seconds (FAT, HFS+): a draft saved within that long
// of the cache could change again without its stamp changing.
const STAMP_GRANULARITY_MS = 2000;

const stampOf = (stat: Stats): FileStamp => [stat.size, stat.mtimeMs, stat.ctimeMs];
const sameStamp = (a: FileStamp, b: FileStamp) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

/**
 * A photo's stamp: its size, modification and change times; for a photo that is not there, the stamp of
 * the nearest folder above it that is (a file appearing there changes the folder's time), so that
 * photos that are missing cost one look at their folder, not one each.
 */
type PhotoStamp = string;

/** The modification time in a stamp ("size:mtime:ctime", or "-levels:mtime:ctime" of a folder), to tell one too recent to trust. */
const stampTime = (stamp: PhotoStamp) => Number(stamp.split(':')[1]);

function statOf(path: string): Stats | undefined {
  try {
    // Most photos a draft names are not there (links, site paths): no exception for them.
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/**
 * The key that seals the photo table: random, kept in the user's cache folder, never in the
 * cache file itself, so that the cache file alone opens nothing. Null when it cannot be kept.
 */
function machineKey(env: NodeJS.ProcessEnv): Buffer | null {
  const base = env.XDG_CACHE_HOME || (process.platform === 'win32' && env.LOCALAPPDATA) || join(homedir(), '.cache');
  const file = join(base, 'safepost', 'photo-list-key');
  try {
    const key = readFileSync(file);
    if (key.length === 32) return key;
  } catch {
    // Not made yet.
  }
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const key = randomBytes(32);
    writeFileSync(file, key, { mode: 0o600 });
    return key;
  } catch {
    return null;
  }
}

/**
 * The key that seals a draft's photo list: made from the draft's content, but not the hash the
 * cache keeps of it (that one is in the file, and would open the seal).
 */
const photoKey = (content: Uint8Array) => createHash('sha256').update('safepost photo list\u0000').update(content).digest();

/** A draft's photos: [path from the draft's folder, stamp] pairs. */
type PhotoList = [string, PhotoStamp][];

function seal(value: unknown, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

function open<T>(sealed: string, key: Buffer): T | null {
  try {
    const data = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
    decipher.setAuthTag(data.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8')) as T;
  } catch {
    return null;
  }
}

/** What a lookup found: a result to reuse, or the draft's bytes and stamp to check it with. */
export type CacheLookup = { result: Omit<FileResult, 'path'> } | { bytes: Uint8Array; stamp: FileStamp } | null;

/**
 * Results of earlier runs, kept by the hash of each draft's content: a draft whose content,
 * photos, config, roster and rules are unchanged is not checked again. A draft whose size and
 * times are those recorded is taken as unchanged without being read, as make and git do. The
 * file holds hashes, positions, masked messages and clause ids, never a draft's text or a file
 * name in the clear.
 */
export class ResultCache {
  private entries: Record<string, CacheEntry> = {};
  private strings: string[] = [];
  private stringIndex = new Map<string, number>();
  private savedAt = 0;
  private changed = false;
  /** The machine's key for the photo table, and the table: each draft's photos by its path's hash. */
  private readonly tableKey: Buffer | null;
  private photoTable = new Map<string, PhotoList>();
  /** Stamps taken in this run: many drafts can name the same photo or folder. */
  private photoStamps = new Map<string, PhotoStamp>();
  private folderStamps = new Map<string, PhotoStamp>();

  constructor(
    private readonly path: string,
    private readonly fingerprint: string,
    private readonly clauses: Map<string, Clause>,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    this.tableKey = machineKey(env);
    try {
      const file = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
      if (file.format === 'safepost-cache' && file.version === 2 && file.fingerprint === fingerprint && Array.isArray(file.strings)) {
        this.entries = file.entries;
        this.strings = file.strings;
        this.savedAt = file.savedAt;
        this.strings.forEach((text, i) => this.stringIndex.set(text, i));
        const table = file.photos && this.tableKey ? open<Record<string, PhotoList>>(file.photos, this.tableKey) : null;
        if (table) this.photoTable = new Map(Object.entries(table));
      }
    } catch {
      // No cache yet, or an unreadable one: start afresh.
    }
  }

  /** The stamp of the nearest folder at or above `dir` that is there, with how many levels up it is. */
  private folderStamp(dir: string): PhotoStamp {
    let stamp = this.folderStamps.get(dir);
    if (stamp === undefined) {
      const stat = statOf(dir);
      const parent = dirname(dir);
      if (stat) stamp = `0:${stat.mtimeMs}:${stat.ctimeMs}`;
      else if (parent === dir) stamp = '0:0:0';
      else {
        const [up, ...times] = this.folderStamp(parent).split(':');
        stamp = [Number(up) + 1, ...times].join(':');
      }
      this.folderStamps.set(dir, stamp);
    }
    return stamp;
  }

  /** A photo's stamp as it is now. */
  private photoStamp(path: string): PhotoStamp {
    let stamp = this.photoStamps.get(path);
    if (stamp === undefined) {
      const stat = statOf(path);
      stamp = stat ? `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}` : `-${this.folderStamp(dirname(path))}`;
      this.photoStamps.set(path, stamp);
    }
    return stamp;
  }

  /**
   * Whether a photo is as recorded. A missing one is looked for only when its folder changed;
   * a stamp from the moment the cache was written is not trusted (the file may have changed
   * again within its time's granularity).
   */
  private photoUnchanged(path: string, was: PhotoStamp): boolean {
    const now = was.startsWith('-') ? `-${this.folderStamp(dirname(path))}` : this.photoStamp(path);
    return now === was && stampTime(was) < this.savedAt - STAMP_GRANULARITY_MS;
  }

  /**
   * The cached result for a draft whose content and photos are unchanged; otherwise its bytes,
   * for checking it (null when it cannot be read: the check says why).
   */
  lookup(absolute: string): CacheLookup {
    let stamp: FileStamp;
    try {
      stamp = stampOf(statSync(absolute));
    } catch {
      return null;
    }
    const key = shortHash(absolute);
    const entry = this.entries[key];
    const trusted = entry !== undefined && sameStamp(entry.s, stamp) && stamp[1] < this.savedAt - STAMP_GRANULARITY_MS;
    let bytes: Uint8Array | undefined;
    const read = () => {
      bytes ??= readFileSync(absolute);
      return bytes;
    };
    try {
      if (!entry) return { bytes: read(), stamp };
      if (!trusted) {
        if (entry.c !== shortHash(read())) return { bytes: read(), stamp };
        // Same content, new stamp (a fresh checkout): keep the result, record the stamp.
        entry.s = stamp;
        this.changed = true;
      }
      if (entry.i !== undefined) {
        let photos = this.photoTable.get(key);
        if (!photos) {
          // The table did not open here (another machine): the draft's own seal.
          photos = open<PhotoList>(entry.i, photoKey(read())) ?? undefined;
          if (!photos) return { bytes: read(), stamp };
          this.photoTable.set(key, photos);
          this.changed = true;
        }
        const folder = dirname(absolute);
        if (!photos.every(([path, was]) => this.photoUnchanged(resolve(folder, path), was))) return { bytes: read(), stamp };
      }
    } catch {
      return null;
    }
    return { result: this.unpack(entry.r) };
  }

  private unpack([channel, findings, rest]: PackedResult): Omit<FileResult, 'path'> {
    const text = this.strings;
    // The same key order as a fresh result, so that reports are identical byte for byte.
    return {
      channel: text[channel] as FileResult['channel'],
      findings: findings.map(([ruleId, category, severity, message, clause, line, column, endLine, endColumn, suggestion, more]) => ({
        ruleId: text[ruleId],
        category: text[category] as Finding['category'],
        severity: text[severity] as Finding['severity'],
        message: text[message],
        clause: this.clauses.get(text[clause])!,
        line,
        column,
        endLine,
        endColumn,
        suggestion: text[suggestion],
        ...more,
      })),
      ...(rest && this.unpackRest(rest)),
    };
  }

  /** A result's other fields, in a fresh result's order, with their texts back from `strings`. */
  private unpackRest({ error, note, ...others }: PackedRest): Partial<FileResult> {
    const { errorLine, positions } = others as Partial<FileResult>;
    const result: Partial<FileResult> = {};
    if (error !== undefined) result.error = this.strings[error];
    if (errorLine !== undefined) result.errorLine = errorLine;
    if (note !== undefined) result.note = this.strings[note];
    if (positions !== undefined) result.positions = positions;
    return result;
  }

  private intern(value: string): number {
    let i = this.stringIndex.get(value);
    if (i === undefined) {
      i = this.strings.push(value) - 1;
      this.stringIndex.set(value, i);
    }
    return i;
  }

  set(absolute: string, bytes: Uint8Array, stamp: FileStamp, result: FileResult, imagePaths: string[]): void {
    const { path: _path, channel, findings, ...rest } = result;
    const packed: PackedResult = [
      this.intern(channel),
      findings.map(({ ruleId, category, severity, message, clause, line, column, endLine, endColumn, suggestion, ...more }) => {
        const fields: PackedFinding = [
          this.intern(ruleId),
          this.intern(category),
          this.intern(severity),
          this.intern(message),
          this.intern(clause.id),
          line,
          column,
          endLine,
          endColumn,
          this.intern(suggestion),
        ];
        if (Object.keys(more).length > 0) fields.push(more);
        return fields;
      }),
    ];
    if (Object.keys(rest).length > 0) {
      const { error, note, ...others } = rest;
      packed.push({
        ...(error !== undefined ? { error: this.intern(error) } : {}),
        ...(note !== undefined ? { note: this.intern(note) } : {}),
        ...others,
      });
    }
    const key = shortHash(absolute);
    const folder = dirname(absolute);
    const photos: PhotoList = imagePaths.map((p) => [relative(folder, p), this.photoStamp(p)]);
    this.entries[key] = { c: shortHash(bytes), s: stamp, ...(photos.length > 0 ? { i: seal(photos, photoKey(bytes)) } : {}), r: packed };
    if (photos.length > 0) this.photoTable.set(key, photos);
    else this.photoTable.delete(key);
    this.changed = true;
  }

  save(): void {
    if (!this.changed) return;
    const file: CacheFile = {
      format: 'safepost-cache',
      version: 2,
      fingerprint: this.fingerprint,
      savedAt: Date.now(),
      strings: this.strings,
      entries: this.entries,
      ...(this.tableKey && this.photoTable.size > 0 ? { photos: seal(Object.fromEntries(this.photoTable), this.tableKey) } : {}),
    };
    writeFileSync(this.path, JSON.stringify(file));
  }
}
