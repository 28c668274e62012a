import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { sha256Bytes } from '../fs/hash.js';

// Sealing what the cache keeps of photo file names, whose names can hold a child's: AES-256-GCM
// with keys the cache file does not hold.

/**
 * The key that seals the photo table: random, kept in the user's cache folder, never in the
 * cache file itself, so that the cache file alone opens nothing. Null when it cannot be kept.
 */
export function machineKey(env: NodeJS.ProcessEnv): Buffer | null {
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
    // Made once: two first runs at the same moment keep the one that was written first.
    writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return null;
    try {
      const key = readFileSync(file);
      return key.length === 32 ? key : null;
    } catch {
      return null;
    }
  }
}

/**
 * The key that seals a draft's photo list: made from the draft's content, but not the hash the
 * cache keeps of it (that one is in the file, and would open the seal).
 */
const PHOTO_KEY_PREFIX = Buffer.from('safepost photo list\u0000');
export const photoKey = (content: Uint8Array) => sha256Bytes(Buffer.concat([PHOTO_KEY_PREFIX, content]));

// Nonces for sealing, drawn from the system's random source a few hundred at a time: a call
// costs the same for 12 bytes as for 4 KB, and a first run seals thousands of photo lists.
let nonces = Buffer.alloc(0);
let nonceAt = 0;
function nonce(): Buffer {
  if (nonceAt + 12 > nonces.length) {
    nonces = randomBytes(12 * 340);
    nonceAt = 0;
  }
  nonceAt += 12;
  return nonces.subarray(nonceAt - 12, nonceAt);
}

/**
 * Seals a text. `deflate` for large ones (a whole table of photo names, which repeat a lot):
 * squeezed first, a fifth of the size to keep, read and decrypt.
 */
export function sealText(text: string, key: Buffer, { deflate = false } = {}): string {
  const iv = nonce();
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const plain = Buffer.from(text, 'utf8');
  const body = Buffer.concat([cipher.update(deflate ? deflateRawSync(plain) : plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The text a seal holds, or null for a seal this key does not open. */
export function openText(sealed: string, key: Buffer, { deflate = false } = {}): string | null {
  try {
    const data = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
    decipher.setAuthTag(data.subarray(12, 28));
    const body = Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]);
    return (deflate ? inflateRawSync(body) : body).toString('utf8');
  } catch {
    return null;
  }
}

export const seal = (value: unknown, key: Buffer): string => sealText(JSON.stringify(value), key);

export function open<T>(sealed: string, key: Buffer): T | null {
  const text = openText(sealed, key);
  try {
    return text === null ? null : (JSON.parse(text) as T);
  } catch {
    return null;
  }
}
