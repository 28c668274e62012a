import type { SuppressionComment } from '../documents/index.js';
import type { LineIndex } from '../text/positions.js';
import { shownText } from '../text/shown-text.js';

const LINE_BREAK = /[\r\n]/g;
const TEXT = /\S/g;

interface Range {
  from: number;
  to: number;
  targets: string[];
  /** The comment that opened it. */
  comment: number;
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

/** What is wrong with one disable comment, said with its line: it names no rule, or (`unused`) it hid nothing. */
export interface DirectiveProblem {
  unused: boolean;
  message: string;
}

/** Decides whether a finding is hidden by a `safepost-disable…` comment. */
export class Suppressions {
  private readonly ranges: Range[] = [];
  private readonly lines = new Map<number, Array<{ targets: string[]; comment: number }>>();
  /** Which comments hid some finding. */
  private readonly used: boolean[];
  /** The ranges for every rule, and those for each rule or category they name. */
  private readonly forAll: RangeUnion;
  private readonly forTarget = new Map<string, RangeUnion>();

  constructor(
    private readonly comments: SuppressionComment[],
    private readonly lineIndex: LineIndex,
    source: string,
  ) {
    this.used = comments.map(() => false);
    const hideLine = (line: number, index: number) => {
      const list = this.lines.get(line) ?? [];
      list.push({ targets: comments[index].targets, comment: index });
      this.lines.set(line, list);
    };
    // Open ranges, those for every rule and those by what they name: an enable comment closes
    // the ones it names without looking at all that are open.
    const openForAll = new Set<Range>();
    const openByTarget = new Map<string, Set<Range>>();
    const close = (r: Range, at: number) => {
      r.to = at;
      openForAll.delete(r);
      for (const t of r.targets) openByTarget.get(t)?.delete(r);
    };
    comments.forEach((c, index) => {
      if (c.kind === 'disable-line') {
        hideLine(lineIndex.position(c.start).line, index);
      } else if (c.kind === 'disable-next-line') {
        // The next line with text on it, so a blank line after the comment does not void it.
        LINE_BREAK.lastIndex = c.end;
        const lineEnd = LINE_BREAK.exec(source);
        TEXT.lastIndex = lineEnd ? lineEnd.index : source.length;
        const next = TEXT.exec(source);
        // With no text after it, the comment still names the line that follows.
        hideLine(next ? lineIndex.position(next.index).line : lineIndex.position(c.end).line + 1, index);
      } else if (c.kind === 'disable') {
        const range: Range = { from: c.end, to: Infinity, targets: c.targets, comment: index };
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
    });
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

  /** Whether a finding is hidden; the comments that hide it count as used. */
  covers(offset: number, line: number, ruleId: string, category: string): boolean {
    const named = (targets: string[]) => targets.length === 0 || targets.includes(ruleId) || targets.includes(category);
    let hidden = false;
    for (const { targets, comment } of this.lines.get(line) ?? []) {
      if (named(targets)) hidden = this.used[comment] = true;
    }
    if (this.forAll.has(offset) || this.forTarget.get(ruleId)?.has(offset) === true || this.forTarget.get(category)?.has(offset) === true) {
      // Rare: which comments hide it is worked out only then.
      for (const r of this.ranges) if (r.from <= offset && offset < r.to && named(r.targets)) this.used[r.comment] = true;
      hidden = true;
    }
    return hidden;
  }

  /** What is wrong with the comments, by line: a name that is no rule or category, and (when asked) a comment that hid nothing. */
  problems(known: ReadonlySet<string>, unused: boolean): DirectiveProblem[] {
    const out: DirectiveProblem[] = [];
    this.comments.forEach((c, i) => {
      const line = this.lineIndex.position(c.start).line;
      const unknown = c.targets.filter((t) => !known.has(t));
      if (unknown.length > 0) {
        const names = unknown.map((t) => `"${shownText(t, 40)}"`).join(', ');
        out.push({ unused: false, message: `line ${line}: safepost-${c.kind} names ${unknown.length === 1 ? 'no rule or category' : 'no rules or categories'} ${names}; "safepost rules" lists them` });
      } else if (unused && c.kind !== 'enable' && !this.used[i]) {
        out.push({ unused: true, message: `line ${line}: safepost-${c.kind} hides no finding; remove it` });
      }
    });
    return out;
  }
}
