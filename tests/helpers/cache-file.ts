import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

/** A cache file's payload, as far as tests look into it. */
export interface CachePayload {
  key: string;
  salt: string;
  texts: string[];
  entries: Record<string, { hash: string; photos?: { stamp: string; at?: number[][] }; result: { findings: number[][] } }>;
}

/** A cache file's parts: its first line (what it is, the hash of the rest) and its payload. */
export function readCache(file: string): { header: { format: string; version: number; sha256: string }; payload: CachePayload } {
  const text = readFileSync(file, 'utf8');
  const newline = text.indexOf('\n');
  return { header: JSON.parse(text.slice(0, newline)), payload: JSON.parse(text.slice(newline + 1)) };
}

/** Writes a cache file with this payload as safepost would, its hash made to fit. */
export function writeCache(file: string, payload: unknown): void {
  const body = JSON.stringify(payload);
  const sha256 = createHash('sha256').update(body).digest('base64url');
  writeFileSync(file, `${JSON.stringify({ format: 'safepost-cache', version: 3, sha256 })}\n${body}`);
}
