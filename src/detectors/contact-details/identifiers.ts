import type { ContactDetail } from './types.js';

/*
 * Numbers that identify one person for life in official records: a pupil's Unique Pupil Number,
 * an NHS number, a National Insurance number. Each has a check (a check letter, a check digit,
 * prefix rules) that a random code rarely passes; a code that fails it is reported only when the
 * text says what it is ("UPN", "NHS no").
 */

// How far before a number its name may stand: "UPN:", "NHS number -", "National Insurance no.".
const CUE_REACH = 40;

function cuedBy(text: string, at: number, cue: RegExp): boolean {
  return cue.test(text.slice(Math.max(0, at - CUE_REACH), at));
}

// The DfE's alphabet for UPNs: no I, O or S. A check letter is this alphabet's letter for the
// weighted sum mod 23; a temporary UPN ends in a letter worth its place in the alphabet.
const UPN_ALPHABET = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** The check letter of a UPN's last twelve characters (weights 2 to 13, modulus 23). */
export function upnCheckLetter(rest: string): string | null {
  if (rest.length !== 12) return null;
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const c = rest[i];
    const value = c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : i === 11 ? UPN_ALPHABET.indexOf(c) : -1;
    if (value < 0) return null;
    sum += value * (i + 2);
  }
  return UPN_ALPHABET[sum % 23];
}

export function isValidUpn(upn: string): boolean {
  const compact = upn.replace(/\s+/g, '').toUpperCase();
  return compact.length === 13 && upnCheckLetter(compact.slice(1)) === compact[0];
}

/** Whether ten digits carry a valid NHS check digit (weights 10 to 2, modulus 11). */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (digits.charCodeAt(i) - 48) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === digits.charCodeAt(9) - 48;
}

// HMRC's rules: neither letter D, F, I, Q, U or V; no O second; seven prefixes never issued.
const NI_FIRST = '[A-CEGHJ-PR-TW-Z]';
const NI_SECOND = '[A-CEGHJ-NPR-TW-Z]';
const NI_NEVER = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

/** Whether a National Insurance number (spaces allowed) keeps HMRC's prefix and suffix rules. */
export function isValidNiNumber(ni: string): boolean {
  const compact = ni.replace(/\s+/g, '').toUpperCase();
  return new RegExp(`^${NI_FIRST}${NI_SECOND}\\d{6}[A-D]$`).test(compact) && !NI_NEVER.has(compact.slice(0, 2));
}

// A letter and twelve digits, the last of which may be a letter (a temporary UPN).
const UPN = /(?<![\p{L}\p{N}])[A-Za-z]\s?\d{3}\s?\d{4}\s?\d{2}\s?\d{2}[\dA-Za-z](?![\p{L}\p{N}])/gu;
const UPN_CUE = /\b(?:UPN|unique pupil (?:number|no\.?))\b[\s:#.\-–=]*(?:is\s+)?$/i;

// Ten digits, plain or 3-3-4 with spaces or dashes, not part of a longer number or a decimal.
const TEN_DIGITS = /(?<![\p{L}\p{N}.,/:£$€#+-]|\d[\s-])(\d{3})([\s-]?)(\d{3})\2(\d{4})(?![\p{L}\p{N}]|[.,/-]\d|[\s-]\d)/gu;
const NHS_CUE = /\bNHS\s*(?:number|no\.?|num|#)?[\s:#.\-–=]*(?:is\s+)?$/i;

const NI = new RegExp(String.raw`(?<![\p{L}\p{N}])(${NI_FIRST}${NI_SECOND})\s?(\d{2})\s?(\d{2})\s?(\d{2})\s?([A-D])(?![\p{L}\p{N}])`, 'giu');
const NI_CUE = /\b(?:NI|NINO|national insurance)\s*(?:number|no\.?|num|#)?[\s:#.\-–=]*(?:is\s+)?$/i;

/** Unique Pupil Numbers, NHS numbers and National Insurance numbers in text. */
export function findIdentifiers(text: string): ContactDetail[] {
  const found: ContactDetail[] = [];
  // Every one of these has six digits in a row or in groups: most texts have no such run.
  if (!/\d{2}[\s-]?\d{2}[\s-]?\d{2}/.test(text)) return found;
  for (const m of text.matchAll(UPN)) {
    if (isValidUpn(m[0]) || cuedBy(text, m.index, UPN_CUE)) {
      found.push({ start: m.index, end: m.index + m[0].length, kind: 'upn', detail: 'Unique Pupil Number' });
    }
  }
  for (const m of text.matchAll(TEN_DIGITS)) {
    const digits = m[1] + m[3] + m[4];
    const grouped = m[2] !== '';
    const cued = cuedBy(text, m.index, NHS_CUE);
    if (cued || (grouped && isValidNhsNumber(digits))) {
      found.push({ start: m.index, end: m.index + m[0].length, kind: 'nhs-number', detail: 'NHS number' });
    }
  }
  for (const m of text.matchAll(NI)) {
    const upper = m[0] === m[0].toUpperCase();
    const cued = cuedBy(text, m.index, NI_CUE);
    // Lower-case letters make an NI number only when the text names one.
    if (!isValidNiNumber(m[0]) || (!upper && !cued)) continue;
    found.push({ start: m.index, end: m.index + m[0].length, kind: 'ni-number', detail: 'National Insurance number' });
  }
  return found;
}
