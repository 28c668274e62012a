import type { Entity, EntityType, Token } from './analysis.js';
import type { RawEntity } from './tokens.js';
import {
  CLOCK_WORDS,
  MONEY_AFTER,
  MOTION_VERBS,
  ORGANISATION_HEADS,
  PLACE_FIRST_WORDS,
  PLACE_HEADS,
  PLACE_PREPOSITIONS,
  TIME_NOUNS,
  TIME_PREPOSITIONS,
  TITLES,
} from './words.js';

const CLOCK = /^(\d{1,2})(?:([.:])(\d{2}))?([ap]m)?$/i;
const HOUR_BEFORE = new Set(['am', 'pm', 'a.m.', 'p.m.', "o'clock", 'oclock']);
const DASHES = new Set(['-', '–', '—']);
// "at 4 tmrw", "3.30 tomorrow": a day after a number does not make it a count of something.
const DAY_WORDS = new Set(['today', 'tonight', 'tomorrow', 'tmrw', 'tmr', 'tomoz']);
const CURRENCIES = new Set(['£', '$', '€']);
/** The words of "half three", "quarter past four", "ten to six", "twenty past". */
const CLOCK_FRACTIONS = new Set(['half', 'quarter', 'ten', 'twenty']);
const PRICE_VERBS = new Set(['cost', 'pay', 'charge', 'price', 'raise', 'save', 'spend', 'owe']);
const isCapitalised = (word: string) => /^\p{Lu}/u.test(word);
const RECURRENCE = new Set(['every', 'each', 'any', 'most']);
const DAYS = /^(?:mon|tues|wednes|thurs|fri|satur|sun)days?$/;

/** "every morning", "each Wednesday afternoon": the token before, or the day before it, says how often. */
function recurs(tokens: Token[], first: number): boolean {
  let k = first - 1;
  if (k >= 0 && DAYS.test(tokens[k].normal) && inSentence(tokens, first, k)) k--;
  return k >= 0 && RECURRENCE.has(tokens[k].normal) && inSentence(tokens, first, k);
}

/** Entities of times, money and names the tagger's model misses, then those it found, where they do not overlap. */
export function findEntities(tokens: Token[], tagged: RawEntity[]): Entity[] {
  // Which tokens an entity already covers: each later entity is kept only where none of its tokens is.
  const covered = new Uint8Array(tokens.length);
  const out: Entity[] = [];
  const add = (e: RawEntity) => {
    const first = firstEndingAfter(tokens, e.start);
    let last = first;
    while (last < tokens.length && tokens[last].start < e.end) last++;
    if (last === first) return;
    // "every morning", "any evening": how often, not when.
    if (e.type === 'TIME' && RECURRENCE.has(tokens[first].normal)) return;
    if (e.type === 'TIME' && recurs(tokens, first)) return;
    // "O Holy Night", "Night Brothers": a capitalised word inside a sentence is a title's, not a time.
    if (e.type === 'TIME' && last - first === 1 && /^\p{Lu}\p{Ll}/u.test(tokens[first].text) && inSentence(tokens, first, first - 1)) return;
    for (let k = first; k < last; k++) if (covered[k]) return;
    covered.fill(1, first, last);
    out.push({ type: e.type, start: tokens[first].start, end: tokens[last - 1].end, first, last });
  };
  for (const e of [...times(tokens), ...money(tokens), ...durations(tokens)]) add(e);
  for (const e of joinDates(tokens, tagged)) {
    if (e.type === 'DURATION' && !isDuration(tokens, e)) continue;
    add(e.type === 'TIME' ? trimTime(tokens, e) : e);
  }
  for (const e of names(tokens)) add(e);
  return out.sort((a, b) => a.start - b.start);
}

/** The model gives "Friday 3rd May" as two dates, "Friday" and "3rd May": dates side by side are one. */
function joinDates(tokens: Token[], tagged: RawEntity[]): RawEntity[] {
  const out: RawEntity[] = [];
  for (const e of tagged) {
    const previous = out[out.length - 1];
    if (previous && previous.type === 'DATE' && e.type === 'DATE') {
      const between = firstEndingAfter(tokens, previous.end);
      if (between < tokens.length && tokens[between].start >= e.start && tokens[between].sentence === tokens[between - 1]?.sentence) {
        previous.end = e.end;
        continue;
      }
    }
    out.push({ ...e });
  }
  return out;
}

function firstEndingAfter(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const inSentence = (tokens: Token[], i: number, j: number) => j >= 0 && j < tokens.length && tokens[j].sentence === tokens[i].sentence;
const span = (type: EntityType, tokens: Token[], a: number, b: number): RawEntity => ({ type, start: tokens[a].start, end: tokens[b].end });

function times(tokens: Token[]): RawEntity[] {
  const out: RawEntity[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.pos !== 'NUM' && !TIME_NOUNS.has(t.normal) && !CLOCK_FRACTIONS.has(t.normal)) continue;
    const previous = inSentence(tokens, i, i - 1) ? tokens[i - 1] : undefined;
    const next = inSentence(tokens, i, i + 1) ? tokens[i + 1] : undefined;
    if (TIME_NOUNS.has(t.normal)) {
      out.push(span('TIME', tokens, i, i));
      continue;
    }
    // "half three", "quarter past four", "ten to six"
    if (CLOCK_FRACTIONS.has(t.normal) && next) {
      const hasLink = next.normal === 'past' || next.normal === 'to';
      const end = i + (hasLink ? 2 : 1);
      const hour = (hasLink || t.normal === 'half') && inSentence(tokens, i, end) ? tokens[end] : undefined;
      const after = inSentence(tokens, i, end + 1) ? tokens[end + 1] : undefined;
      if (hour && CLOCK_WORDS.has(hour.normal) && !(after && (after.pos === 'NOUN' || after.pos === 'PROPN'))) {
        out.push(span('TIME', tokens, i, end));
        i = end;
        continue;
      }
    }
    if (t.pos !== 'NUM') continue;
    const clock = CLOCK.exec(t.text);
    if (!clock) continue;
    const [, hours, mark, minutes, meridiem] = clock;
    if (Number(hours) > 24 || (minutes !== undefined && Number(minutes) > 59)) continue;
    const before = previous?.normal ?? '';
    if (meridiem || mark === ':') {
      out.push(span('TIME', tokens, i, i));
      continue;
    }
    if (next && HOUR_BEFORE.has(next.normal) && Number(hours) <= 12) {
      out.push(span('TIME', tokens, i, i + 1));
      i++;
      continue;
    }
    // "at 6.45", "9.30 - 3.15", a timetable's first column
    const timed = TIME_PREPOSITIONS.has(before) || before === '|' || DASHES.has(before) || (next !== undefined && DASHES.has(next.normal)) || !previous;
    // Decimals are rarely a whole five minutes after a whole hour: "2.45" without "at" is a time too.
    const fives = minutes !== undefined && Number(minutes) % 5 === 0 && Number(hours) > 0 && !(next && next.pos === 'NOUN' && !DAY_WORDS.has(next.lemma)) && !(previous && (/^[£$€]$/.test(previous.text) || PRICE_VERBS.has(previous.lemma)));
    if (mark === '.' && (timed || fives)) {
      out.push(span('TIME', tokens, i, i));
      continue;
    }
    // "at 3", "from 9 till 3", but not "at 3 stations"
    if (!mark && Number(hours) <= 12 && (before === 'at' || before === 'till' || before === 'until' || before === 'til' || before === 'from')) {
      if (!next || DAY_WORDS.has(next.lemma) || (next.pos !== 'NOUN' && next.pos !== 'PROPN' && next.pos !== 'NUM' && next.pos !== 'ADJ')) out.push(span('TIME', tokens, i, i));
    }
  }
  return out;
}

function money(tokens: Token[]): RawEntity[] {
  const out: RawEntity[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (CURRENCIES.has(t.text) && next && next.pos === 'NUM' && next.start === t.end) {
      out.push(span('MONEY', tokens, i, i + 1));
      i++;
    } else if (t.pos === 'NUM' && /^\d/.test(t.text) && next && MONEY_AFTER.has(next.normal) && inSentence(tokens, i, i + 1)) {
      out.push(span('MONEY', tokens, i, i + 1));
      i++;
    }
  }
  return out;
}

const TIME_UNITS = new Set(['minute', 'min', 'hour', 'hr', 'day', 'night', 'week', 'month', 'year', 'term', 'weekend', 'fortnight']);
const NUMBER_WORDS = new Set(['a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'few', 'several', 'couple']);

/** "five nights", "40 minutes": the model finds some of these and not others. */
function durations(tokens: Token[]): RawEntity[] {
  const out: RawEntity[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    const unit = tokens[i + 1];
    if (unit.sentence !== t.sentence || !TIME_UNITS.has(unit.lemma) || /^\p{Lu}/u.test(unit.text)) continue;
    if ((t.pos === 'NUM' && /^\d+$/.test(t.text)) || (NUMBER_WORDS.has(t.normal) && t.normal !== 'a' && t.normal !== 'an')) {
      out.push(span('DURATION', tokens, i, i + 1));
      i++;
    }
  }
  return out;
}

/** The tagger gives "about 2pm" as a time: the time is "2pm". */
function trimTime(tokens: Token[], e: RawEntity): RawEntity {
  let i = firstEndingAfter(tokens, e.start);
  while (i + 1 < tokens.length && tokens[i + 1].start < e.end && TIME_PREPOSITIONS.has(tokens[i].normal)) i++;
  return { ...e, start: tokens[i].start };
}

/** Not "Day 2" or "Year 9", nor a lone "day". */
function isDuration(tokens: Token[], e: RawEntity): boolean {
  const first = firstEndingAfter(tokens, e.start);
  let last = first;
  while (last + 1 < tokens.length && tokens[last + 1].start < e.end) last++;
  const after = tokens[last + 1];
  if (after && after.pos === 'NUM' && after.sentence === tokens[last].sentence) return false;
  return last > first || tokens[first].normal === 'fortnight' || tokens[first].normal === 'overnight';
}

/** Runs of proper nouns, typed by a title before them, the word they end with, or the preposition before them. */
function names(tokens: Token[]): RawEntity[] {
  const out: RawEntity[] = [];
  const partOfName = (t: Token, run: boolean) =>
    t.pos === 'PROPN' || (run && isCapitalised(t.text) && (t.pos === 'NOUN' || t.pos === 'ADJ') && !t.punctuation);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const title = TITLES.has(t.normal.endsWith('.') ? t.normal.slice(0, -1) : t.normal) && isCapitalised(t.text);
    if (!title && (t.pos !== 'PROPN' || /^[\d@#]/.test(t.text) || t.normal === 'i')) continue;
    let j = i;
    for (;;) {
      const next = tokens[j + 1];
      if (!next || next.sentence !== t.sentence || next.start - tokens[j].end > 1) break;
      if (next.text === '.' && title && j === i) {
        j++;
        continue;
      }
      if (partOfName(next, true)) {
        j++;
        continue;
      }
      // "Friends of Abbey School", "Isle of Wight"
      const after = tokens[j + 2];
      if (next.normal === 'of' && after && after.sentence === t.sentence && partOfName(after, false)) {
        j += 2;
        continue;
      }
      break;
    }
    const type = nameType(tokens, i, j, title);
    if (type && !(title && j === i)) out.push(span(type, tokens, i, j));
    i = j;
  }
  return out;
}

function nameType(tokens: Token[], first: number, last: number, title: boolean): EntityType | undefined {
  if (title) return 'PERSON';
  const words = tokens.slice(first, last + 1).map((t) => t.normal);
  if (ORGANISATION_HEADS.has(words[words.length - 1]) || words[0] === 'friends') return 'ORG';
  if (PLACE_HEADS.has(words[words.length - 1]) || PLACE_FIRST_WORDS.has(words[0])) return 'PLACE';
  const before = first > 0 && tokens[first - 1].sentence === tokens[first].sentence ? tokens[first - 1] : undefined;
  const after = tokens[last + 1];
  // "at Will's house" is not at Will
  if (!before || (after && after.normal === "'s")) return undefined;
  if (PLACE_PREPOSITIONS.has(before.normal)) return 'PLACE';
  // "at the Guildhall", "outside the Spar" (but "in the Euroquiz" is often an event's)
  const beforeThe = before.normal === 'the' && first > 1 && tokens[first - 2].sentence === tokens[first].sentence ? tokens[first - 2] : undefined;
  if (beforeThe && PLACE_PREPOSITIONS.has(beforeThe.normal) && beforeThe.normal !== 'in') return 'PLACE';
  const verb = first > 1 && tokens[first - 2].sentence === tokens[first].sentence ? tokens[first - 2] : undefined;
  if (before.normal === 'to' && verb && MOTION_VERBS.has(verb.lemma)) return 'PLACE';
  return undefined;
}
