import type { NameLexicon } from '../lexicon/names.js';
import type { Tokens } from '../text/tokens.js';
import type { Channel } from '../types/channels.js';

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
// Roles a pupil can hold with one of those words before: "school councillor", "sports leader" (not "school principal").
const PUPIL_HELD = new Set(['councillor', 'councillors', 'rep', 'reps', 'lead', 'leads', 'leader', 'leaders', 'officer', 'officers', 'mentor', 'mentors', 'coach', 'coaches', 'volunteer', 'volunteers']);
// A role word after these is a verb's object, not a title before a name: "to lead Isla's group".
const VERB_BEFORE = new Set(['to', 'will', 'would', 'can', 'could', 'shall', 'should', 'must', 'might', 'may', 'did', 'does', 'do', 'please']);

// Lines that list adults: minutes, attendance and apologies; letters' sign-offs.
const ATTENDANCE_LINE = /^[ \t>*#-]*(?:(?:governors?|members|trustees|staff|also|those)\s+)?(?:present|apologies(?:\s+(?:received|for\s+absence))?|in\s+attendance|attendees|attending|absent|clerk|chair(?:ed\s+by)?|minutes?\s+taken\s+by)\b[^\n:]{0,30}[:\-–—]/gim;
const SIGNATURE_LINE = 60;
const DETERMINERS = new Set(['our', 'the', 'a', 'an', 'their', 'your']);
const FORMER_PUPIL = /^\s*\((?:left|class of|alumn[aiu]s?|former|\d{4}\s*[-–]\s*\d{2,4}\))/i;
const STUDIED = new Set(['researched', 'researching', 'studied', 'studying', 'portrait', 'portraits', 'statue', 'statues', 'biography', 'biographies', 'life', 'memory', 'honour', 'named', 'remembering', 'remembered']);
const PUPILS_TALKING = /(?:^|[\s,:])(?:[Ss]ir|[Mm]iss)(?:[\s,.!?]|$)(?![ \t]*\p{Lu})/mu;
// What stands before a chat's speaker on a line (a time, a date, a quote mark), and after (a colon).
const SPEAKER_BEFORE = /^[\s>*_]*(?:\[[^\]\n]{1,24}\][\s*_]*|\d{1,2}[/.]\d{1,2}[/.]\d{2,4},?\s+\d{1,2}[:.]\d{2}(?:\s*[ap]m)?\s*[-–]\s*|\d{1,2}[:.]\d{2}(?:\s*[ap]m)?\s*[-–]?\s*)?(?:\p{Lu}[\p{L}'’]*[- ]){0,2}$/u;
// After the speaker's name: a colon, perhaps after an initial, an emoji or where they live ("Janet, Evington:").
const SPEAKER_AFTER = /^(?:[- ]\p{Lu}[\p{L}'’]*){0,2}(?:\s+\p{Lu}\.?)?(?:,[ \t]*\p{Lu}[\p{L}'’ -]{0,30})?[^\p{L}\p{N}\n:]{0,4}:(?:\s|$)/u;
const SIGN_OFF = /^[ \t]*(?:(?:with\s+)?(?:best|kind|warm|many|warmest)\s+(?:wishes|regards|thanks)|regards|yours\s+(?:sincerely|faithfully|truly)|thank\s+you|thanks(?:\s+again)?|cheers|signed)[ \t]*[,.!]?[ \t]*\r?\n/gim;

// Between two names of one list: commas and "and", and other capitalised items of the list
// ("Nancy, Fagin and Bill Sikes"), on one line.
const LIST_GAP = /^(?:[ \t]*,[ \t]*|[ \t]+(?:and|&)[ \t]+|[ \t]*,[ \t]*and[ \t]+)(?:(?:the[ \t]+)?\p{Lu}[\p{L}'’-]*(?:[ \t]+\p{Lu}[\p{L}'’-]*)*(?:[ \t]*,[ \t]*|[ \t]+(?:and|&)[ \t]+|[ \t]*,[ \t]*and[ \t]+))*$/u;

/**
 * The lists among names in text order: names joined only by commas and "and" ("Kerry, Jodie and
 * Sam") share a run number.
 */
export function listRuns(text: string, tokens: Tokens, names: NameAt[]): number[] {
  const runOf: number[] = [];
  for (let n = 0, run = 0; n < names.length; n++) {
    if (n > 0) {
      const gapText = text.slice(tokens.ends[names[n - 1].last], tokens.starts[names[n].first]);
      if (!LIST_GAP.test(gapText)) run++;
    }
    runOf.push(run);
  }
  return runOf;
}

/**
 * Names that are adults', by how the text speaks of them: a title is handled by the finder; here a
 * role beside the name, a list of those present or sending apologies, and the name under a
 * letter's sign-off. Returns the indexes (into `names`) that are adults.
 */
export function adultNames(text: string, tokens: Tokens, lexicon: NameLexicon, names: NameAt[], channel?: Channel): Set<number> {
  const adults = new Set<number>();
  if (names.length === 0) return adults;
  // A chat's speakers ("[19:04] Hannah: …", "Kelly-Anne B: …") on a parent's or a member of
  // staff's post are adults, unless the chat speaks to a teacher as pupils do ("sir can u send").
  if ((channel === 'parent' || channel === 'staff-personal') && !PUPILS_TALKING.test(text)) {
    names.forEach(({ first, last }, n) => {
      const lineStart = text.lastIndexOf('\n', tokens.starts[first] - 1) + 1;
      if (SPEAKER_BEFORE.test(text.slice(lineStart, tokens.starts[first])) && SPEAKER_AFTER.test(text.slice(tokens.ends[last], tokens.ends[last] + 8))) adults.add(n);
    });
  }
  const { words, sentences, starts, ends, count } = tokens;
  const role = (k: number) =>
    k >= 0 && k < count && lexicon.roles.has(words[k]) && !PUPIL_ROLE_AFTER.has(words[k + 1] ?? '') && !(PUPIL_HELD.has(words[k]) && PUPIL_ROLE_BEFORE.has(words[k - 1] ?? ''));
  const possessive = (k: number) => /['’]s?$/.test(text.slice(ends[k] - 2, ends[k]));

  // A role before a list of names, or a plural role after it, is every member's.
  const runOf = listRuns(text, tokens, names);
  const markRun = (n: number) => {
    for (let m = 0; m < names.length; m++) if (runOf[m] === runOf[n]) adults.add(m);
  };

  names.forEach(({ first, last }, n) => {
    // "Maya (Year 12)": a year group beside the name says it is a pupil's, whatever role she holds.
    if (/^\s*[(,–—-]?\s*(?:year|yr|y)\s*\d/i.test(text.slice(ends[last], ends[last] + 12))) return;
    // "Joseph Okafor (left 2009)": a former pupil, now an adult.
    if (FORMER_PUPIL.test(text.slice(ends[last], ends[last] + 20))) {
      adults.add(n);
      return;
    }
    // The subject of a project or a portrait: "researched Lilian Bader", "a statue of Richard III", "about Alan Turing".
    if (first > 1 && sentences[first - 2] === sentences[first] && (STUDIED.has(words[first - 1]) || (words[first - 1] === 'of' && STUDIED.has(words[first - 2] ?? '')) || (words[first - 1] === 'about' && last > first))) {
      adults.add(n);
      return;
    }
    // A role in brackets after the name: "Claire Libeau (Social Studies and Accounting teacher)".
    if (text[ends[last]] === ' ' && text[ends[last] + 1] === '(' || text[ends[last]] === '(') {
      const close = text.indexOf(')', ends[last]);
      if (close > 0 && close - ends[last] < 80) {
        for (let k = last + 1; k < count && starts[k] < close; k++) {
          if (role(k)) {
            if (words[k].endsWith('s') && words[k] !== 'ceo') markRun(n);
            else adults.add(n);
            return;
          }
        }
      }
    }
    // A journalist's byline: "By Liz Wylie" at the head of a line.
    if (first > 0 && words[first - 1] === 'by' && text[starts[first - 1]] === 'B' && /(?:^|\n)[ \t*_>]*$/.test(text.slice(Math.max(0, starts[first - 1] - 4), starts[first - 1]))) {
      adults.add(n);
      return;
    }
    // A role after the name, in the same sentence, with only words of the role between
    // (after "our", "the" or "a", any two: "Whitaker, our inclusion lead").
    if (!possessive(last)) {
      const gapText = text.slice(ends[last], starts[last + 1] ?? ends[last]);
      if (last + 1 < count && sentences[last + 1] === sentences[last] && /^\s*(?:[,(:\-–—|]\s*|\s+)$/.test(gapText)) {
        for (let k = last + 1; k < Math.min(count, last + 6) && sentences[k] === sentences[last]; k++) {
          if (role(k)) {
            if (words[k].endsWith('s') && words[k] !== 'ceo') markRun(n);
            else adults.add(n);
            break;
          }
          // "Kerry, Isla's mum": the mum is Kerry.
          if (possessive(k) && role(k + 1)) {
            adults.add(n);
            break;
          }
          if (ANOTHER_PERSON.has(words[k])) break;
          const described = k - 1 > last && DETERMINERS.has(words[k - 1]) || (k - 2 > last && DETERMINERS.has(words[k - 2]));
          if (!APPOSITION.has(words[k]) && !lexicon.roles.has(words[k]) && !described) break;
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
  // The short lines under a sign-off ("Best wishes,\nDawn Whitlock\nHeadteacher"); a heading
  // "Thank you" over a paragraph is not one.
  for (const match of text.matchAll(SIGN_OFF)) {
    let from = match.index + match[0].length;
    for (let line = 0; line < 2 && from < text.length; line++) {
      const next = text.indexOf('\n', from);
      const end = next < 0 ? text.length : next + 1;
      if (end - from > SIGNATURE_LINE) break;
      marksLines(from, end);
      from = end;
    }
  }
  return adults;
}
