import { relative } from 'node:path';

// C0 and C1 control characters, DEL, and the Unicode marks that reorder or break lines: in a
// file name they could recolour a terminal, ring its bell, move its cursor or forge a CI log line.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** A name or message safe to print: each control character as `\u001b`; newlines kept when asked (for whole messages). */
export function printable(text: string, keepNewlines = false): string {
  return text.replace(keepNewlines ? CONTROL_BUT_NEWLINE : CONTROL, escape);
}

/**
 * A path as messages and reports show it: relative to `cwd` when inside it, with forward
 * slashes. It is the real name (JSON and SARIF keep it so): pass it through `printable` before
 * it reaches a terminal or a CI log.
 */
export function shownPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel.split('\\').join('/') : path;
}
