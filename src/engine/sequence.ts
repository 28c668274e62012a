import type { Analysis, EntityType, PartOfSpeech, Tense } from '../language/index.js';
import type { GateSpec } from './gates.js';
import { lemmaForms } from '../lexicon/lemma-forms.js';
import { loadWordList } from '../lexicon/word-lists.js';
import type { LoadedRule, SequenceRule, TokenCondition, WordClass } from '../rules/schema.js';

/**
 * Words and phrases in normal form (one space between words), by `keyOf`: matched on the text as
 * written, so "pick-up" and "nan's" match however the tagger splits them.
 */
type Phrases = Map<string, string[]>;

/**
 * The first two letters or digits of a word, or its first character when it starts with neither:
 * what a phrase and the token it starts at share however the tagger splits words ("can" of
 * "cannot", "b" of "b&b"), and few enough phrases share for long lists to be cheap.
 */
function keyOf(word: string): string {
  const run = /^[\p{L}\p{N}]{1,2}/u.exec(word);
  return run ? run[0] : word.slice(0, 1);
}

interface CompiledCondition {
  /** Each of these given must hold on the same tokens: the words, the lemmas, the class. */
  words: Phrases | null;
  lemmas: Set<string> | null;
  wordClass: CompiledClass | null;
  /** Every token matched must have one of these. */
  pos: Set<PartOfSpeech> | null;
  entity: Set<EntityType> | null;
  /** Every token matched must be part of a pupil's name. */
  name: boolean;
  /** No token matched may be one of these. */
  except: CompiledClass[];
  /** No token skipped before it may be one of these. */
  between: CompiledClass[];
  /** Tokens that may be skipped before it, when it says so rather than the rule. */
  window: number | undefined;
  min: number;
  max: number;
}

interface CompiledClass {
  words: Phrases;
  lemmas: Set<string> | null;
  pos: Set<PartOfSpeech> | null;
  entity: Set<EntityType> | null;
  /** A pupil's name is one of its members. */
  name: boolean;
}

export interface CompiledSequence {
  conditions: CompiledCondition[];
  window: number;
  tenses: Set<Tense> | null;
  /** What a text must show, for each condition the rule cannot do without (see `Gates`). */
  gates: GateSpec[];
  /** Some condition looks for pupils' names, which the name rules find first. */
  names: boolean;
}

const list = <T>(value: T | T[] | undefined): T[] | null => (value === undefined ? null : Array.isArray(value) ? value : [value]);
const setOf = <T>(value: T | T[] | undefined): Set<T> | null => {
  const items = list(value);
  return items ? new Set(items) : null;
};
// As the layer's normal form: lower case, one kind of apostrophe.
const normalise = (word: string) => word.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");

// Marks an acronym ("SEND", "MS"), which holds only where the text has it in capitals ("send" is a verb, "Ms" a title).
const CAPITALS = '\u0001';
const isAcronym = (entry: string) => /^\p{Lu}{2,}$/u.test(entry.trim());
/** The phrases as the text must have them, without the acronyms' mark: for the gates. */
const phraseList = (phrases: Phrases) => [...phrases.values()].flat().map((p) => (p.startsWith(CAPITALS) ? p.slice(1) : p));

function phrasesOf(entries: string[]): Phrases {
  const phrases: Phrases = new Map();
  for (const entry of entries) {
    const normal = normalise(entry).trim().replace(/\s+/g, ' ');
    const key = keyOf(normal);
    const phrase = isAcronym(entry) ? CAPITALS + normal : normal;
    let same = phrases.get(key);
    if (!same) phrases.set(key, (same = []));
    if (!same.includes(phrase)) same.push(phrase);
  }
  return phrases;
}

function compileClass(wordClass: WordClass): CompiledClass {
  const listed = (wordClass.lists ?? []).flatMap(loadWordList);
  return {
    words: phrasesOf(listed.length ? [...(wordClass.words ?? []), ...listed] : wordClass.words ?? []),
    lemmas: wordClass.lemma ? new Set(list(wordClass.lemma)!.map(normalise)) : null,
    pos: setOf(wordClass.pos),
    entity: setOf(wordClass.entity),
    name: wordClass.name === true,
  };
}

function compileCondition(condition: TokenCondition, classes: Record<string, WordClass>): CompiledCondition {
  const [min, max] = condition.repeat ?? [1, 1];
  const exceptOf = (not: TokenCondition['not']): CompiledClass[] => {
    if (!not) return [];
    const { word, lemma, pos, entity, name, class: className } = not;
    const except: CompiledClass[] = [];
    if (word || lemma || pos || entity || name) except.push(compileClass({ words: word ? list(word)! : [], lemma, pos, entity, name }));
    if (className) except.push(compileClass(classes[className]));
    return except;
  };
  const except = exceptOf(condition.not);
  return {
    words: condition.word ? phrasesOf(list(condition.word)!) : null,
    lemmas: condition.lemma ? new Set(list(condition.lemma)!.map(normalise)) : null,
    wordClass: condition.class ? compileClass(classes[condition.class]) : null,
    pos: setOf(condition.pos),
    entity: setOf(condition.entity),
    name: condition.name === true,
    except,
    between: exceptOf(condition.between),
    window: condition.window,
    min: condition.optional ? 0 : min,
    max,
  };
}

/**
 * What a text must show for a condition to hold in it: one of its words or phrases, or a hint of
 * its entity type. Null when anything could hold it (a part of speech, a lemma), or it may be absent.
 */
function gateOf(condition: CompiledCondition): GateSpec | null {
  if (condition.min === 0) return null;
  const wordClass = condition.wordClass;
  // A condition's own words, and its class's when that is all the class is.
  if (condition.words) return { phrases: phraseList(condition.words), types: [] };
  if (condition.entity) return { phrases: [], types: [...condition.entity] };
  const lemmaWords = condition.lemmas && formsOf(condition.lemmas);
  if (lemmaWords) return { phrases: lemmaWords, types: [] };
  if (wordClass && !wordClass.pos && !wordClass.name) {
    const classLemmas = wordClass.lemmas ? formsOf(wordClass.lemmas) : [];
    if (classLemmas) return { phrases: [...phraseList(wordClass.words), ...classLemmas], types: [...(wordClass.entity ?? [])] };
  }
  return null;
}

/** The words of these lemmas, or null when some lemma's words are not known. */
function formsOf(lemmas: Set<string>): string[] | null {
  const words: string[] = [];
  for (const lemma of lemmas) {
    const forms = lemmaForms(lemma);
    if (!forms) return null;
    words.push(...forms);
  }
  return words;
}

export function compileSequence(rule: SequenceRule & Pick<LoadedRule, 'classes'>): CompiledSequence {
  const conditions = rule.tokens.map((c) => compileCondition(c, rule.classes ?? {}));
  const gates = conditions.map(gateOf).filter((gate) => gate !== null);
  const names = conditions.some((c) => c.name || c.wordClass?.name || [...c.except, ...c.between].some((e) => e.name));
  return { conditions, window: rule.window, tenses: setOf(rule.tense), gates, names };
}

/** The token data a match looks at, for one analysed text. */
interface View {
  analysis: Analysis;
  /** The entity type each token is part of, if any. */
  entityOf: Array<EntityType | undefined>;
  /** 1 where a token is part of a pupil's name. */
  names: Uint8Array | null;
}

/** Ends (one past the last token) of the phrases that start at token `at` and stop before `limit`. */
function phraseEnds(phrases: Phrases, view: View, at: number, limit: number, ends: number[]): void {
  const tokens = view.analysis.tokens;
  const candidates = phrases.get(keyOf(tokens[at].normal));
  if (!candidates) return;
  for (const entry of candidates) {
    const capitals = entry.startsWith(CAPITALS);
    const phrase = capitals ? entry.slice(1) : entry;
    // The tokens' normal forms, spaced as the text is, until the phrase is matched or passed.
    let written = tokens[at].normal;
    let k = at;
    while (written.length < phrase.length && phrase.startsWith(written) && k + 1 < limit) {
      k++;
      written += (tokens[k].start > tokens[k - 1].end ? ' ' : '') + tokens[k].normal;
    }
    if (written !== phrase || ends.includes(k + 1)) continue;
    if (capitals) {
      const raw = view.analysis.text.slice(tokens[at].start, tokens[k].end);
      if (raw !== raw.toUpperCase()) continue;
    }
    ends.push(k + 1);
  }
}

function classEnds(wordClass: CompiledClass, view: View, at: number, limit: number): number[] {
  const ends: number[] = [];
  phraseEnds(wordClass.words, view, at, limit, ends);
  const token = view.analysis.tokens[at];
  const single =
    (wordClass.lemmas?.has(token.lemma) ?? false) ||
    (wordClass.pos?.has(token.pos) ?? false) ||
    (wordClass.entity !== null && view.entityOf[at] !== undefined && wordClass.entity.has(view.entityOf[at]!)) ||
    (wordClass.name && view.names?.[at] === 1);
  if (single && !ends.includes(at + 1)) ends.push(at + 1);
  return ends;
}

/** Whether token `k` is one of a class's tokens or inside one of its phrases ("park" of "car park"). */
function isPartOf(wordClass: CompiledClass, view: View, k: number): boolean {
  const tokens = view.analysis.tokens;
  for (let start = Math.max(0, k - LONGEST_EXCEPT + 1); start <= k; start++) {
    if (classEnds(wordClass, view, start, tokens.length).some((end) => end > k)) return true;
  }
  return false;
}
// The longest phrase a `not` looks back for, in words.
const LONGEST_EXCEPT = 4;

/** Where one match of a condition that starts at token `at` may end; none when it does not hold there. */
function conditionEnds(condition: CompiledCondition, view: View, at: number, limit: number): number[] {
  let ends: number[] | null = null;
  const narrow = (found: number[]) => {
    ends = ends === null ? found : ends.filter((e) => found.includes(e));
  };
  if (condition.words) {
    const found: number[] = [];
    phraseEnds(condition.words, view, at, limit, found);
    narrow(found);
  }
  if (condition.lemmas) narrow(condition.lemmas.has(view.analysis.tokens[at].lemma) ? [at + 1] : []);
  if (condition.wordClass) narrow(classEnds(condition.wordClass, view, at, limit));
  const candidates: number[] = ends ?? [at + 1];
  if (!condition.pos && !condition.entity && !condition.name && condition.except.length === 0) return candidates;
  const tokens = view.analysis.tokens;
  return candidates.filter((end) => {
    for (let k = at; k < end; k++) {
      if (condition.pos && !condition.pos.has(tokens[k].pos)) return false;
      if (condition.entity && (view.entityOf[k] === undefined || !condition.entity.has(view.entityOf[k]!))) return false;
      if (condition.name && view.names?.[k] !== 1) return false;
      if (condition.except.some((except) => isPartOf(except, view, k))) return false;
    }
    return true;
  });
}

/**
 * The longest match starting at each token of each sentence, left to right, matches not
 * overlapping, as text spans. Each (condition, repeat count, position) is worked out once a
 * sentence, so a sentence costs its length times the rule's size, whatever the backtracking.
 */
export function sequenceSpans(
  sequence: CompiledSequence,
  analysis: Analysis,
  names: Uint8Array | null = null,
  /** Only the sentences that start in these ranges of the text (sorted, apart), when given. */
  within?: Array<[number, number]>,
): Array<[number, number]> {
  const { conditions, window, tenses } = sequence;
  const { tokens } = analysis;
  const entityOf: Array<EntityType | undefined> = new Array(tokens.length);
  for (const entity of analysis.entities) for (let k = entity.first; k < entity.last; k++) entityOf[k] = entity.type;
  const view: View = { analysis, entityOf, names };
  const spans: Array<[number, number]> = [];
  let range = 0;
  for (const sentence of analysis.sentences) {
    if (within) {
      while (range < within.length && within[range][1] <= sentence.start) range++;
      if (range === within.length) break;
      if (sentence.start < within[range][0]) continue;
    }
    const { first, last } = sentence;
    const width = last - first + 1;
    const memo = new Map<number, number>();
    // The furthest end of conditions c.. from token p, condition c having matched `count` times;
    // `gap`: tokens may be skipped before the next match (something was matched before). -1: none.
    const furthest = (c: number, p: number, count: number, gap: boolean): number => {
      if (c === conditions.length) return p;
      const key = (((c * 10 + count) * 2 + (gap ? 1 : 0)) * width + (p - first)) | 0;
      const known = memo.get(key);
      if (known !== undefined) return known;
      const condition = conditions[c];
      let best = -1;
      if (count === 0) {
        const lastStart = Math.min(last - 1, p + (gap ? (condition.window ?? window) : 0));
        for (let q = p; q <= lastStart; q++) {
          // Token q - 1 is skipped from here on: past one the condition keeps out, nothing can match.
          if (q > p && condition.between.some((between) => isPartOf(between, view, q - 1))) break;
          for (const end of conditionEnds(condition, view, q, last)) best = Math.max(best, furthest(c, end, 1, true));
        }
        if (condition.min === 0) best = Math.max(best, furthest(c + 1, p, 0, gap));
      } else {
        if (count < condition.max && p < last) {
          for (const end of conditionEnds(condition, view, p, last)) best = Math.max(best, furthest(c, end, count + 1, true));
        }
        if (count >= condition.min) best = Math.max(best, furthest(c + 1, p, 0, true));
      }
      memo.set(key, best);
      return best;
    };
    for (let i = first; i < last; ) {
      const end = furthest(0, i, 0, false);
      if (end > i && (tenses === null || fitsTense(analysis, i, end, tenses))) {
        spans.push([tokens[i].start, tokens[end - 1].end]);
        i = end;
      } else i++;
    }
  }
  return spans;
}

/**
 * Whether a match speaks of one of these times: every clause it touches that has a tense has one
 * of them, and when none has, its sentence's tense ("6.45 at the Co-op" in "we met at 6.45 …").
 */
function fitsTense(analysis: Analysis, first: number, end: number, tenses: Set<Tense>): boolean {
  let told = false;
  for (let k = first; k < end; k++) {
    const clause = analysis.clauses[analysis.tokens[k].clause];
    if (!clause || clause.tense === 'none') continue;
    if (!tenses.has(clause.tense)) return false;
    told = true;
  }
  return told || tenses.has(analysis.sentences[analysis.tokens[first].sentence].tense);
}
