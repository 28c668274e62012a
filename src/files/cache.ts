import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync, type Stats } from 'node:fs';
import type { FileResult } from '../results/schema.js';
import type { Clause } from '../rules/schema.js';

export const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('base64url');

type Finding = FileResult['findings'][number];

/**
 * A finding as the cache keeps it: the texts that repeat from finding to finding are indexes into
 * the file's `strings`, and the fields every finding has are an array rather than an object.
 * [ruleId, category, severity, message, clause, line, column, endLine, endColumn, suggestion, rest?]
 */
type PackedFinding = [number, number, number, number, number, number, number, number, number, number, Partial<Finding>?];

/** [channel, findings, the rest of the result (error, note, ...) when there is any] */
type PackedResult = [number, PackedFinding[], Record<string, unknown>?];

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
}

// Timestamps on some file systems are whole seconds (FAT, HFS+): a draft saved within that long
// of the cache could change again without its stamp changing.
const STAMP_GRANULARITY_MS = 2000;

const stampOf = (stat: Stats): FileStamp => [stat.size, stat.mtimeMs, stat.ctimeMs];
const sameStamp = (a: FileStamp, b: FileStamp) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

/** A photo's stamp: size and modification time, or -1 for a photo that is not there. */
function photoStamp(path: string): string {
  try {
    // Most photos a draft names are not there (links, site paths): no exception for them.
    const stat = statSync(path, { throwIfNoEntry: false });
    return stat ? `${stat.size}:${stat.mtimeMs}` : '-1';
  } catch {
    return '-1';
  }
}

/**
 * The key that seals a draft's photo list: made from the draft's content, but not the hash the
 * cache keeps of it (that one is in the file, and would open the seal).
 */
const photoKey = (content: Uint8Array) => createHash('sha256').update('safepost photo list\u0000').update(content).digest();

/** A draft's photos: [path, stamp] pairs. */
type PhotoList = [string, string][];

function seal(photos: PhotoList, content: Uint8Array): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', photoKey(content), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(photos), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

function open(sealed: string, content: Uint8Array): PhotoList | null {
  try {
    const data = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', photoKey(content), data.subarray(0, 12));
    decipher.setAuthTag(data.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8')) as PhotoList;
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
  /** Photos stat'ed in this run: many drafts can name the same one. */
  private photoStamps = new Map<string, string>();

  constructor(
    private readonly path: string,
    private readonly fingerprint: string,
    private readonly clauses: Map<string, Clause>,
  ) {
    try {
      const file = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
      if (file.format === 'safepost-cache' && file.version === 2 && file.fingerprint === fingerprint && Array.isArray(file.strings)) {
        this.entries = file.entries;
        this.strings = file.strings;
        this.savedAt = file.savedAt;
        this.strings.forEach((text, i) => this.stringIndex.set(text, i));
      }
    } catch {
      // No cache yet, or an unreadable one: start afresh.
    }
  }

  private currentPhotoStamp(path: string): string {
    let stamp = this.photoStamps.get(path);
    if (stamp === undefined) {
      stamp = photoStamp(path);
      this.photoStamps.set(path, stamp);
    }
    return stamp;
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
    const key = sha256(absolute);
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
        if (entry.c !== sha256(read())) return { bytes: read(), stamp };
        // Same content, new stamp (a fresh checkout): keep the result, record the stamp.
        entry.s = stamp;
        this.changed = true;
      }
      if (entry.i !== undefined) {
        const photos = open(entry.i, read());
        if (!photos || photos.some(([path, was]) => this.currentPhotoStamp(path) !== was)) return { bytes: read(), stamp };
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
      ...rest,
    };
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
    if (Object.keys(rest).length > 0) packed.push(rest);
    this.entries[sha256(absolute)] = {
      c: sha256(bytes),
      s: stamp,
      ...(imagePaths.length > 0 ? { i: seal(imagePaths.map((p) => [p, this.currentPhotoStamp(p)]), bytes) } : {}),
      r: packed,
    };
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
    };
    writeFileSync(this.path, JSON.stringify(file));
  }
}
