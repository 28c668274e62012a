import type { WinkMethods } from 'wink-nlp';
import type { Analysis, Sentence, Token } from './analysis.js';
import { findClauses } from './clauses.js';
import { correctTags } from './correct.js';
import { findEntities } from './entities.js';
import { joinUnits, opens, OPENS, pieces, tagPiece, type RawEntity, type RawToken } from './tokens.js';
import { ABBREVIATIONS } from './words.js';

/** Words a line cannot end on if its sentence ends there: the line break is inside the sentence. */
const CONTINUING = new Set(['DET', 'ADP', 'CCONJ', 'SCONJ', 'AUX']);

/** A line that starts a list item, a heading, a table row or a chat message, or that is a rule: "- ", "# ", "| ", "2. ", "[20:05]", "---". */
const BLOCK_START = /(?:[-*+•]|#{1,6}|\d{1,3}[.)])(?=\s)|\||\[|([-*_])\1\1/y;

/** Whether the character at `i` ends a line: LF, a CR not before LF, or a line or paragraph separator. */
function endsLine(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10) || c === 0x2028 || c === 0x2029;
}

/** Whether the line that ends before `end` is a row of a table: it has a tab or ends on a bar. */
function isTableRow(text: string, end: number, last: RawToken): boolean {
  if (last.text === '|') return true;
  for (let i = end - 1; i >= 0 && !endsLine(text, i); i--) if (text.charCodeAt(i) === 9) return true;
  return false;
}

// A line at least this long that runs on into a lower-case word was wrapped, not ended.
const WRAPPED_LINE = 40;

/** Whether the line ending after `previous` is long and the next starts in lower case: a paragraph wrapped by hand. */
function isWrapped(text: string, previous: RawToken, next: RawToken): boolean {
  if (!/^\p{Ll}/u.test(next.text)) return false;
  let start = previous.end;
  while (start > 0 && !endsLine(text, start - 1)) start--;
  return previous.end - start >= WRAPPED_LINE;
}

/**
 * A line break ends a sentence (a heading, a list item, a table row, a chat message) unless the
 * line ends on a comma or on a word that needs more after it ("from", "the", "and"), or is a long
 * line that runs on in lower case, and the next line is prose too.
 */
function breaksLine(text: string, previous: RawToken, next: RawToken): boolean {
  let lines = 0;
  for (let i = previous.end; i < next.start; i++) if (endsLine(text, i)) lines++;
  if (lines === 0) return false;
  const continues = previous.text === ',' || CONTINUING.has(previous.pos) || previous.normal === 'to' || isWrapped(text, previous, next);
  if (lines > 1 || !continues) return true;
  BLOCK_START.lastIndex = next.start;
  return BLOCK_START.test(text) || isTableRow(text, previous.end, previous);
}

/** "1. Pack a coat": a number and a stop that start a line number a list item; they do not end a sentence. */
function followsListNumber(text: string, tokens: RawToken[], i: number): boolean {
  if (i < 2) return false;
  const stop = tokens[i - 1];
  const number = tokens[i - 2];
  if (stop.text !== '.' || stop.start !== number.end || !/^\d{1,3}$/.test(number.text)) return false;
  for (let k = stop.end; k < tokens[i].start; k++) if (endsLine(text, k)) return false;
  for (let k = number.start - 1; k >= 0 && !endsLine(text, k); k--) if (!/\s/.test(text[k])) return false;
  return true;
}


/**
 * The model reads a few words with a full stop as abbreviations ("ill." as Illinois, "am." after
 * a time) and runs the sentence on: a lower-case word with a stop and then a capital is split
 * into the word and its stop, and a stop followed by a space starts a sentence.
 */
function splitStops(text: string, tokens: RawToken[]): RawToken[] {
  // A new list only from the first token split: most texts have none.
  let out: RawToken[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (
      t.text.length > 2 &&
      t.text.endsWith('.') &&
      /^\p{Ll}+\.$/u.test(t.text) &&
      !ABBREVIATIONS.has(t.normal) &&
      (next === undefined || /^\p{Lu}/u.test(next.text))
    ) {
      const word = t.text.slice(0, -1);
      out ??= tokens.slice(0, i);
      const before = out[out.length - 1];
      out.push({ ...t, end: t.end - 1, text: word, normal: word, lemma: word, pos: before?.pos === 'AUX' ? 'ADJ' : 'NOUN' });
      out.push({ ...t, start: t.end - 1, text: '.', normal: '.', lemma: '.', pos: 'PUNCT', stop: false, punctuation: true, sentence: 0 });
    } else out?.push(t);
    const last = out ? out[out.length - 1] : t;
    if (next && (last.text === '.' || last.text === '!' || last.text === '?') && next.start > last.end && /\s/.test(text[last.end])) next.sentence = OPENS;
  }
  return out ?? tokens;
}

/** Runs the tagger over `text` and builds the layer's view of it. */
export function analyseWith(nlp: WinkMethods, text: string): Analysis {
  const raw: RawToken[] = [];
  const tagged: RawEntity[] = [];
  for (const [from, to] of pieces(text)) {
    const before = raw.length;
    tagPiece(nlp, text, from, to, raw, tagged);
    if (raw.length > before) raw[before].sentence = OPENS;
  }
  const tokens: Token[] = correctTags(text, splitStops(text, joinUnits(text, raw)));
  const sentences: Sentence[] = [];
  let sentence = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (i === 0 || (opens(t) && !followsListNumber(text, tokens, i)) || breaksLine(text, tokens[i - 1], t)) {
      sentence++;
      sentences.push({ start: t.start, end: t.end, first: i, last: i + 1, tense: 'none', negated: false });
    }
    const s = sentences[sentence];
    s.end = t.end;
    s.last = i + 1;
    t.sentence = sentence;
  }
  const clauses = findClauses(tokens, sentences);
  for (const c of clauses) {
    const s = sentences[c.sentence];
    if (s.tense === 'none') s.tense = c.tense;
    if (c.negated) s.negated = true;
  }
  return { text, tokens, sentences, clauses, entities: findEntities(tokens, tagged) };
}
