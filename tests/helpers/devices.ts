import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * A character device to write to, like /dev/null: as root, a node of its own in `dir` (1, 3),
 * so that a writer that wrongly replaced it never breaks the machine's /dev/null; as anyone
 * else, /dev/null itself, which they cannot replace.
 */
export function nullDevice(dir: string): string {
  if (process.getuid?.() !== 0) return '/dev/null';
  const path = join(dir, 'null');
  execFileSync('mknod', [path, 'c', '1', '3']);
  return path;
}
