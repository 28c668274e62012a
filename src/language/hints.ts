import type { EntityType } from './analysis.js';
import { ABBREVIATIONS, CLOCK_WORDS, ORGANISATION_HEADS, PLACE_FIRST_WORDS, PLACE_HEADS, PLACE_PREPOSITIONS, TIME_NOUNS, TIME_PREPOSITIONS } from './words.js';

/** A text's words as hints read them: lower case, and the text as written around them. */
export interface WordView {
  count: number;
  /** The word in lower case. */
  word(i: number): string;
  /** Whether it is written with a capital. */
  capitalised(i: number): boolean;
  /** The characters between it and the next word. */
  after(i: number): string;
}

export const HINT_TIME = 1;
export const HINT_PLACE = 2;
export const HINT_ORG = 4;

const TIME_WORDS = new Set([...'morning afternoon evening night tonight tonite'.split(' '), ...TIME_NOUNS]);
const CLOCK_MARKS = new Set(['am', 'pm', "o'clock", 'oclock']);
const FRACTIONS = new Set(['half', 'quarter', 'ten', 'twenty']);
const HOUR = /^\d{1,2}$/;
const TIME_OR_FRACTION = new Set([...TIME_WORDS, ...FRACTIONS]);
// Capitalised words after "in" or "on" that are times or school years, never places.
const NOT_PLACES = new Set('year years class reception nursery term monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december christmas easter'.split(' '));
const BEFORE_PLACE = new Set([...PLACE_PREPOSITIONS, 'to']);

/**
 * The entity types word `i` may start, as bits (HINT_TIME, HINT_PLACE, HINT_ORG), by its look and
 * its neighbours' only: a superset of what the entity finder and the model give. A clock time
 * ("6.45", "2pm", "at 3", "half four") or a time of day is a time; a capitalised name after a
 * preposition of place ("at the Guildhall", "to Edale"), before a place's word ("Uppingham Road") or
 * after one ("Hotel Alpina") a place; one before an organisation's word ("Brookfield Academy") an
 * organisation. A sentence without any of these holds none, so a rule that needs one can skip the tagger.
 */
export function hintsOf(view: WordView, i: number): number {
  const w = view.word(i);
  const capitalised = view.capitalised(i);
  const first = w.charCodeAt(0);
  const digit = first >= 48 && first <= 57;
  // Most words are none of these: a look at the first character rules them out.
  if (!digit && !capitalised && !TIME_OR_FRACTION.has(w)) return 0;
  const next = i + 1 < view.count ? view.word(i + 1) : '';
  const previous = i > 0 ? view.word(i - 1) : '';
  let hints = 0;
  if (TIME_WORDS.has(w) || (digit && /^\d{1,2}(?:am|pm)$/.test(w))) hints |= HINT_TIME;
  else if (digit && HOUR.test(w) && (CLOCK_MARKS.has(next) || TIME_PREPOSITIONS.has(previous) || (/^[.:]$/.test(view.after(i)) && /^\d\d(?:am|pm)?$/.test(next)))) hints |= HINT_TIME;
  else if (FRACTIONS.has(w) && (next === 'past' || next === 'to' || (w === 'half' && CLOCK_WORDS.has(next)))) hints |= HINT_TIME;
  if (capitalised) {
    const beforeThe = previous === 'the' && i > 1 ? view.word(i - 2) : '';
    if ((BEFORE_PLACE.has(previous) || BEFORE_PLACE.has(beforeThe)) && !NOT_PLACES.has(w)) hints |= HINT_PLACE;
    if (PLACE_HEADS.has(next) || (PLACE_FIRST_WORDS.has(w) && i + 1 < view.count && view.capitalised(i + 1))) hints |= HINT_PLACE;
    if (ORGANISATION_HEADS.has(next) || w === 'friends') hints |= HINT_ORG;
  }
  return hints;
}

/** The hint bit of an entity type; 0 for a type nothing cheap can tell (any text may hold one). */
export function hintBit(type: EntityType): number {
  return type === 'TIME' ? HINT_TIME : type === 'PLACE' ? HINT_PLACE : type === 'ORG' ? HINT_ORG : 0;
}

// A stop, its closing quotes or brackets, a space, and a capital or a digit: where a sentence
// ends; or a line break after a stop or before a list item, a table row, a heading or a chat line.
const SENTENCE_END = /[.!?]+["”’')\]]*(?:[ \t]+(?=["“‘'(]?[\p{Lu}\d])|[ \t]*(?:\r\n|\r|\n)\s*)|[ \t]*(?:\r\n|\r|\n)(?=[ \t]*(?:[-*+•|#\[>]|\d+[.)]\s))/gu;
const BLANK_LINE = /(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n)/g;

/**
 * The text cut, cheaply, where a sentence surely ends: at blank lines and after a full stop, ! or ?
 * before a capital (not after "Mr." or "St."). The layer finds no sentence across these cuts, so
 * each piece can be looked at and analysed on its own; it may cut a piece further itself.
 */
export function sentencePieces(text: string): Array<[number, number]> {
  const cuts: Array<[number, number]> = [];
  for (const m of text.matchAll(BLANK_LINE)) cuts.push([m.index, m.index + m[0].length]);
  for (const m of text.matchAll(SENTENCE_END)) {
    const word = /\S+$/.exec(text.slice(Math.max(0, m.index - 8), m.index + 1));
    if (word && ABBREVIATIONS.has(word[0].toLowerCase())) continue;
    const at = m.index + m[0].length;
    cuts.push([at, at]);
  }
  cuts.sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  let start = 0;
  for (const [from, to] of cuts) {
    if (from > start) out.push([start, from]);
    start = Math.max(start, to);
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}
