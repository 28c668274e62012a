import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/max';
import { inOrganisationSentence, sentenceTail } from './organisations.js';
import { findSpokenNumbers } from './spoken-phones.js';
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

/** A number's type, also for drama numbers, whose type is their range's: 0808 is freephone. */
function typeOf(phone: PhoneNumber, drama: boolean): string | undefined {
  if (!drama) return phone.getType();
  const first = phone.nationalNumber[0];
  return first === '8' ? 'TOLL_FREE' : first === '9' ? 'PREMIUM_RATE' : first === '3' ? 'UAN' : first === '7' ? 'MOBILE' : 'FIXED_LINE';
}

/** "mobile number" or "phone number" when a number is a valid personal one not the organisation's. */
function personalNumber(written: string, official: Set<string>): string | null {
  const phone = parsePhoneNumberFromString(written, 'GB');
  if (!phone) return null;
  const drama = isDramaNumber(phone);
  if (!drama && !phone.isValid()) return null;
  const type = typeOf(phone, drama);
  if (type && NOT_PERSONAL.has(type)) return null;
  if (official.has(phone.number)) return null;
  return type === 'MOBILE' || phone.nationalNumber.startsWith('7') ? 'mobile number' : 'phone number';
}

/*
 * A local number without its area code ("ring me on 456 789", "call 612345") is a number only
 * where a word says so just before it: six or seven digits are too often a reference or a URN.
 */
// Not a part of a longer number: no digits just before or after, across a space or a dash.
const LOCAL = /(?<![\p{L}\p{N}£$€#.,/:+-]|\d[ -])(?:\d{3}[ -]?\d{3,4}|\d{2} \d{2} \d{2})(?![\p{L}\p{N}%]|[.,/:-]\d|[ -]\d)/gu;
// The first letter of each cue in either case; a person after it is a name with a capital.
const cue = (words: string[]) => words.map((w) => `[${w[0].toUpperCase()}${w[0]}]${w.slice(1)}`).join('|');
const CALL_CUE = new RegExp(
  String.raw`\b(?:${cue(['ring', 'rung', 'call', 'phone', 'tel', 'telephone', 'text', 'landline'])}|(?:${cue(['my', 'her', 'his', 'their', 'home', 'house', 'phone', 'landline'])})\s+(?:number|no))\b\.?` +
    String.raw`(?:\s+(?:${cue(['me', 'us', 'him', 'her', 'them', 'mum', 'dad', 'nan', 'grandma', 'grandad', 'home'])}|\p{Lu}\p{Ll}+)){0,2}(?:\s+(?:on|at))?(?:\s+is)?[\s:=-]*$`,
  'u',
);
const CALL_CUE_REACH = 40;
const SPOKEN_CUE = /\b(?:ring|rung|call|phone|tel|telephone|text|landline|number|mobile|whatsapp|contact)\b/i;

function findLocalNumbers(text: string, official: Set<string>): ContactDetail[] {
  const found: ContactDetail[] = [];
  if (!/\b(?:ring|rung|call|phone|tel|telephone|text|landline|number|no)\b/i.test(text)) return found;
  const officialDigits = [...official].map((e164) => e164.replace(/\D/g, ''));
  for (const m of text.matchAll(LOCAL)) {
    if (!CALL_CUE.test(sentenceTail(text.slice(Math.max(0, m.index - CALL_CUE_REACH), m.index)))) continue;
    const digits = m[0].replace(/\D/g, '');
    if (officialDigits.some((o) => o.endsWith(digits))) continue;
    found.push({ start: m.index, end: m.index + m[0].length, kind: 'phone', detail: 'phone number' });
  }
  return found;
}

// A run of digits that could be a phone number: an optional +country or 00 prefix, digits with
// spaces, dots, dashes or brackets between them. Which runs are numbers libphonenumber decides.
const CANDIDATE = /(?<![\w@/.:£$€#-]|\d[.,])(?:\+|00)?\(?\d[\d ().-]{6,22}\d(?![\w/%]|[.,]\d|-\d)/g;

/** Normal form (E.164) of a phone number written any way, or null. */
export function normalizePhone(text: string): string | null {
  const phone = parsePhoneNumberFromString(text, 'GB');
  return phone ? phone.number : null;
}

/**
 * Personal phone numbers: written with digits (judged by libphonenumber), said in words ("oh
 * seven seven double oh…"), and local numbers with a word for calling before them. Not the
 * organisation's (`official`, in E.164), not freephone or other shared numbers, not a landline
 * in a sentence about a business or a service.
 */
const NOT_A_PHONE_BEFORE = /(?:meeting\s+id|webinar\s+id|passcode|pass\s*code|password|pin|order(?:\s+(?:no|number))?|ref(?:erence)?(?:\s+(?:no|number))?|invoice(?:\s+(?:no|number))?|isbn|urn|ukprn|dfe(?:\s+(?:no|number))?)\.?\s*[:#]?\s*$/i;

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
    // A pair of years or a date range written with a dash is not a number, nor a date and time ("2017-10-13 18:00").
    if (/^\d{4}\s?[-–]\s?\d{2,4}$/.test(candidate) || /^\d{4}-\d{2}-\d{2}\b/.test(candidate)) continue;
    const start = m.index + lead;
    // A video call's meeting ID or passcode, an order or a reference: digits that are not a phone.
    if (NOT_A_PHONE_BEFORE.test(text.slice(Math.max(0, start - 24), start))) continue;
    const detail = personalNumber(candidate, official);
    if (!detail || (detail !== 'mobile number' && inOrganisationSentence(text, start, start + candidate.length))) continue;
    found.push({ start, end: start + candidate.length, kind: 'phone', detail });
  }
  for (const n of findSpokenNumbers(text)) {
    const detail = personalNumber(n.digits, official);
    if (!detail) continue;
    // Counting in words ("zero, one, two, three…") can spell a landline; a mobile's "oh seven"
    // cannot be mistaken, a landline in words needs a word for calling in its sentence.
    if (detail !== 'mobile number' && (!SPOKEN_CUE.test(sentenceTail(text.slice(Math.max(0, n.start - 80), n.start))) || inOrganisationSentence(text, n.start, n.end))) continue;
    found.push({ start: n.start, end: n.end, kind: 'phone', detail });
  }
  found.push(...findLocalNumbers(text, official));
  return found;
}
