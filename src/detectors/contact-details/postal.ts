import { isValid as isValidPostcode, POSTCODE_CORPUS_REGEX } from 'postcode';
import type { ContactDetail } from './types.js';

// The postcode package's pattern for postcodes in running text, held to word boundaries.
const POSTCODE = new RegExp(String.raw`\b(?:${POSTCODE_CORPUS_REGEX.source})\b`, 'gi');

const STREET_TYPES = [
  'Road', 'Rd', 'Street', 'St', 'Avenue', 'Ave', 'Close', 'Grove', 'Lane', 'Ln', 'Crescent', 'Cres', 'Way',
  'Drive', 'Dr', 'Court', 'Ct', 'Gardens', 'Gdns', 'Terrace', 'Place', 'Pl', 'Walk', 'Mews', 'Rise', 'Row',
  'Square', 'Sq', 'Parade', 'Hill', 'View', 'Green', 'Vale', 'Fields', 'Meadow', 'Meadows', 'Chase', 'Gate',
  'Wharf', 'Yard', 'Mount', 'Croft', 'Dale', 'Boulevard', 'Park', 'Gardens',
].join('|');

// A house number (not a year) or a flat and house number, then one to three capitalised words
// and a street type: "14 Elm Grove", "11a Station Road", "Flat 2, 14 Elm Grove".
const STREET_ADDRESS = new RegExp(
  String.raw`\b(?:(?:Flat|Apartment|Apt|Unit)\s+\d{1,4}[A-Za-z]?,?\s+)?(?!(?:19|20)\d\d\b)\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][a-z'’]+[ -]){1,3}(?:${STREET_TYPES})\b`,
  'g',
);

const normal = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** Postcodes and street addresses, less those that are part of an official address. */
export function findPostal(text: string, officialAddresses: string[]): ContactDetail[] {
  const official = officialAddresses.map(normal);
  const isOfficial = (s: string) => {
    const n = normal(s);
    return official.some((o) => o.includes(n));
  };
  const found: ContactDetail[] = [];
  for (const m of text.matchAll(POSTCODE)) {
    if (!isValidPostcode(m[0]) || isOfficial(m[0])) continue;
    found.push({ start: m.index, end: m.index + m[0].length, kind: 'postcode', detail: 'postcode' });
  }
  for (const m of text.matchAll(STREET_ADDRESS)) {
    if (isOfficial(m[0])) continue;
    found.push({ start: m.index, end: m.index + m[0].length, kind: 'address', detail: 'home address' });
  }
  return found;
}
