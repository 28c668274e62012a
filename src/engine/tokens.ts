import { createRequire } from 'node:module';

// natural's index module loads every part of natural (and dotenv); the stemmer alone is small.
const require = createRequire(import.meta.url);
const porter = require('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(word: string): string };

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const SENTENCE_END = /[.!?](?:["'’”)\]]*)\s|\n[ \t]*\n/;

/** Lower case, one kind of apostrophe, no possessive 's: the form phrases are matched in. */
export function normalizeWord(word: string): string {
  let w = word.toLowerCase();
  if (w.includes('’')) w = w.replace(/’/g, "'");
  if (w.endsWith("'s")) w = w.slice(0, -2);
  return w;
}

const stemCache = new Map<string, string>();
export function stemWord(normalized: string): string {
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
  /** Index of the first word ending after `offset`. */
  firstEndingAfter(offset: number): number;
  /** Index of the last word starting before `offset`. */
  lastStartingBefore(offset: number): number;
}

export function tokenize(text: string): Tokens {
  const starts: number[] = [];
  const ends: number[] = [];
  const words: string[] = [];
  const sentences: number[] = [];
  let sentence = 0;
  let previousEnd = 0;
  for (const m of text.matchAll(WORD)) {
    if (starts.length > 0 && SENTENCE_END.test(text.slice(previousEnd, m.index))) sentence++;
    starts.push(m.index);
    ends.push(m.index + m[0].length);
    words.push(normalizeWord(m[0]));
    sentences.push(sentence);
    previousEnd = m.index + m[0].length;
  }
  let stems: string[] | null = null;
  const startArr = Int32Array.from(starts);
  const endArr = Int32Array.from(ends);
  return {
    count: words.length,
    starts: startArr,
    ends: endArr,
    words,
    sentences: Int32Array.from(sentences),
    stems() {
      stems ??= words.map(stemWord);
      return stems;
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
