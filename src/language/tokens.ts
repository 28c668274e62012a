import type { WinkMethods } from 'wink-nlp';
import type { EntityType, PartOfSpeech, Token } from './analysis.js';

/**
 * A token before sentences are numbered. Until then its `sentence` is OPENS where a sentence
 * starts and 0 elsewhere: the tokens the tagger gives are the very objects the analysis hands out,
 * so that a long text is not held twice.
 */
export type RawToken = Token;
export const OPENS = 1;
export const opens = (t: RawToken): boolean => t.sentence === OPENS;

export interface RawEntity {
  type: EntityType;
  start: number;
  end: number;
}

// The tagger is run on pieces of at most this many characters, cut at a blank line, a line break
// or a space, so that its memory stays small on a long text.
const PIECE = 20_000;

const LONG_RUN = 200;
const LONG_RUNS = new RegExp(`\\S{${LONG_RUN},}`, 'g');
const PUNCTUATION = /^[\p{P}]+$/u;

/** Whether a code unit is white space as `\s` has it. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether `text` has a run of LONG_RUN characters without white space: a scan that is cheaper than the search itself. */
function hasLongRun(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) run = 0;
    else if (++run >= LONG_RUN) return true;
  }
  return false;
}

/** Whether a token is punctuation only; letters and digits, the most of them, are ruled out at once. */
function isPunctuation(value: string): boolean {
  const c = value.charCodeAt(0);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return false;
  return PUNCTUATION.test(value);
}
/**
 * Clock times and emoji sequences the tagger's tokenizer cuts in two ("7.3" "0am", "👨" "‍" "👩"):
 * keycaps ("1️⃣"), flags of countries and of England or Scotland, skin tones, joined emoji.
 */
const UNIT =
  /[#*0-9]\uFE0F?\u20E3|\b\d{1,2}[.:]\d{2}(?:[ap]m)?\b|\b\d{1,2}[ap]m\b|\p{Extended_Pictographic}(?:[\u{1F3FB}-\u{1F3FF}\uFE0F\u20E3\u{E0020}-\u{E007F}]|\u200D\p{Extended_Pictographic}?)+|\p{Regional_Indicator}{2}/iuy;

/**
 * The next unit at or after `from`. A unit starts with a digit, "#", "*" or a character outside
 * ASCII: only there is the pattern tried, which is much quicker than searching all of the text.
 */
function nextUnit(text: string, from: number): RegExpExecArray | null {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 35 || c === 42 || (c >= 128 && (c < 0xdc00 || c > 0xdfff))) {
      UNIT.lastIndex = i;
      const unit = UNIT.exec(text);
      if (unit) return unit;
    }
  }
  return null;
}

/** Lower case, one kind of apostrophe (the model's own normal form spells out "'ll" as "will"). */
export function normalForm(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

/** The last `mark` at or before `at` and after `above`, or -1: never looking further back than `above`, so that cutting a text without line breaks or spaces stays linear. */
function lastIndexAbove(text: string, mark: string, at: number, above: number): number {
  for (let i = at; i > above; i--) if (text.startsWith(mark, i)) return i;
  return -1;
}

/** Where each piece of the text starts and ends. */
export function pieces(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  while (text.length - from > PIECE) {
    const limit = from + PIECE;
    let at = -1;
    for (const mark of ['\n\n', '\n', ' ']) {
      const found = lastIndexAbove(text, mark, limit - mark.length, from + PIECE / 2);
      if (found >= 0) {
        at = found + mark.length;
        break;
      }
    }
    if (at < 0) at = /[\uDC00-\uDFFF]/.test(text[limit]) ? limit - 1 : limit; // never between the halves of a surrogate pair
    out.push([from, at]);
    from = at;
  }
  if (text.length > from) out.push([from, text.length]);
  return out;
}

const WINK_ENTITIES = new Set<string>(['DATE', 'TIME', 'DURATION', 'CARDINAL', 'ORDINAL', 'PERCENT', 'EMAIL', 'URL', 'HASHTAG', 'MENTION']);

/** Tokens (with exact offsets in `text`) and entities of one piece of it, as the tagger gives them. */
export function tagPiece(nlp: WinkMethods, text: string, from: number, to: number, tokens: RawToken[], entities: RawEntity[]): void {
  const its = nlp.its;
  const first = tokens.length;
  // The model's tokenizer takes time as the square of a word's length: a long run without spaces
  // (a data URL, a pasted hash) is one token of its own, and the model sees spaces in its place,
  // so that every other offset stays as it is.
  const long: RawToken[] = [];
  let piece = text.slice(from, to);
  if (piece.length >= LONG_RUN && hasLongRun(piece)) {
    piece = piece.replace(LONG_RUNS, (run: string, at: number) => {
      const lower = run.toLowerCase();
      long.push({ start: from + at, end: from + at + run.length, text: run, normal: lower, lemma: lower, pos: 'X', stop: false, punctuation: false, sentence: 0, clause: 0 });
      return ' '.repeat(run.length);
    });
  }
  const doc = nlp.readDoc(piece);
  const all = doc.tokens();
  const values = all.out(its.value) as string[];
  const pos = all.out(its.pos) as string[];
  // The typings miss that lemma is a token helper like the others.
  const lemmas = all.out(its.lemma as unknown as typeof its.value) as string[];
  const stops = all.out(its.stopWordFlag) as unknown as boolean[];
  const types = all.out(its.type) as string[];
  const starts = new Int32Array(values.length + 1);
  const ends = new Int32Array(values.length + 1);
  const starting = new Uint8Array(values.length + 1);
  for (const [first] of doc.sentences().out(its.span) as unknown as Array<[number, number]>) starting[first] = 1;
  let at = from;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    // The tokenizer keeps the text as it is and leaves out the white space between tokens (and a
    // few characters it drops): a token is after that white space, or else looked for ahead, so
    // that offsets stay true to the text.
    let start = at - from;
    if (!piece.startsWith(value, start)) {
      while (start < piece.length && isSpace(piece.charCodeAt(start)) && !piece.startsWith(value, start)) start++;
      if (!piece.startsWith(value, start)) {
        const found = piece.indexOf(value, start);
        if (found >= 0) start = found;
      }
    }
    at = from + start;
    starts[i] = at;
    ends[i] = at = Math.min(at + value.length, to);
    if (types[i] === 'tabCRLF' || pos[i] === 'SPACE' || value.length === 0 || (isSpace(value.charCodeAt(0)) && value.trim() === '')) {
      if (starting[i]) starting[i + 1] = 1;
      continue;
    }
    const punctuation = pos[i] === 'PUNCT' || types[i] === 'punctuation' || isPunctuation(value);
    tokens.push({
      start: starts[i],
      end: ends[i],
      text: value,
      normal: normalForm(value),
      lemma: lemmas[i].includes('’') ? lemmas[i].replace(/’/g, "'") : lemmas[i],
      pos: (types[i] === 'time' ? 'NUM' : (pos[i] as PartOfSpeech)) ?? 'X',
      stop: Boolean(stops[i]),
      punctuation,
      sentence: starting[i] === 1 ? OPENS : 0,
      clause: 0,
    });
  }
  if (long.length > 0) {
    const merged = [...tokens.slice(first), ...long].sort((a, b) => a.start - b.start);
    tokens.splice(first, tokens.length - first, ...merged);
  }
  const details = doc.entities().out(its.detail) as unknown as Array<{ type: string }>;
  const spans = doc.entities().out(its.span) as unknown as Array<[number, number]>;
  for (let e = 0; e < details.length; e++) {
    if (!WINK_ENTITIES.has(details[e].type)) continue;
    const [a, b] = spans[e];
    entities.push({ type: details[e].type as EntityType, start: starts[a], end: ends[b] });
  }
}

/** Joins the pieces of a clock time or an emoji sequence into one token. */
export function joinUnits(text: string, tokens: RawToken[]): RawToken[] {
  // A new list only from the first token that changes: most texts have none.
  let out: RawToken[] | null = null;
  let unit = nextUnit(text, 0);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    while (unit && unit.index + unit[0].length <= t.start) unit = nextUnit(text, unit.index + unit[0].length);
    // A long run without spaces is one token, whatever is in it.
    if (!unit || unit.index >= t.end || t.end - t.start >= LONG_RUN) {
      out?.push(t);
      continue;
    }
    const a = unit.index;
    const b = a + unit[0].length;
    let j = i;
    while (j + 1 < tokens.length && tokens[j + 1].start < b) j++;
    if (j === i && t.start === a && t.end === b) {
      out?.push(t);
      continue;
    }
    out ??= tokens.slice(0, i);
    // Whatever of the first and last tokens lies outside the unit stays a token of its own.
    if (t.start < a) out.push(part(text, t, t.start, a));
    const clock = /^\d/.test(unit[0]) && !unit[0].endsWith('\u20E3');
    const written = text.slice(a, b);
    const lower = written.toLowerCase();
    out.push({
      start: a,
      end: b,
      text: written,
      normal: lower,
      lemma: lower,
      pos: clock ? 'NUM' : 'SYM',
      stop: false,
      punctuation: false,
      sentence: t.start >= a && opens(t) ? OPENS : 0,
      clause: 0,
    });
    if (tokens[j].end > b) out.push(part(text, tokens[j], b, tokens[j].end));
    i = j;
    unit = nextUnit(text, b);
  }
  return out ?? tokens;
}

function part(text: string, t: RawToken, start: number, end: number): RawToken {
  const written = text.slice(start, end);
  const punctuation = PUNCTUATION.test(written);
  return {
    start,
    end,
    text: written,
    normal: normalForm(written),
    lemma: normalForm(written),
    pos: punctuation ? 'PUNCT' : t.pos,
    stop: false,
    punctuation,
    sentence: start === t.start && opens(t) ? OPENS : 0,
    clause: 0,
  };
}
