import type { Clause, Tense, Token } from './analysis.js';
import {
  CLAUSE_CONJUNCTIONS,
  CLAUSE_PUNCTUATION,
  FUTURE_AUXILIARIES,
  FUTURE_PHRASES,
  FUTURE_WORDS,
  NEGATIONS,
  NOW_PHRASES,
  NOW_WORDS,
  PAST_AUXILIARIES,
  PAST_PHRASES,
  PAST_WORDS,
} from './words.js';

const SUBJECT_PRONOUNS = new Set(['i', 'we', 'you', 'u', 'he', 'she', 'they', 'it']);

const isEmoji = (t: Token) => t.pos === 'SYM' && /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u.test(t.text);
/** Words after which an emoji stands for a noun ("at the 🏖️", "off to 🏫"), not for a full stop. */
const BEFORE_NOUN = new Set(['DET', 'ADP', 'AUX', 'PART', 'CCONJ', 'SCONJ']);

/** Chat ends a thought with an emoji: "we're at the park 😂 see u soon". */
function endsOnEmoji(tokens: Token[], first: number, i: number): boolean {
  if (!isEmoji(tokens[i - 1]) || isEmoji(tokens[i]) || tokens[i].punctuation) return false;
  let k = i - 1;
  while (k > first && isEmoji(tokens[k - 1])) k--;
  return k === first || !BEFORE_NOUN.has(tokens[k - 1].pos);
}

/** Whether a clause starts at token `i` (of a sentence starting at `first`). */
function opensClause(tokens: Token[], first: number, i: number): boolean {
  if (i === first) return true;
  const previous = tokens[i - 1];
  if (previous.punctuation && CLAUSE_PUNCTUATION.has(previous.text)) return !tokens[i].punctuation;
  if (endsOnEmoji(tokens, first, i)) return true;
  const t = tokens[i];
  if (t.pos === 'SCONJ') return true;
  if (t.pos === 'CCONJ' && CLAUSE_CONJUNCTIONS.has(t.normal)) {
    if (t.normal !== 'and' && t.normal !== 'or') return true;
    const next = tokens[i + 1];
    return next !== undefined && next.sentence === t.sentence && SUBJECT_PRONOUNS.has(next.normal);
  }
  return false;
}

/** Splits each sentence into clauses and gives each its tense and negation; numbers the tokens' clauses. */
export function findClauses(tokens: Token[], sentences: Array<{ first: number; last: number }>): Clause[] {
  const clauses: Clause[] = [];
  sentences.forEach((s, sentence) => {
    let start = s.first;
    for (let i = s.first + 1; i <= s.last; i++) {
      if (i < s.last && !opensClause(tokens, s.first, i)) continue;
      const clause = clauses.length;
      for (let k = start; k < i; k++) tokens[k].clause = clause;
      clauses.push({
        start: tokens[start].start,
        end: tokens[i - 1].end,
        first: start,
        last: i,
        sentence,
        tense: tenseOf(tokens, start, i),
        negated: isNegated(tokens, start, i),
      });
      start = i;
    }
  });
  return clauses;
}

function isNegated(tokens: Token[], first: number, last: number): boolean {
  for (let k = first; k < last; k++) {
    const t = tokens[k];
    if (!NEGATIONS.has(t.normal) && t.lemma !== 'not') continue;
    // "no, we are fine" answers; it does not negate
    if (t.normal === 'no' && (t.pos === 'INTJ' || tokens.slice(first, last).every((o) => o === t || o.punctuation))) continue;
    return true;
  }
  return false;
}

/** The tense of a verb as its form shows: "went" past, "goes", "going", "go" present. */
function formTense(t: Token): Tense {
  const { normal: n, lemma: l } = t;
  if (n === l || n.endsWith('ing')) return 'present';
  if (n === `${l}s` || n === `${l}es` || (l.endsWith('y') && n === `${l.slice(0, -1)}ies`)) return 'present';
  return 'past';
}

const PHRASES: Array<[Tense, string[]]> = [
  ['present', NOW_PHRASES],
  ['future', FUTURE_PHRASES],
  ['past', PAST_PHRASES],
];

/** A word of time: the tense it gives alone, and the phrases of time it opens ("next" opens "next week"…). */
interface TimeWord {
  tense: Tense | null;
  phrases: Array<[Tense, string[]]>;
}
const TIME_WORDS = new Map<string, TimeWord>();
const timeWord = (word: string): TimeWord => {
  let entry = TIME_WORDS.get(word);
  if (!entry) TIME_WORDS.set(word, (entry = { tense: null, phrases: [] }));
  return entry;
};
// Now before future before past, as a word that were in two would be read.
for (const [tense, words] of [['present', NOW_WORDS], ['future', FUTURE_WORDS], ['past', PAST_WORDS]] as Array<[Tense, Set<string>]>) {
  for (const word of words) timeWord(word).tense ??= tense;
}
for (const [tense, phrases] of PHRASES) {
  for (const phrase of phrases) {
    const words = phrase.split(' ');
    timeWord(words[0]).phrases.push([tense, words]);
  }
}

/** Which of now, future and past the clause's words of time speak of, the first found. */
function timeWords(tokens: Token[], first: number, last: number): Tense {
  for (let k = first; k < last; k++) {
    const entry = TIME_WORDS.get(tokens[k].normal);
    if (entry === undefined) continue;
    if (entry.tense !== null) return entry.tense;
    for (const [tense, words] of entry.phrases) {
      if (k + words.length <= last && words.every((w, n) => tokens[k + n].normal === w)) return tense;
    }
  }
  return 'none';
}

/** Verbs whose own form ends in -ing: "we sing", "they bring". */
const ING_VERBS = new Set(['bring', 'sing', 'ring', 'sting', 'swing', 'spring', 'string', 'wing', 'cling', 'fling', 'sling', 'wring', 'ding', 'ping', 'king']);

/**
 * A clause's tense: future with will, shall, 'll, going to or gonna; otherwise its first verb's
 * (the auxiliary's when there is one), put forward or back by words of time ("tomorrow we go"
 * is future); past forms without an auxiliary next to "now" are chat's present ("sat at the top rn").
 */
export function tenseOf(tokens: Token[], first: number, last: number): Tense {
  let verb: Tense = 'none';
  let auxiliary = false;
  // "in teeming rain the team competed": a participle with no auxiliary is not the clause's verb
  // when a finite one follows; alone ("hiking up Kinder rn") it speaks of now.
  let participle = false;
  for (let k = first; k < last; k++) {
    const t = tokens[k];
    if (t.pos !== 'AUX' && t.pos !== 'VERB') continue;
    if (t.pos === 'AUX' && (FUTURE_AUXILIARIES.has(t.lemma) || t.lemma === 'going to')) return 'future';
    if (t.normal === 'going' && tokens[k + 1]?.normal === 'to' && tokens[k + 2]?.pos === 'VERB' && k + 2 < last) return 'future';
    if (verb !== 'none') continue;
    if (t.pos === 'AUX') {
      auxiliary = true;
      verb = PAST_AUXILIARIES.has(t.normal) ? 'past' : 'present';
    } else if (t.normal.endsWith('ing') && !ING_VERBS.has(t.normal)) participle = true;
    else verb = formTense(t);
  }
  if (verb === 'none' && participle) verb = 'present';
  const time = timeWords(tokens, first, last);
  if (verb === 'past') return time === 'present' && !auxiliary ? 'present' : 'past';
  if (verb === 'present') return time === 'future' || time === 'past' ? time : 'present';
  return time;
}
