// Closed classes of English the tagger's model does not know or gets wrong in school posts and chat.
import type { PartOfSpeech } from './analysis.js';

const set = (words: string): Set<string> => new Set(words.split(' '));

/** Chat spellings: their part of speech and dictionary form. */
export const CHAT_WORDS = new Map<string, { pos: PartOfSpeech; lemma: string }>([
  ['rn', { pos: 'ADV', lemma: 'right now' }],
  ['atm', { pos: 'ADV', lemma: 'at the moment' }],
  ['u', { pos: 'PRON', lemma: 'you' }],
  ['ya', { pos: 'PRON', lemma: 'you' }],
  ['ur', { pos: 'PRON', lemma: 'your' }],
  ['r', { pos: 'AUX', lemma: 'be' }],
  ['gonna', { pos: 'AUX', lemma: 'going to' }],
  ['gunna', { pos: 'AUX', lemma: 'going to' }],
  ['wanna', { pos: 'VERB', lemma: 'want to' }],
  ['tmrw', { pos: 'NOUN', lemma: 'tomorrow' }],
  ['tmr', { pos: 'NOUN', lemma: 'tomorrow' }],
  ['tonite', { pos: 'NOUN', lemma: 'tonight' }],
  ['2day', { pos: 'NOUN', lemma: 'today' }],
  ['2moro', { pos: 'NOUN', lemma: 'tomorrow' }],
  ['2nite', { pos: 'NOUN', lemma: 'tonight' }],
  ['omg', { pos: 'INTJ', lemma: 'omg' }],
  ['lol', { pos: 'INTJ', lemma: 'lol' }],
  ['lmao', { pos: 'INTJ', lemma: 'lmao' }],
  ['tbh', { pos: 'ADV', lemma: 'to be honest' }],
  ['pls', { pos: 'INTJ', lemma: 'please' }],
  ['plz', { pos: 'INTJ', lemma: 'please' }],
  ['thx', { pos: 'INTJ', lemma: 'thanks' }],
  ['x', { pos: 'SYM', lemma: 'x' }],
  ['xx', { pos: 'SYM', lemma: 'xx' }],
  ['xxx', { pos: 'SYM', lemma: 'xxx' }],
]);

/** Short weekdays that are also words: "Sat 11" is a Saturday, not a past verb. */
export const SHORT_WEEKDAYS = set('sat sun wed mon');

/** Modal verbs that are also names or months: "Will and Amir", "in May". */
export const MODAL_NAMES = set('will may');

/** Forms of be, have and do that cannot follow a modal: "Will is ill" is a name. */
export const FINITE_AUXILIARIES = set("is are was were has had does did 's 're am");

export const FUTURE_AUXILIARIES = set('will shall');
export const PAST_AUXILIARIES = set("was were did had");

/** Words of time that put a clause in the present, the future or the past whatever its verb. */
export const NOW_WORDS = set('now rn currently atm presently');
export const NOW_PHRASES = ['right now', 'at the moment', 'at present', 'just now'];
export const FUTURE_WORDS = set('tomorrow tonight later soon tmrw tmr tonite 2moro 2nite tomoz');
export const FUTURE_PHRASES = [
  'next week',
  'next month',
  'next term',
  'next year',
  'next time',
  'this weekend',
  'this afternoon',
  'this evening',
  'later on',
  'later today',
  'in the morning',
];
export const PAST_WORDS = set('yesterday ago earlier previously');
export const PAST_PHRASES = ['last week', 'last night', 'last month', 'last term', 'last year', 'last weekend', 'the other day'];

export const NEGATIONS = set("not n't never no nobody nothing none nowhere neither nor cannot");

/** Conjunctions that start a new clause when a subject follows them. */
export const CLAUSE_CONJUNCTIONS = set('and but or so then');
export const CLAUSE_PUNCTUATION = set(', ; : – — ( ) [ ] … " “ ” !');

/** Words before a name that make it a person's. */
export const TITLES = set('mr mrs ms miss mx dr prof professor sir dame rev revd fr cllr');

/** Last words of the names of organisations. */
export const ORGANISATION_HEADS = set(
  'council school academy trust college university club fc society church association federation committee nhs ltd plc pta foundation charity co-op coop brownies cubs scouts guides',
);

/** Words that make a name a place's: last words ("Uppingham Road") or first ("Hotel Alpina"). */
export const PLACE_HEADS = set(
  'road rd street lane avenue close drive crescent way park farm water tor hill hills fell peak moor lake reservoir river beach bay museum gallery station centre center campsite hostel hotel castle forest wood woods bridge square gardens garden zoo stadium arena airport services village town city estate green common island harbour pier quay valley dale edge cottage house hall manor rec recreation row circle rise mews grove court terrace parade',
);
export const PLACE_FIRST_WORDS = set('hotel mount lake loch isle river port camp');

/** Prepositions after which a name is most often a place: "at Rowlee Farm", "towards Kinder". */
export const PLACE_PREPOSITIONS = set('at in from towards toward near into outside behind via around across through past opposite beside');
/** Verbs of going whose "to" points at a place: "went to Edale" (but "well done to Will"). */
export const MOTION_VERBS = set('go head travel walk hike drive come return fly move arrive get ride cycle climb run trip journey visit off');

export const TIME_PREPOSITIONS = set("at from till until til 'til by about around before after to");
export const TIME_NOUNS = set('teatime lunchtime midday noon midnight bedtime hometime dinnertime breaktime');
export const CLOCK_WORDS = set('one two three four five six seven eight nine ten eleven twelve 1 2 3 4 5 6 7 8 9 10 11 12');
export const MONEY_AFTER = set('p pence pounds quid euros euro dollars');

/** Abbreviations with a full stop that do not end a sentence. */
export const ABBREVIATIONS = new Set(['mr.', 'mrs.', 'ms.', 'dr.', 'st.', 'prof.', 'rev.', 'no.', 'vs.', 'etc.', 'approx.', 'e.g.', 'i.e.', 'fr.', 'jr.', 'sr.']);
