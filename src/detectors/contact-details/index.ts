import { defineDetector, type DetectorInput, type DetectorMatch } from '../detector.js';
import { findBirthDates } from './birth-dates.js';
import { findEmails } from './emails.js';
import { findIdentifiers } from './identifiers.js';
import { inOrganisationSentence } from './organisations.js';
import { findPhones, normalizePhone } from './phones.js';
import { findPostal } from './postal.js';
import { findSocial, namesPlatform } from './social.js';
import type { ContactDetail, OfficialDetails } from './types.js';

export type { OfficialDetails } from './types.js';

// Words that make a detail the writer's own: "call me on", "my number is", "follow me".
const FIRST_PERSON = new Set(['my', 'me', 'i', "i'm", 'im', "i'll", 'mine', 'myself']);
const LOOK_BACK = 8;

// A record number or a birth date is the writer's own only when they say so right before it:
// "my DOB is", "I was born on"; "Maya in my form, DOB ..." is Maya's.
const RECORD_KINDS = new Set(['date-of-birth', 'upn', 'nhs-number', 'ni-number']);
const OWN_RECORD =
  /\b(?:my|i\s+was)\s+(?:d\.?o\.?b\.?|date\s+of\s+birth|birth\s?date|born|upn|unique\s+pupil\s+number|nhs|ni|nino|national\s+insurance)(?:\s+(?:number|no\.?))?(?:\s+(?:is|on))?[\s:=-]*$/i;

function ownerOf(detail: ContactDetail, input: DetectorInput): 'author' | 'others' {
  if (RECORD_KINDS.has(detail.kind)) return OWN_RECORD.test(input.text.slice(Math.max(0, detail.start - 50), detail.start)) ? 'author' : 'others';
  const { tokens } = input;
  const first = tokens.firstEndingAfter(detail.start);
  const sentence = first < tokens.count ? tokens.sentences[first] : -1;
  for (let i = first - 1; i >= 0 && i >= first - LOOK_BACK; i--) {
    if (tokens.sentences[i] !== sentence) break;
    if (FIRST_PERSON.has(tokens.words[i])) return 'author';
  }
  return 'others';
}

const officialPhonesCache = new WeakMap<string[], Set<string>>();
function officialPhones(official: OfficialDetails): Set<string> {
  let set = officialPhonesCache.get(official.phones);
  if (!set) {
    set = new Set(official.phones.map(normalizePhone).filter((p): p is string => p !== null));
    officialPhonesCache.set(official.phones, set);
  }
  return set;
}

/**
 * Personal contact details: phone numbers (validated with libphonenumber), email addresses
 * (also spelt out), postcodes, street addresses, social media handles, profile links and
 * chat invite links, less the organisation's own; and what a child can be traced by: a date
 * of birth, a Unique Pupil Number, an NHS or National Insurance number. Each match says what it is (`kind`,
 * `detail`) and whose it seems to be (`owner`: the writer's own, or someone else's).
 */
export const contactDetails = defineDetector({
  needs: ['official'],
  detect: (input, { official }) => {
    const { text } = input;
    let platformNamed = false;
    const postal = findPostal(text, input.tokens, official.addresses, (word) => {
      if (!platformNamed && namesPlatform(word)) platformNamed = true;
    });
    // Identifiers first: where one is also read as a phone number, the identifier stands.
    const all = [
      ...findIdentifiers(text),
      ...findBirthDates(text),
      ...findPhones(text, officialPhones(official)),
      ...findEmails(text, official.domains),
      // A shop's or a service's address is public: "our supplier, Stitch & Co, 4 Market Street".
      ...postal.filter((d) => !inOrganisationSentence(text, d.start, d.end, true)),
      ...findSocial(text, platformNamed, official.handles, official.domains),
    ];
    for (const d of all) {
      while (d.end > d.start && /[.,;:!?)]/.test(text[d.end - 1])) d.end--;
    }
    // Where details overlap (a handle inside a profile link), the one that starts first and
    // runs longest stands.
    all.sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: DetectorMatch[] = [];
    let lastEnd = -1;
    for (const d of all) {
      if (d.start < lastEnd || d.end <= d.start) continue;
      kept.push({ start: d.start, end: d.end, data: { kind: d.kind, detail: d.detail, owner: ownerOf(d, input) } });
      lastEnd = d.end;
    }
    return kept;
  },
});
