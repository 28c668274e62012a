import { relative } from 'node:path';

/** A path as messages show it: relative to `cwd` when inside it, with forward slashes. */
export function shownPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel.split('\\').join('/') : path;
}
