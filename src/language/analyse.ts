import type { WinkMethods } from 'wink-nlp';
import type { Analysis, Sentence, Token } from './analysis.js';
import { findClauses } from './clauses.js';
import { correctTags } from './correct.js';
import { findEntities } from './entities.js';
import { joinUnits, pieces, tagPiece, type RawEntity, type RawToken } from './tokens.js';
import { ABBREVIATIONS } from './words.js';

/** Words a line cannot end on if its sentence ends there: the line break is inside the sentence. */
const CONTINUING = new Set(['DET', 'ADP', 'CCONJ', 'SCONJ', 'AUX']);

/**
 * A line break ends a sentence (a heading, a list item, a table row, a chat message) unless the
 * line ends on a comma or on a word that needs more after it ("from", "the", "and").
 */
function breaksLine(text: string, previous: RawToken, next: RawToken): boolean {
  let newlines = 0;
  // LF, CRLF or a lone CR: each one line break.
  for (let i = previous.end; i < next.start; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) newlines++;
  }
  if (newlines === 0) return false;
  // A chat line starts "[20:05] Tina: …": a message of its own, whatever the last one ended on.
  if (next.text === '[') return true;
  return newlines > 1 || !(previous.text === ',' || CONTINUING.has(previous.pos) || previous.normal === 'to');
}


/**
 * The model reads a few words with a full stop as abbreviations ("ill." as Illinois, "am." after
 * a time) and runs the sentence on: a lower-case word with a stop and then a capital is split
 * into the word and its stop, and a stop followed by a space starts a sentence.
 */
function splitStops(text: string, tokens: RawToken[]): RawToken[] {
  const out: RawToken[] = [];
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
      const before = out[out.length - 1];
      out.push({ ...t, end: t.end - 1, text: word, normal: word, lemma: word, pos: before?.pos === 'AUX' ? 'ADJ' : 'NOUN' });
      out.push({ ...t, start: t.end - 1, text: '.', normal: '.', lemma: '.', pos: 'PUNCT', stop: false, punctuation: true, opens: false });
    } else out.push(t);
    const last = out[out.length - 1];
    if (next && (last.text === '.' || last.text === '!' || last.text === '?') && next.start > last.end && /\s/.test(text[last.end])) next.opens = true;
  }
  return out;
}

/** Runs the tagger over `text` and builds the layer's view of it. */
export function analyseWith(nlp: WinkMethods, text: string): Analysis {
  let raw: RawToken[] = [];
  const tagged: RawEntity[] = [];
  for (const [from, to] of pieces(text)) {
    const before = raw.length;
    tagPiece(nlp, text, from, to, raw, tagged);
    if (raw.length > before) raw[before].opens = true;
  }
  raw = correctTags(text, splitStops(text, joinUnits(text, raw)));
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let sentence = -1;
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i];
    if (i === 0 || r.opens || breaksLine(text, raw[i - 1], r)) {
      sentence++;
      sentences.push({ start: r.start, end: r.end, first: i, last: i + 1, tense: 'none', negated: false });
    }
    const s = sentences[sentence];
    s.end = r.end;
    s.last = i + 1;
    tokens.push({ start: r.start, end: r.end, text: r.text, normal: r.normal, lemma: r.lemma, pos: r.pos, stop: r.stop, punctuation: r.punctuation, sentence, clause: 0 });
  }
  const clauses = findClauses(tokens, sentences);
  for (const c of clauses) {
    const s = sentences[c.sentence];
    if (s.tense === 'none') s.tense = c.tense;
    if (c.negated) s.negated = true;
  }
  return { text, tokens, sentences, clauses, entities: findEntities(tokens, tagged) };
}
