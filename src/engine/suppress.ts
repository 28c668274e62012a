import type { SuppressionComment } from '../documents/index.js';
import type { LineIndex } from '../text/positions.js';

const LINE_BREAK = /[\r\n]/g;
const TEXT = /\S/g;

interface Range {
  from: number;
  to: number;
  targets: string[];
}

/** Decides whether a finding is hidden by a `safepost-disable…` comment. */
export class Suppressions {
  private readonly ranges: Range[] = [];
  private readonly lines = new Map<number, string[][]>();

  constructor(comments: SuppressionComment[], lines: LineIndex, source: string) {
    let open: Range[] = [];
    for (const c of comments) {
      if (c.kind === 'disable-next-line') {
        // The next line with text on it, so a blank line after the comment does not void it.
        LINE_BREAK.lastIndex = c.end;
        const lineEnd = LINE_BREAK.exec(source);
        TEXT.lastIndex = lineEnd ? lineEnd.index : source.length;
        const next = TEXT.exec(source);
        // With no text after it, the comment still names the line that follows.
        const line = next ? lines.position(next.index).line : lines.position(c.end).line + 1;
        const list = this.lines.get(line) ?? [];
        list.push(c.targets);
        this.lines.set(line, list);
      } else if (c.kind === 'disable') {
        open.push({ from: c.end, to: Infinity, targets: c.targets });
        this.ranges.push(open[open.length - 1]);
      } else {
        const closing = c.targets.length === 0 ? open : open.filter((r) => r.targets.some((t) => c.targets.includes(t)));
        for (const r of closing) r.to = c.start;
        open = open.filter((r) => !closing.includes(r));
      }
    }
  }

  get empty(): boolean {
    return this.ranges.length === 0 && this.lines.size === 0;
  }

  covers(offset: number, line: number, ruleId: string, category: string): boolean {
    const named = (targets: string[]) => targets.length === 0 || targets.includes(ruleId) || targets.includes(category);
    if (this.lines.get(line)?.some(named)) return true;
    return this.ranges.some((r) => offset >= r.from && offset < r.to && named(r.targets));
  }
}
