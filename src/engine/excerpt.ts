import { OBJECT } from '../documents/index.js';
import { mask } from './mask.js';

/**
 * A short piece of a paragraph for a reader to find a finding by: `paragraph[start, end)` with
 * every `hidden` range in it masked as a message masks what it found (a name as its initials, a
 * number as its last digits), so that the piece repeats no personal detail; "…" where it is cut
 * from the paragraph, a picture as [picture], and white space as single spaces.
 */
export function maskedExcerpt(paragraph: string, start: number, end: number, hidden: ReadonlyArray<readonly [number, number]>): string {
  const inside = hidden
    .filter(([a, b]) => a < end && b > start)
    .map(([a, b]) => [Math.max(start, a), Math.min(end, b)] as const)
    .sort((x, y) => x[0] - y[0]);
  // A picture is no personal detail: it stays [picture] inside a mask's words.
  const hide = (piece: string) => piece.split(OBJECT).map((part) => (part.trim() ? mask(part) : part)).join(OBJECT);
  let excerpt = '';
  let at = start;
  for (const [a, b] of inside) {
    if (b <= at) continue;
    excerpt += paragraph.slice(at, Math.max(at, a)) + hide(paragraph.slice(Math.max(at, a), b));
    at = b;
  }
  excerpt += paragraph.slice(at, end);
  return `${start > 0 ? '…' : ''}${excerpt}${end < paragraph.length ? '…' : ''}`.split(OBJECT).join('[picture]').replace(/\s+/g, ' ').trim();
}

/** Where the first `words` words of a paragraph end (all of it when it has no more), at most `most` characters in. */
export function openingWordsEnd(paragraph: string, words: number, most: number): number {
  const word = /\S+/g;
  let end = 0;
  for (let n = 0; n < words; n++) {
    const found = word.exec(paragraph);
    if (!found) return paragraph.length;
    if (found.index + found[0].length > most) return n === 0 ? Math.min(paragraph.length, most) : end;
    end = found.index + found[0].length;
  }
  // The opening is the whole paragraph when only space follows.
  return /^\s*$/.test(paragraph.slice(end)) ? paragraph.length : end;
}
