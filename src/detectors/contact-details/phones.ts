import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/max';
import type { ContactDetail } from './types.js';

/**
 * Ofcom's numbers for TV and radio drama: never issued to anyone, so examples and test
 * drafts use them, and libphonenumber's metadata does not treat all of them as valid. A post
 * that shows one is written the way a real one would be. National significant numbers;
 * each prefix is followed by three more digits. Source: Ofcom, "Telephone numbers for use
 * in TV and radio drama programmes".
 */
const DRAMA_PREFIXES = [
  '7700900', // mobile 07700 900000-999
  '1134960', '1144960', '1154960', '1164960', '1174960', '1184960', // Leeds .. Reading 01xx 496 0xxx
  '1214960', '1314960', '1414960', '1514960', '1614960', // Birmingham .. Manchester
  '1914980', // Tyneside 0191 498 0xxx
  '2079460', // London 020 7946 0xxx
  '2896496', // Belfast 028 9649 6xxx
  '2920180', // Cardiff 029 2018 0xxx
  '1632960', // no area 01632 960xxx
  '3069990', // 0306 999 0xxx
  '8081570', // freephone 0808 157 0xxx
  '9098790', // premium 0909 879 0xxx
];

function isDramaNumber(phone: PhoneNumber): boolean {
  if (phone.countryCallingCode !== '44') return false;
  const national = phone.nationalNumber;
  return national.length === 10 && DRAMA_PREFIXES.some((p) => national.startsWith(p));
}

// Numbers of organisations rather than people: freephone, shared cost, premium, 03 numbers.
const NOT_PERSONAL = new Set(['TOLL_FREE', 'PREMIUM_RATE', 'SHARED_COST', 'UAN', 'VOICEMAIL', 'PAGER']);

// A run of digits that could be a phone number: an optional +country or 00 prefix, digits with
// spaces, dots, dashes or brackets between them. Which runs are numbers libphonenumber decides.
const CANDIDATE = /(?<![\w@/.:£$€#-]|\d[.,])(?:\+|00)?\(?\d[\d ().-]{6,22}\d(?![\w/%]|[.,]\d|-\d)/g;

/** Normal form (E.164) of a phone number written any way, or null. */
export function normalizePhone(text: string): string | null {
  const phone = parsePhoneNumberFromString(text, 'GB');
  return phone ? phone.number : null;
}

export function findPhones(text: string, official: Set<string>): ContactDetail[] {
  const found: ContactDetail[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    let candidate = m[0].replace(/[\s(.-]+$/, '');
    // An opening bracket belongs to the number only when it is closed ("(0116) 274 9183").
    const leading = candidate.startsWith('(') && candidate.includes(')') ? /^[\s.-]+/ : /^[\s().-]+/;
    const lead = candidate.length - candidate.replace(leading, '').length;
    candidate = candidate.slice(lead);
    const digits = candidate.replace(/\D/g, '').length;
    if (digits < 9 || digits > 15) continue;
    // A pair of years or a date range written with a dash is not a number.
    if (/^\d{4}\s?[-–]\s?\d{2,4}$/.test(candidate)) continue;
    const phone = parsePhoneNumberFromString(candidate, 'GB');
    if (!phone) continue;
    const drama = isDramaNumber(phone);
    if (!drama && !phone.isValid()) continue;
    const type = phone.getType();
    if (!drama && type && NOT_PERSONAL.has(type)) continue;
    if (official.has(phone.number)) continue;
    const start = m.index + lead;
    const detail = type === 'MOBILE' || phone.nationalNumber.startsWith('7') ? 'mobile number' : 'phone number';
    found.push({ start, end: start + candidate.length, kind: 'phone', detail });
  }
  return found;
}
