import type { SuppressionComment } from '../documents/index.js';
import type { LineIndex } from '../text/positions.js';

const LINE_BREAK = /[\r\n]/g;
const TEXT = /\S/g;

interface Range {
  from: number;
  to: number;
  targets: string[];
}

/** Sorted, disjoint [from, to) ranges: whether an offset is in one, by binary search. */
class RangeUnion {
  private readonly froms: number[] = [];
  private readonly tos: number[] = [];

  constructor(ranges: Range[]) {
    const sorted = [...ranges].sort((a, b) => a.from - b.from);
    for (const r of sorted) {
      if (r.to <= r.from) continue;
      const last = this.tos.length - 1;
      if (last >= 0 && r.from <= this.tos[last]) this.tos[last] = Math.max(this.tos[last], r.to);
      else {
        this.froms.push(r.from);
        this.tos.push(r.to);
      }
    }
  }

  has(offset: number): boolean {
    let lo = 0;
    let hi = this.froms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.froms[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && offset < this.tos[lo - 1];
  }
}

/** Decides whether a finding is hidden by a `safepost-disable…` comment. */
export class Suppressions {
  private readonly ranges: Range[] = [];
  private readonly lines = new Map<number, string[][]>();
  /** The ranges for every rule, and those for each rule or category they name. */
  private readonly forAll: RangeUnion;
  private readonly forTarget = new Map<string, RangeUnion>();

  constructor(comments: SuppressionComment[], lines: LineIndex, source: string) {
    // Open ranges, those for every rule and those by what they name: an enable comment closes
    // the ones it names without looking at all that are open.
    const openForAll = new Set<Range>();
    const openByTarget = new Map<string, Set<Range>>();
    const close = (r: Range, at: number) => {
      r.to = at;
      openForAll.delete(r);
      for (const t of r.targets) openByTarget.get(t)?.delete(r);
    };
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
        const range: Range = { from: c.end, to: Infinity, targets: c.targets };
        this.ranges.push(range);
        if (range.targets.length === 0) openForAll.add(range);
        for (const t of range.targets) {
          let open = openByTarget.get(t);
          if (!open) openByTarget.set(t, (open = new Set()));
          open.add(range);
        }
      } else if (c.targets.length === 0) {
        for (const r of [...openForAll]) close(r, c.start);
        for (const open of openByTarget.values()) for (const r of [...open]) close(r, c.start);
      } else {
        for (const t of c.targets) for (const r of [...(openByTarget.get(t) ?? [])]) close(r, c.start);
      }
    }
    this.forAll = new RangeUnion(this.ranges.filter((r) => r.targets.length === 0));
    const byTarget = new Map<string, Range[]>();
    for (const r of this.ranges) {
      for (const t of r.targets) {
        const list = byTarget.get(t);
        if (list) list.push(r);
        else byTarget.set(t, [r]);
      }
    }
    for (const [t, list] of byTarget) this.forTarget.set(t, new RangeUnion(list));
  }

  get empty(): boolean {
    return this.ranges.length === 0 && this.lines.size === 0;
  }

  covers(offset: number, line: number, ruleId: string, category: string): boolean {
    const named = (targets: string[]) => targets.length === 0 || targets.includes(ruleId) || targets.includes(category);
    if (this.lines.get(line)?.some(named)) return true;
    return this.forAll.has(offset) || this.forTarget.get(ruleId)?.has(offset) === true || this.forTarget.get(category)?.has(offset) === true;
  }
}
