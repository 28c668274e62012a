import type { FileResult, Finding } from '../results/schema.js';
import { LineIndex } from '../text/positions.js';

/** Findings a report for people shows as one: the same rule on the same words, in one file. */
export interface FindingGroup<T extends { f: Finding } = { f: Finding }> {
  /** In the order of the file, so the first stands for the group and gives its position. */
  members: T[];
}

// Two findings can only be one group when they say the same thing: checked before any text is
// read, so that a draft without one repeated message is never read again for its report.
const sameMessage = (f: Finding) => `${f.ruleId}\u0000${f.severity}\u0000${f.message.toLowerCase()}`;

/** Whether a draft's text could put two of these findings in one group. */
export function mayGroup(file: FileResult): boolean {
  const seen = new Set<string>();
  for (const f of file.findings) {
    if (f.suppressed) continue;
    const key = sameMessage(f);
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}

/**
 * Groups a file's findings (in its order) by rule, message and the words found, compared without
 * case or surrounding space. Messages mask what they found ("J. S."), so the words come from
 * the draft's text, here only: a group shows no more of them than its first finding's message.
 * Without the text every finding is a group of its own, as two names can have one mask.
 */
export function groupFindings<T extends { f: Finding }>(items: T[], source: string | undefined): Array<FindingGroup<T>> {
  if (source === undefined || items.length < 2) return items.map((item) => ({ members: [item] }));
  const lines = new LineIndex(source);
  const groups: Array<FindingGroup<T>> = [];
  const byKey = new Map<string, FindingGroup<T>>();
  for (const item of items) {
    const { f } = item;
    const words = source
      .slice(lines.offset(f.line, f.column), lines.offset(f.endLine, f.endColumn))
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase();
    const key = `${sameMessage(f)}\u0000${words}`;
    const group = byKey.get(key);
    if (group) group.members.push(item);
    else {
      const started = { members: [item] };
      byKey.set(key, started);
      groups.push(started);
    }
  }
  return groups;
}

/** The distinct lines (or paragraphs) of a group's findings, in order. */
export const linesOf = (group: FindingGroup): number[] => [...new Set(group.members.map(({ f }) => f.line))];

/** "3", "3 and 5", "3, 5 and 9"; past `most` numbers, the rest as a count: "3, 5, 9 and 12 more". */
export function listOf(numbers: number[], most = Infinity): string {
  if (numbers.length > most) return `${numbers.slice(0, most).join(', ')} and ${numbers.length - most} more`;
  if (numbers.length === 1) return String(numbers[0]);
  return `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}
