import type { EntityType } from './analysis.js';
import { ABBREVIATIONS, ORGANISATION_HEADS, PLACE_FIRST_WORDS, PLACE_HEADS, PLACE_PREPOSITIONS, TIME_NOUNS } from './words.js';

// A superset of what the entity finder and the model call a time: clock times ("6.45", "2pm",
// "at 3"), a timetable's column, parts of the day and the day's named times. A text without any
// of these holds no time, so a rule that needs one can skip the tagger.
const TIME_HINT = new RegExp(
  String.raw`\d[.:]\d\d|\d\s?(?:am|pm|a\.m|p\.m|o'clock)|\b(?:at|from|till|until|til|by|about|around|before|after|for) \d|\||\b(?:half|quarter|ten|twenty) (?:past|to) |\bhalf (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b|\b(?:morning|afternoon|evening|night|tonight|${[...TIME_NOUNS].join('|')})\b`,
);

// Either case of a word's first letter: "At Rowlee Farm" and "at Rowlee Farm".
const anyCase = (words: Iterable<string>) => [...words].map((w) => `[${w[0]}${w[0].toUpperCase()}]${w.slice(1)}`).join('|');
const CAPITALISED = String.raw`\p{Lu}[\p{L}\p{N}'’.&-]*`;
// As the entity finder names places: a capitalised name after a preposition of place ("at the
// Guildhall", "going to Edale"), one ending with a place's word ("Uppingham Road") or opening with one ("Hotel Alpina").
// Capitalised words after "in" or "on" that are times or school years, never places.
const NOT_PLACES = 'Year|Years|Class|Reception|Nursery|Key Stage|Term|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Christmas|Easter';
const PLACE_HINT = new RegExp(
  String.raw`(?<![\p{L}])(?:${anyCase([...PLACE_PREPOSITIONS, 'to'])})\s+(?:[Tt]he\s+)?(?!(?:${NOT_PLACES})(?![\p{L}]))\p{Lu}|${CAPITALISED}\s+(?:${anyCase(PLACE_HEADS)})(?![\p{L}])|(?<![\p{L}])(?:${anyCase(PLACE_FIRST_WORDS)})\s+\p{Lu}`,
  'u',
);
// A capitalised name ending with an organisation's word ("Brookfield Academy"), or "Friends of …".
const ORG_HINT = new RegExp(String.raw`${CAPITALISED}\s+(?:${anyCase(ORGANISATION_HEADS)})(?![\p{L}])|(?<![\p{L}])Friends\b`, 'u');

/**
 * Whether a text may hold an entity of this type, by a look at its characters only (`lower`: the
 * text in lower case). True when nothing cheap can tell. Places and organisations are found by
 * their capitals, as the entity finder names them.
 */
export function mayHoldEntity(type: EntityType, text: string, lower: string): boolean {
  if (type === 'TIME') return TIME_HINT.test(lower);
  if (type === 'PLACE') return PLACE_HINT.test(text);
  if (type === 'ORG') return ORG_HINT.test(text);
  return true;
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
