import type { NameLexicon } from '../lexicon/names.js';
import type { Tokens } from '../text/tokens.js';

/** A name the finder found, by its words: the first word and the last (inclusive). */
export interface NameAt {
  first: number;
  last: number;
}

// Between a name and a role after it ("Dawn Whitlock, our nursery manager", "Kerry (class rep)",
// "Jo Bell – Chair"): words that still speak of the same person.
const APPOSITION = new Set(['our', 'the', 'a', 'an', 'new', 'acting', 'interim', 'is', 'was', 'as', 'school', 'trust', 'deputy', 'assistant', 'class', 'year', 'of', 'pe', 'music', 'art', 'maths', 'english', 'science', 'head', 'lead', 'chair', 'vice', 'co', 'nursery', 'reception', 'business', 'office', 'site', 'finance', 'pta', 'friends', 'parent', 'foundation', 'local', 'community', 'former', 'retiring', 'senior', 'executive', 'one', 'from', 'in']);
// A role word after these belongs to someone else: "Isla, whose mum is a nurse".
const ANOTHER_PERSON = new Set(['whose', 'his', 'her', 'their', 'with', 'who', 'to', 'for', 'by', 'me', 'my']);
// Roles pupils hold, which a role word inside them does not make an adult's: "head girl", "school councillor".
const PUPIL_ROLE_AFTER = new Set(['girl', 'girls', 'boy', 'boys', 'student', 'students', 'pupil', 'pupils', 'prefect', 'prefects']);
const PUPIL_ROLE_BEFORE = new Set(['school', 'eco', 'student', 'pupil', 'junior', 'young', 'digital', 'sports', 'house', 'form', 'anti']);
// A role word after these is a verb's object, not a title before a name: "to lead Isla's group".
const VERB_BEFORE = new Set(['to', 'will', 'would', 'can', 'could', 'shall', 'should', 'must', 'might', 'may', 'did', 'does', 'do', 'please']);

// Lines that list adults: minutes, attendance and apologies; letters' sign-offs.
const ATTENDANCE_LINE = /^[ \t>*#-]*(?:(?:governors?|members|trustees|staff|also|those)\s+)?(?:present|apologies(?:\s+(?:received|for\s+absence))?|in\s+attendance|attendees|attending|absent|clerk|chair(?:ed\s+by)?|minutes?\s+taken\s+by)\b[^\n:]{0,30}[:\-–—]/gim;
const SIGN_OFF = /^[ \t]*(?:(?:with\s+)?(?:best|kind|warm|many|warmest)\s+(?:wishes|regards|thanks)|regards|yours\s+(?:sincerely|faithfully|truly)|thank\s+you|thanks(?:\s+again)?|cheers|signed)[ \t]*[,.!]?[ \t]*\r?\n/gim;

/**
 * Names that are adults', by how the text speaks of them: a title is handled by the finder; here a
 * role beside the name, a list of those present or sending apologies, and the name under a
 * letter's sign-off. Returns the indexes (into `names`) that are adults.
 */
export function adultNames(text: string, tokens: Tokens, lexicon: NameLexicon, names: NameAt[]): Set<number> {
  const adults = new Set<number>();
  if (names.length === 0) return adults;
  const { words, sentences, starts, ends, count } = tokens;
  const role = (k: number) => k >= 0 && k < count && lexicon.roles.has(words[k]) && !PUPIL_ROLE_AFTER.has(words[k + 1] ?? '') && !PUPIL_ROLE_BEFORE.has(words[k - 1] ?? '');
  const possessive = (k: number) => /['’]s?$/.test(text.slice(ends[k] - 2, ends[k]));

  // The runs of names joined only by commas and "and" ("Kerry, Jodie and Sam"): a role before the
  // run, or a plural role after it, is every member's.
  const runOf: number[] = [];
  for (let n = 0, run = 0; n < names.length; n++) {
    if (n > 0) {
      const gapText = text.slice(ends[names[n - 1].last], starts[names[n].first]);
      if (!/^(?:\s*,\s*|\s+(?:and|&)\s+|\s*,\s*and\s+)$/.test(gapText)) run++;
    }
    runOf.push(run);
  }
  const markRun = (n: number) => {
    for (let m = 0; m < names.length; m++) if (runOf[m] === runOf[n]) adults.add(m);
  };

  names.forEach(({ first, last }, n) => {
    // A role after the name, in the same sentence, with only words of the role between.
    if (!possessive(last)) {
      const gapText = text.slice(ends[last], starts[last + 1] ?? ends[last]);
      if (last + 1 < count && sentences[last + 1] === sentences[last] && /^\s*(?:[,(:\-–—|]\s*|\s+)$/.test(gapText)) {
        for (let k = last + 1; k < Math.min(count, last + 6) && sentences[k] === sentences[last]; k++) {
          if (role(k)) {
            if (words[k].endsWith('s') && words[k] !== 'ceo') markRun(n);
            else adults.add(n);
            break;
          }
          if (ANOTHER_PERSON.has(words[k])) break;
          if (!APPOSITION.has(words[k]) && !lexicon.roles.has(words[k])) break;
        }
      }
    }
    // A role before the name: "our PE teacher Mitch Johnson", "Headteacher: Dawn Whitlock".
    const before = first - 1;
    if (before >= 0 && sentences[before] === sentences[first] && /^\s*[:,–—-]?\s*$/.test(text.slice(ends[before], starts[first]))) {
      if (role(before) && !VERB_BEFORE.has(words[before - 1] ?? '') && !possessive(before)) markRun(n);
    }
  });

  // Names on an attendance or apologies line, and in the list that follows it up to a blank line.
  const marksLines = (from: number, to: number) => {
    names.forEach(({ first }, n) => {
      if (starts[first] >= from && starts[first] < to) adults.add(n);
    });
  };
  for (const match of text.matchAll(ATTENDANCE_LINE)) {
    const from = match.index;
    const blank = /\n[ \t]*\r?\n/g;
    blank.lastIndex = from;
    const end = blank.exec(text)?.index ?? text.length;
    marksLines(from, end);
  }
  // The one or two lines under a sign-off ("Best wishes,\nDawn Whitlock\nHeadteacher").
  for (const match of text.matchAll(SIGN_OFF)) {
    const from = match.index + match[0].length;
    let end = from;
    for (let line = 0; line < 2 && end < text.length; line++) {
      const next = text.indexOf('\n', end);
      end = next < 0 ? text.length : next + 1;
    }
    marksLines(from, end);
  }
  return adults;
}
