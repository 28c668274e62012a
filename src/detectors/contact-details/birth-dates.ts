import type { ContactDetail } from './types.js';

/*
 * A date of birth: a date the text says is one ("DOB 14/03/2016", "date of birth: 3 May 2015",
 * "born on 3rd May 2015", "her birthday is 3 May 2015"). A date alone is an event's; only its cue
 * makes it a birth date. A year long past is a grown-up's or a famous person's ("Roald Dahl was
 * born on 13 September 1916"), not a child's.
 */

const MONTHS = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:\d{4}|'?\d{2})`;
// 14/03/2016, 14-3-16, 14.03.2016, 2016-03-14; 3 May 2015, 3rd of May, 2015; May 3rd 2015.
const NUMERIC = String.raw`${DAY}[/.-](?:0?[1-9]|1[0-2])[/.-]${YEAR}|\d{4}-(?:0[1-9]|1[0-2])-(?:[12]\d|3[01]|0[1-9])`;
const WORDED = String.raw`(?:the\s+)?${DAY}(?:\s+of)?\s+${MONTHS}(?:,?\s+${YEAR})?|${MONTHS}\s+(?:the\s+)?${DAY}(?:,?\s+${YEAR})?`;
const DATE = String.raw`(?:${NUMERIC}|${WORDED})`;

// "DOB", "D.O.B.", "date of birth", "birth date", "birthdate", then a separator; "born (on) ...".
const CUED = new RegExp(
  String.raw`\b(?:(?:d\.?o\.?b\b\.?|date\s+of\s+birth|birth\s?date)(?:\s+is)?[\s:=\-–]*|born(?:\s+on)?\s+|birthday(?:\s+is|\s*:)\s*)(${DATE})(?![\p{L}\p{N}]|[/.-]\d)`,
  'giu',
);

// A child is at most 19 or so; a birth year before this many years ago is not a child's.
const CHILDHOOD_YEARS = 21;

function yearOf(date: string, thisYear: number): number | null {
  const four = /\d{4}(?!.*\d{4})/.exec(date);
  if (four) return Number(four[0]);
  const two = /(?:[/.-]|'|\s)(\d{2})$/.exec(date);
  if (!two) return null;
  const yy = Number(two[1]);
  const century = Math.floor(thisYear / 100) * 100;
  return century + yy > thisYear ? century - 100 + yy : century + yy;
}

/** Dates of birth in text: the date itself, without its cue. `thisYear` says what "long past" is. */
export function findBirthDates(text: string, thisYear = new Date().getFullYear()): ContactDetail[] {
  const found: ContactDetail[] = [];
  if (!/born|birth|d\.?o\.?b/i.test(text)) return found;
  for (const m of text.matchAll(CUED)) {
    const date = m[1];
    // "born on 3rd May" without a year is a birthday, which many children share; with a cue
    // such as "DOB" a date is a record's even without one.
    const year = yearOf(date, thisYear);
    const bornOnly = /^born/i.test(m[0]);
    // "Her birthday is 3 May 2026" is this year's birthday, not the day she was born.
    const birthday = /^birthday/i.test(m[0]);
    if (year === null ? bornOnly || birthday : year < thisYear - CHILDHOOD_YEARS || year > (birthday ? thisYear - 2 : thisYear)) continue;
    const start = m.index + m[0].length - date.length;
    found.push({ start, end: start + date.length, kind: 'date-of-birth', detail: 'date of birth' });
  }
  return found;
}
