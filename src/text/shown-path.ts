import { relative } from 'node:path';

/**
 * A path as messages and reports show it: relative to `cwd` when inside it, with forward
 * slashes. It is the real name (JSON and SARIF keep it so): pass it through `printable` before
 * it reaches a terminal or a CI log.
 */
export function shownPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel.split('\\').join('/') : path;
}
