import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type { FileResult } from '../results/schema.js';
import type { Clause } from '../rules/schema.js';

export const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('base64url');

/** A local photo a cached result depended on, with what tells whether it changed. */
interface ImageStamp {
  path: string;
  size: number;
  mtimeMs: number;
}

type Finding = FileResult['findings'][number];
// The texts that repeat from finding to finding are kept once, in the file's `strings`.
type PackedFinding = Omit<Finding, 'clause' | 'category' | 'message' | 'suggestion'> & { clause: string; category: number; message: number; suggestion: number };
type PackedResult = Omit<FileResult, 'path' | 'findings'> & { findings: PackedFinding[] };

interface CacheEntry {
  content: string;
  /**
   * The draft's photos and their stamps, encrypted with a key made from the draft's own content:
   * only someone who has the draft can read which files it names (their names can hold a child's).
   */
  images?: string;
  result: PackedResult;
}

interface CacheFile {
  format: 'safepost-cache';
  /** Hash of everything besides a draft that decides its findings: version, rules, config, roster. */
  fingerprint: string;
  strings: string[];
  /** By a hash of each draft's path, so that the file holds no file name. */
  entries: Record<string, CacheEntry>;
}

function stamp(path: string): ImageStamp {
  try {
    // Most photos a draft names are not there (links, site paths): no exception for them.
    const stat = statSync(path, { throwIfNoEntry: false });
    return stat ? { path, size: stat.size, mtimeMs: stat.mtimeMs } : { path, size: -1, mtimeMs: 0 };
  } catch {
    return { path, size: -1, mtimeMs: 0 };
  }
}

/**
 * The key that seals a draft's photo list: made from the draft's content, but not the hash the
 * cache keeps of it (that one is in the file, and would open the seal).
 */
const photoKey = (content: Uint8Array) => createHash('sha256').update('safepost photo list\u0000').update(content).digest();

function seal(stamps: ImageStamp[], content: Uint8Array): string {
  const key = photoKey(content);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(stamps), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

function open(sealed: string, content: Uint8Array): ImageStamp[] | null {
  try {
    const data = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', photoKey(content), data.subarray(0, 12));
    decipher.setAuthTag(data.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8')) as ImageStamp[];
  } catch {
    return null;
  }
}

/**
 * Results of earlier runs, kept by the hash of each draft's content: a draft whose content,
 * photos, config, roster and rules are unchanged is not checked again. The file holds hashes,
 * positions, masked messages and clause ids, never a draft's text or a file name in the clear.
 */
export class ResultCache {
  private entries: Record<string, CacheEntry> = {};
  private strings: string[] = [];
  private stringIndex = new Map<string, number>();
  private changed = false;

  constructor(
    private readonly path: string,
    private readonly fingerprint: string,
    private readonly clauses: Map<string, Clause>,
  ) {
    try {
      const file = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
      if (file.format === 'safepost-cache' && file.fingerprint === fingerprint && Array.isArray(file.strings)) {
        this.entries = file.entries;
        this.strings = file.strings;
        this.strings.forEach((text, i) => this.stringIndex.set(text, i));
      }
    } catch {
      // No cache yet, or an unreadable one: start afresh.
    }
  }

  /** The cached result for a draft whose content and photos are unchanged. */
  get(absolute: string, content: Uint8Array): Omit<FileResult, 'path'> | undefined {
    const entry = this.entries[sha256(absolute)];
    if (!entry || entry.content !== sha256(content)) return undefined;
    if (entry.images) {
      const stamps = open(entry.images, content);
      if (!stamps || stamps.some((s) => JSON.stringify(stamp(s.path)) !== JSON.stringify(s))) return undefined;
    }
    const { channel, findings, ...rest } = entry.result;
    const text = this.strings;
    // The same key order as a fresh result, so that reports are identical byte for byte.
    return {
      channel,
      findings: findings.map(({ ruleId, category, severity, message, clause, line, column, endLine, endColumn, suggestion, ...more }) => ({
        ruleId,
        category: text[category] as Finding['category'],
        severity,
        message: text[message],
        clause: this.clauses.get(clause)!,
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

  set(absolute: string, content: Uint8Array, result: FileResult, imagePaths: string[]): void {
    const { path: _path, findings, ...rest } = result;
    this.entries[sha256(absolute)] = {
      content: sha256(content),
      ...(imagePaths.length > 0 ? { images: seal(imagePaths.map(stamp), content) } : {}),
      result: {
        ...rest,
        findings: findings.map((f) => ({
          ...f,
          category: this.intern(f.category),
          message: this.intern(f.message),
          clause: f.clause.id,
          suggestion: this.intern(f.suggestion),
        })),
      },
    };
    this.changed = true;
  }

  save(): void {
    if (!this.changed) return;
    const file: CacheFile = { format: 'safepost-cache', fingerprint: this.fingerprint, strings: this.strings, entries: this.entries };
    writeFileSync(this.path, JSON.stringify(file));
  }
}
