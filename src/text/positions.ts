/**
 * Offsets where each line starts, `base` added. A line ends at LF, CRLF or a lone CR, as
 * editors and CommonMark count them, so old Mac files and mixed endings keep their lines.
 */
export function lineStarts(source: string, base = 0): number[] {
  const starts = [base];
  // Found with indexOf, which is far faster than a loop over characters on long drafts.
  let lf = source.indexOf('\n');
  let cr = source.indexOf('\r');
  while (lf >= 0 || cr >= 0) {
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      const crlf = source.charCodeAt(cr + 1) === 0x0a;
      starts.push(base + cr + (crlf ? 2 : 1));
      if (crlf) lf = source.indexOf('\n', cr + 2);
      cr = source.indexOf('\r', cr + 1);
    } else {
      starts.push(base + lf + 1);
      lf = source.indexOf('\n', lf + 1);
    }
  }
  return starts;
}

/** Turns source offsets into 1-based lines and columns (UTF-16 code units). */
export class LineIndex {
  private readonly starts: number[];
  constructor(source: string) {
    this.starts = lineStarts(source);
  }

  /** The offset of a 1-based line and column. */
  offset(line: number, column: number): number {
    return (this.starts[line - 1] ?? 0) + column - 1;
  }

  position(offset: number): { line: number; column: number } {
    const line = lastAtOrBefore(this.starts, offset);
    return { line: line + 1, column: offset - this.starts[line] + 1 };
  }
}

/** The index of the last of these sorted starts at or before `offset` (0 when none is). */
export function lastAtOrBefore(starts: ArrayLike<number>, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
