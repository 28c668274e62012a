import { isValid as isValidPostcode, POSTCODE_CORPUS_REGEX } from 'postcode';
import type { Tokens } from '../../text/tokens.js';
import type { ContactDetail } from './types.js';

// The postcode package's pattern for postcodes in running text, tried where a word starts.
const POSTCODE = new RegExp(String.raw`(?:${POSTCODE_CORPUS_REGEX.source})\b`, 'iy');

const STREET_TYPES = [
  'Road', 'Rd', 'Street', 'St', 'Avenue', 'Ave', 'Close', 'Grove', 'Lane', 'Ln', 'Crescent', 'Cres', 'Way',
  'Drive', 'Dr', 'Court', 'Ct', 'Gardens', 'Gdns', 'Terrace', 'Place', 'Pl', 'Walk', 'Mews', 'Rise', 'Row',
  'Square', 'Sq', 'Parade', 'Hill', 'View', 'Green', 'Vale', 'Fields', 'Meadow', 'Meadows', 'Chase', 'Gate',
  'Wharf', 'Yard', 'Mount', 'Croft', 'Dale', 'Boulevard', 'Park', 'Gardens',
].join('|');

// A house number (not a year) or a flat and house number, then one to three capitalised words
// and a street type: "14 Elm Grove", "11a Station Road", "Flat 2, 14 Elm Grove".
const STREET_ADDRESS = new RegExp(
  String.raw`(?:(?:Flat|Apartment|Apt|Unit)\s+\d{1,4}[A-Za-z]?,?\s+)?(?!(?:19|20)\d\d\b)\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][a-z'’]+[ -]){1,3}(?:${STREET_TYPES})\b`,
  'y',
);
const FLAT_WORDS = new Set(['flat', 'apartment', 'apt', 'unit']); // initials F, A, U in either case

const isLower = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;
/** One or two letters and a digit, as every outward code starts. */
function startsLikePostcode(word: string): boolean {
  const a = word.charCodeAt(0);
  const b = word.charCodeAt(1);
  return isLower(a) && (isDigit(b) || (isLower(b) && isDigit(word.charCodeAt(2))));
}

const normal = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

/**
 * Postcodes and street addresses, less those that are part of an official address. Both are
 * tried only where a word could begin one (a letter then a digit; a number; "Flat"), so the
 * text is not scanned again character by character.
 */
export function findPostal(
  text: string,
  tokens: Tokens,
  officialAddresses: string[],
  /** Called with every other word, so that one pass over the words serves other checks too. */
  visit: (word: string) => void,
): ContactDetail[] {
  const official = officialAddresses.map(normal);
  const isOfficial = (s: string) => {
    const n = normal(s);
    return official.some((o) => o.includes(n));
  };
  const found: ContactDetail[] = [];
  let after = 0;
  for (let i = 0; i < tokens.count; i++) {
    const start = tokens.starts[i];
    if (start < after) continue;
    const first = text.charCodeAt(start);
    const digitFirst = first >= 48 && first <= 57;
    const word = tokens.words[i];
    if (digitFirst || ((first === 70 || first === 65 || first === 85 || first === 102 || first === 97 || first === 117) && FLAT_WORDS.has(word))) {
      STREET_ADDRESS.lastIndex = start;
      const m = STREET_ADDRESS.exec(text);
      if (m) {
        after = start + m[0].length;
        if (!isOfficial(m[0])) found.push({ start, end: after, kind: 'address', detail: 'home address' });
        continue;
      }
    }
    if (!digitFirst) visit(word);
    // A postcode starts with one or two letters and a digit.
    if (!digitFirst && word.length >= 2 && word.length <= 7 && startsLikePostcode(word)) {
      POSTCODE.lastIndex = start;
      const m = POSTCODE.exec(text);
      if (m && isValidPostcode(m[0]) && !isOfficial(m[0])) {
        after = start + m[0].length;
        found.push({ start, end: after, kind: 'postcode', detail: 'postcode' });
      }
    }
  }
  return found;
}
