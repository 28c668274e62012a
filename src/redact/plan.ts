import type { DraftImage, LinkTarget } from '../documents/index.js';
import { LineIndex } from '../text/positions.js';
import type { Finding } from '../results/schema.js';

/** One change to a draft, in source offsets. */
export interface Edit {
  start: number;
  end: number;
  replacement: string;
  ruleId: string;
  /** What was done, in plain words, without the text itself. */
  action: string;
}

/** A finding the redaction could not fix by itself, and why. */
export interface LeftAlone {
  line: number;
  column: number;
  ruleId: string;
  reason: string;
}

export const REMOVED = '(removed)';

// Where a sentence, a line, a list item, a heading, an alt text or an element's text begins.
const SENTENCE_START = /(?:[.!?]["'’”)\]]?\s+|[\r\n][ \t>#*+-]*(?:\d+[.)]\s+)?|="|='|>|!\[)$/;
const INITIAL = /^\p{Lu}\.?$/u;

/** "a pupil", or "A pupil" where a sentence begins. */
function aPupil(source: string, at: number): string {
  const before = (at <= 40 ? '\n' : '') + source.slice(Math.max(0, at - 40), at);
  return SENTENCE_START.test(before) ? 'A pupil' : 'a pupil';
}

/** Where an image's file name is written in the source, if it is. */
function srcRange(source: string, image: DraftImage): [number, number] | null {
  if (!image.src) return null;
  const at = source.slice(image.start, image.end).indexOf(image.src);
  return at < 0 ? null : [image.start + at, image.start + at + image.src.length];
}

/**
 * The edits that take pupils' names and personal contact details out of a draft:
 * - a personal contact detail is replaced by "(removed)"; one in a link's target (`mailto:…`)
 *   empties the target, as "mailto:(removed)" would still be a link to nowhere;
 * - a pupil's full name is cut to the first name ("Jack Smith" → "Jack");
 * - a name that identifies a child where it stands (an error: beside a photo, in a caption or
 *   alt text, with a year group or age) is replaced by "a pupil";
 * - a name in a photo's file name is left alone, as renaming the photo is the fix.
 * Findings hidden by a suppression comment are kept as they are.
 */
export function planRedaction(
  source: string,
  findings: Finding[],
  images: DraftImage[],
  linkTargets: LinkTarget[] = [],
): { edits: Edit[]; left: LeftAlone[] } {
  const lines = new LineIndex(source);
  const edits: Edit[] = [];
  const left: LeftAlone[] = [];
  // Photos' file names by start, with the furthest end so far: a finding is tested against all
  // of them by one binary search.
  const sources = images
    .map((image) => srcRange(source, image))
    .filter((r): r is [number, number] => r !== null)
    .sort((x, y) => x[0] - y[0]);
  const furthestEnd: number[] = [];
  for (const [, b] of sources) furthestEnd.push(Math.max(b, furthestEnd[furthestEnd.length - 1] ?? -1));
  const inFileName = (start: number, end: number) => {
    let lo = 0;
    let hi = sources.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sources[mid][0] < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && furthestEnd[lo - 1] > start;
  };
  for (const f of findings) {
    if (f.suppressed) continue;
    const start = lines.offset(f.line, f.column);
    const end = lines.offset(f.endLine, f.endColumn);
    if (f.category === 'contact-details') {
      const target = linkTargets.find((t) => t.start <= start && end <= t.end);
      if (target) edits.push({ start: target.start, end: target.end, replacement: '', ruleId: f.ruleId, action: "contact detail removed from a link's target" });
      else edits.push({ start, end, replacement: REMOVED, ruleId: f.ruleId, action: 'contact detail removed' });
      continue;
    }
    if (f.category !== 'pupil-name' || f.ruleId === 'photo-metadata-name') continue;
    if (inFileName(start, end)) {
      left.push({ ...lines.position(start), ruleId: f.ruleId, reason: "a pupil's name is in the photo's file name: rename the photo and change the link" });
      continue;
    }
    if (f.severity !== 'error') continue;
    const words = source.slice(start, end).split(/\s+/);
    if (f.ruleId === 'pupil-full-name' && words.length > 1 && !INITIAL.test(words[0])) {
      edits.push({ start, end, replacement: words[0], ruleId: f.ruleId, action: 'full name cut to the first name' });
    } else {
      edits.push({ start, end, replacement: aPupil(source, start), ruleId: f.ruleId, action: 'name replaced by "a pupil"' });
    }
  }
  // Overlapping findings (a name inside a wider one): keep the first of each overlap.
  edits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Edit[] = [];
  for (const edit of edits) if (!kept.length || edit.start >= kept[kept.length - 1].end) kept.push(edit);
  return { edits: kept, left };
}

/** The source with non-overlapping edits made, in one pass (not a copy of the draft per edit). */
export function applyEdits(source: string, edits: Edit[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    if (edit.start < at) continue;
    parts.push(source.slice(at, edit.start), edit.replacement);
    at = edit.end;
  }
  parts.push(source.slice(at));
  return parts.join('');
}
