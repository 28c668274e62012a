import { normalizeName } from './name-form.js';

// natural's index module loads every part of natural (and dotenv); the stemmer alone is small.
import porter from 'natural/lib/natural/stemmers/porter_stemmer.js';

const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;
/**
 * Whether the text between two words ends a sentence: a full stop, question or exclamation
 * mark followed (after any closing quotes or brackets) by white space, or a blank line.
 */
function endsSentence(text: string, from: number, to: number): boolean {
  if (to - from === 1) return false;
  let stop = false;
  let newline = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 33 || c === 63) stop = true;
    // A line ends at LF, or at a CR not followed by LF (CRLF's CR is white space before its LF).
    else if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      if (stop || newline) return true;
      newline = true;
    } else if (c === 32 || c === 9 || c === 13 || c === 0xa0) {
      if (stop) return true;
    } else if (c === 34 || c === 39 || c === 0x2019 || c === 0x201d || c === 41 || c === 93) {
      newline = false;
    } else {
      stop = false;
      newline = false;
    }
  }
  return false;
}

/** Lower case, one kind of apostrophe, no possessive 's: the form phrases are matched in. */
export function normalizeWord(word: string): string {
  let w = word.toLowerCase();
  if (w.length > 2 && (w.includes("'") || w.includes('’'))) {
    w = w.replace(/’/g, "'");
    if (w.endsWith("'s")) w = w.slice(0, -2);
  }
  return w;
}

const stemCache = new Map<string, string>();

/** Stems worked out before (by `npm run build`, for the built-in rules' phrases), and all known now. */
export function rememberStems(pairs: Iterable<[string, string]>): void {
  for (const [word, stem] of pairs) stemCache.set(word, stem);
}
export const knownStems = (): Array<[string, string]> => [...stemCache];

// The stemmer's regular expressions take time that grows with the square of a word's length (a
// 100,000-letter word takes minutes). No English word that needs stemming is this long.
const MAX_STEMMED_LENGTH = 40;

export function stemWord(normalized: string): string {
  if (normalized.length > MAX_STEMMED_LENGTH) return normalized;
  let s = stemCache.get(normalized);
  if (s === undefined) {
    s = porter.stem(normalized);
    if (stemCache.size < 200_000) stemCache.set(normalized, s);
  }
  return s;
}

/** The words of a document's text, found once and shared by every rule. */
export interface Tokens {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  words: string[];
  /** Sentence number of each word: proximity checks never cross a sentence. */
  sentences: Int32Array;
  stems(): string[];
  /** Each word as names are compared (no accents or apostrophes: Zoë = zoe, O'Connor = oconnor). */
  nameForms(): string[];
  /** Index of the first word ending after `offset`. */
  firstEndingAfter(offset: number): number;
  /** Index of the last word starting before `offset`. */
  lastStartingBefore(offset: number): number;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

/** A word as written, its normal form and (when first needed) its stem and name form. */
interface WordForms {
  word: string;
  stem?: string;
  /** The word as names are compared: no accents, no apostrophes. */
  name?: string;
}

/** The forms of every word met so far, by the word as written: each is worked out once. */
const wordForms = new Map<string, WordForms>();

function formsOf(raw: string): WordForms {
  let forms = wordForms.get(raw);
  if (forms === undefined) {
    forms = { word: normalizeWord(raw) };
    if (wordForms.size < 500_000) wordForms.set(raw, forms);
  }
  return forms;
}

// Whether each UTF-16 code unit is a letter, mark or digit: 1 yes, 2 no, 0 not yet known.
const WORD_CHAR = new Uint8Array(65536);
for (let c = 0; c < 128; c++) WORD_CHAR[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 2;

function isLetterOrDigit(c: number): boolean {
  let known = WORD_CHAR[c];
  if (known === 0) known = WORD_CHAR[c] = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 2;
  return known === 1;
}

/** Words are runs of letters and digits, joined by an apostrophe inside them ("don't"). */
export function tokenize(text: string): Tokens {
  const n = text.length;
  // Typed arrays sized for the most words a text can hold, then trimmed: no growing.
  const startsBuf = new Int32Array((n >> 1) + 1);
  const endsBuf = new Int32Array((n >> 1) + 1);
  const sentencesBuf = new Int32Array((n >> 1) + 1);
  const words: string[] = [];
  const forms: WordForms[] = [];
  let count = 0;
  let sentence = 0;
  let previousEnd = 0;
  let i = 0;
  while (i < n) {
    if (!isLetterOrDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isLetterOrDigit(c)) i++;
      else if ((c === 39 || c === 0x2019) && i + 1 < n && isLetterOrDigit(text.charCodeAt(i + 1))) i++;
      else break;
    }
    if (count > 0 && endsSentence(text, previousEnd, start)) sentence++;
    const form = formsOf(text.slice(start, i));
    startsBuf[count] = start;
    endsBuf[count] = i;
    sentencesBuf[count] = sentence;
    forms.push(form);
    words.push(form.word);
    count++;
    previousEnd = i;
  }
  let stems: string[] | null = null;
  let nameForms: string[] | null = null;
  const startArr = startsBuf.subarray(0, count);
  const endArr = endsBuf.subarray(0, count);
  return {
    count,
    starts: startArr,
    ends: endArr,
    words,
    sentences: sentencesBuf.subarray(0, count),
    stems() {
      stems ??= forms.map((f) => (f.stem ??= stemWord(f.word)));
      return stems;
    },
    nameForms() {
      nameForms ??= forms.map((f) => (f.name ??= normalizeName(f.word)));
      return nameForms;
    },
    firstEndingAfter(offset) {
      let lo = 0;
      let hi = endArr.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (endArr[mid] > offset) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    },
    lastStartingBefore(offset) {
      let lo = -1;
      let hi = startArr.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (startArr[mid] < offset) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    },
  };
}

/** The normalised words of a phrase from a rule. */
export function tokenizePhrase(phrase: string): string[] {
  return [...phrase.matchAll(WORD)].map((m) => normalizeWord(m[0]));
}
