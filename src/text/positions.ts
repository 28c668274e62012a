/** Turns source offsets into 1-based lines and columns (UTF-16 code units). */
export class LineIndex {
  private readonly starts: number[];
  constructor(source: string) {
    const starts = [0];
    let i = source.indexOf('\n');
    while (i >= 0) {
      starts.push(i + 1);
      i = source.indexOf('\n', i + 1);
    }
    this.starts = starts;
  }

  /** The offset of a 1-based line and column. */
  offset(line: number, column: number): number {
    return (this.starts[line - 1] ?? 0) + column - 1;
  }

  position(offset: number): { line: number; column: number } {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  }
}
