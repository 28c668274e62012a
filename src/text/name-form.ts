import DoubleMetaphone from 'natural/lib/natural/phonetics/double_metaphone.js';

const metaphone = new DoubleMetaphone();

const ASCII = /^[\x00-\x7f]*$/;

/**
 * A name part as the matcher compares it: lower case, no accents (Zoë = Zoe), no apostrophes
 * (O'Connor = O’Connor = OConnor). Accents are marks on Latin, Greek, Cyrillic, Arabic and Hebrew
 * letters; in Devanagari and the other scripts of India and South-East Asia the marks are the
 * vowels, and are kept (राम, Ram, is not रमा, Rama).
 */
export function normalizeName(part: string): string {
  // Most names and words are plain ASCII, with nothing to decompose.
  if (ASCII.test(part)) return part.toLowerCase().replace(/['`]/g, '');
  return part
    .normalize('NFD')
    .replace(/\p{M}(?<=[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\p{sc=Arabic}\p{sc=Hebrew}]\p{M}+)/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’‘`]/g, '');
}

/** The words of a name, split at spaces and hyphens ("Amelia-Rose O'Connor" -> amelia, rose, oconnor). */
export function nameWords(name: string): string[] {
  return name
    .split(/[\s\-‐–]+/)
    .map(normalizeName)
    .filter((w) => /^[\p{L}\p{M}\p{N}]+$/u.test(w));
}

const keyCache = new Map<string, string[]>();
/** Double Metaphone keys of a normalised name word (both encodings, once each). */
export function phoneticKeys(word: string): string[] {
  let keys = keyCache.get(word);
  if (!keys) {
    const [a, b] = metaphone.process(word);
    keys = a === b ? [a] : [a, b];
    if (keyCache.size < 100_000) keyCache.set(word, keys);
  }
  return keys;
}

/**
 * Whether a normalised name word is one letter of a cased script ("j", "x"): an initial, which
 * drafts hold everywhere. One Chinese or Korean character is a whole name and is not one.
 */
export function isInitialLetter(word: string): boolean {
  return word.length === 1 && /^\p{Ll}$/u.test(word);
}
