/**
 * The reader-visible text of a document, with a map from every text offset back to
 * the original file. Built piece by piece by the format parsers.
 *
 * A run maps text[tStart, tEnd) to source[sStart, sEnd). A verbatim run is copied
 * character for character (tEnd - tStart === sEnd - sStart); any other run (an
 * entity, an escape) maps as one block, so a span touching it covers the whole of it.
 */
export interface SourceText {
  readonly text: string;
  /** Source offset where the text span [start, end) begins and ends (end exclusive). */
  toSource(start: number, end: number): { start: number; end: number };
}

export type SegmentKind =
  | 'heading'
  | 'paragraph'
  | 'list-item'
  | 'table-cell'
  | 'quote'
  | 'image-alt'
  | 'image-title'
  | 'caption'
  | 'image-src'
  | 'image-src'
  | 'front-matter'
  | 'byline'
  | 'text';

/** A piece of reader-visible text, in text coordinates. */
export interface Segment {
  kind: SegmentKind;
  start: number;
  end: number;
}

export class SourceTextBuilder {
  private parts: string[] = [];
  private length = 0;
  private tStarts: number[] = [];
  private tEnds: number[] = [];
  private sStarts: number[] = [];
  private sEnds: number[] = [];
  readonly segments: Segment[] = [];
  private openSegment: { kind: SegmentKind; start: number } | null = null;

  get textLength(): number {
    return this.length;
  }

  /** A character that stands for markup removed before parsing (template tags): never text. */
  maskedBy: string | null = null;

  /** Text copied unchanged from source[sStart, sStart + str.length). */
  verbatim(str: string, sStart: number): void {
    if (str.length === 0) return;
    if (this.maskedBy !== null && str.includes(this.maskedBy)) {
      let at = 0;
      for (const piece of str.split(this.maskedBy)) {
        if (piece) this.verbatim(piece, sStart + at);
        at += piece.length + 1;
      }
      return;
    }
    const n = this.tStarts.length - 1;
    if (
      n >= 0 &&
      this.tEnds[n] === this.length &&
      this.sEnds[n] === sStart &&
      this.tEnds[n] - this.tStarts[n] === this.sEnds[n] - this.sStarts[n]
    ) {
      this.tEnds[n] += str.length;
      this.sEnds[n] += str.length;
    } else {
      this.pushRun(str.length, sStart, sStart + str.length);
    }
    this.parts.push(str);
    this.length += str.length;
  }

  /** Text that stands for source[sStart, sEnd) as a whole (a decoded entity, an escape). */
  replaced(str: string, sStart: number, sEnd: number): void {
    if (this.maskedBy !== null) str = str.split(this.maskedBy).join('');
    if (str.length === 0) return;
    this.pushRun(str.length, sStart, sEnd);
    this.parts.push(str);
    this.length += str.length;
  }

  /** Text with no source of its own: a break between blocks, a space for removed code. */
  /** Between two cells of a table's row: the row reads as one line ("10.00 | Jewry Wall Museum"). */
  static readonly CELL = ' | ';

  separator(str = '\n\n'): void {
    if (this.length === 0) return;
    const last = this.parts[this.parts.length - 1];
    if (last !== undefined && (last === str || last.endsWith('\n\n'))) return;
    this.parts.push(str);
    this.length += str.length;
  }

  beginSegment(kind: SegmentKind): void {
    this.endSegment();
    this.openSegment = { kind, start: this.length };
  }

  endSegment(): void {
    const open = this.openSegment;
    if (open && this.length > open.start) this.segments.push({ kind: open.kind, start: open.start, end: this.length });
    this.openSegment = null;
  }

  private pushRun(tLen: number, sStart: number, sEnd: number): void {
    this.tStarts.push(this.length);
    this.tEnds.push(this.length + tLen);
    this.sStarts.push(sStart);
    this.sEnds.push(sEnd);
  }

  build(): SourceText {
    this.endSegment();
    const text = this.parts.join('');
    const tStarts = Int32Array.from(this.tStarts);
    const tEnds = Int32Array.from(this.tEnds);
    const sStarts = Int32Array.from(this.sStarts);
    const sEnds = Int32Array.from(this.sEnds);
    /** Index of the last run starting at or before t, or -1. */
    const runAt = (t: number): number => {
      let lo = 0;
      let hi = tStarts.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (tStarts[mid] <= t) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return found;
    };
    const verbatimRun = (i: number) => tEnds[i] - tStarts[i] === sEnds[i] - sStarts[i];
    const startOf = (t: number): number => {
      const i = runAt(t);
      if (i < 0) return tStarts.length ? sStarts[0] : 0;
      if (t >= tEnds[i]) return i + 1 < tStarts.length ? sStarts[i + 1] : sEnds[i];
      return verbatimRun(i) ? sStarts[i] + (t - tStarts[i]) : sStarts[i];
    };
    const endOf = (t: number): number => {
      if (t <= 0) return startOf(0);
      const i = runAt(t - 1);
      if (i < 0) return tStarts.length ? sStarts[0] : 0;
      if (t - 1 >= tEnds[i]) return sEnds[i];
      return verbatimRun(i) ? sStarts[i] + (t - tStarts[i]) : sEnds[i];
    };
    return {
      text,
      toSource(start: number, end: number) {
        const s = startOf(start);
        const e = Math.max(s, endOf(Math.max(start, end)));
        return { start: s, end: e };
      },
    };
  }
}
