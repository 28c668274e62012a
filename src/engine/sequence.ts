import type { Analysis, EntityType, PartOfSpeech, Tense } from '../language/index.js';
import type { LoadedRule, SequenceRule, TokenCondition, WordClass } from '../rules/schema.js';

/** Words and phrases by their first word, each as its words in normal form. */
type Phrases = Map<string, string[][]>;

interface CompiledCondition {
  /** Each of these given must hold on the same tokens: the words, the lemmas, the class. */
  words: Phrases | null;
  lemmas: Set<string> | null;
  wordClass: CompiledClass | null;
  /** Every token matched must have one of these. */
  pos: Set<PartOfSpeech> | null;
  entity: Set<EntityType> | null;
  min: number;
  max: number;
}

interface CompiledClass {
  words: Phrases;
  lemmas: Set<string> | null;
  pos: Set<PartOfSpeech> | null;
  entity: Set<EntityType> | null;
}

export interface CompiledSequence {
  conditions: CompiledCondition[];
  window: number;
  tenses: Set<Tense> | null;
  /**
   * Words one of which a text must hold (in lower case) for the rule to match: the words of one
   * condition the rule cannot do without. Null when every condition could match other words.
   */
  triggers: string[] | null;
}

const list = <T>(value: T | T[] | undefined): T[] | null => (value === undefined ? null : Array.isArray(value) ? value : [value]);
const setOf = <T>(value: T | T[] | undefined): Set<T> | null => {
  const items = list(value);
  return items ? new Set(items) : null;
};
// As the layer's normal form: lower case, one kind of apostrophe.
const normalise = (word: string) => word.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");

function phrasesOf(entries: string[]): Phrases {
  const phrases: Phrases = new Map();
  for (const entry of entries) {
    const words = normalise(entry).trim().split(/\s+/);
    let same = phrases.get(words[0]);
    if (!same) phrases.set(words[0], (same = []));
    same.push(words);
  }
  return phrases;
}

function compileClass(wordClass: WordClass): CompiledClass {
  return {
    words: phrasesOf(wordClass.words ?? []),
    lemmas: wordClass.lemma ? new Set(list(wordClass.lemma)!.map(normalise)) : null,
    pos: setOf(wordClass.pos),
    entity: setOf(wordClass.entity),
  };
}

function compileCondition(condition: TokenCondition, classes: Record<string, WordClass>): CompiledCondition {
  const [min, max] = condition.repeat ?? [1, 1];
  return {
    words: condition.word ? phrasesOf(list(condition.word)!) : null,
    lemmas: condition.lemma ? new Set(list(condition.lemma)!.map(normalise)) : null,
    wordClass: condition.class ? compileClass(classes[condition.class]) : null,
    pos: setOf(condition.pos),
    entity: setOf(condition.entity),
    min: condition.optional ? 0 : min,
    max,
  };
}

/** The first words of the phrases a required condition must match, if it is made of words only. */
function wordsNeeded(condition: CompiledCondition): string[] | null {
  if (condition.min === 0) return null;
  const wordClass = condition.wordClass;
  const phrases = condition.words ?? (wordClass && !wordClass.lemmas && !wordClass.pos && !wordClass.entity ? wordClass.words : null);
  if (!phrases) return null;
  const firsts = [...phrases.keys()];
  // "'m" stands for the m of "Im": a word the layer splits off is not in the text as written.
  return firsts.some((w) => w.startsWith("'")) ? null : firsts;
}

export function compileSequence(rule: SequenceRule & Pick<LoadedRule, 'classes'>): CompiledSequence {
  const conditions = rule.tokens.map((c) => compileCondition(c, rule.classes ?? {}));
  let triggers: string[] | null = null;
  for (const condition of conditions) {
    const words = wordsNeeded(condition);
    if (words && (!triggers || words.length < triggers.length)) triggers = words;
  }
  return { conditions, window: rule.window, tenses: setOf(rule.tense), triggers };
}

/** Whether a sequence could match a text, by a look for its trigger words: no analysis needed to say no. */
export function mayMatch(sequence: CompiledSequence, lowerText: string): boolean {
  return sequence.triggers === null || sequence.triggers.some((word) => lowerText.includes(word));
}

/** The text as trigger words are looked for in it: lower case, one kind of apostrophe. */
export const triggerText = normalise;

/** The token data a match looks at, for one analysed text. */
interface View {
  analysis: Analysis;
  /** The entity type each token is part of, if any. */
  entityOf: Array<EntityType | undefined>;
}

/** Ends (one past the last token) of the phrases that start at token `at` and stop before `limit`. */
function phraseEnds(phrases: Phrases, view: View, at: number, limit: number, ends: number[]): void {
  const tokens = view.analysis.tokens;
  for (const words of phrases.get(tokens[at].normal) ?? []) {
    if (at + words.length > limit) continue;
    let all = true;
    for (let k = 1; k < words.length && all; k++) all = tokens[at + k].normal === words[k];
    if (all && !ends.includes(at + words.length)) ends.push(at + words.length);
  }
}

function classEnds(wordClass: CompiledClass, view: View, at: number, limit: number): number[] {
  const ends: number[] = [];
  phraseEnds(wordClass.words, view, at, limit, ends);
  const token = view.analysis.tokens[at];
  const single =
    (wordClass.lemmas?.has(token.lemma) ?? false) ||
    (wordClass.pos?.has(token.pos) ?? false) ||
    (wordClass.entity !== null && view.entityOf[at] !== undefined && wordClass.entity.has(view.entityOf[at]!));
  if (single && !ends.includes(at + 1)) ends.push(at + 1);
  return ends;
}

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
  if (!condition.pos && !condition.entity) return candidates;
  const tokens = view.analysis.tokens;
  return candidates.filter((end) => {
    for (let k = at; k < end; k++) {
      if (condition.pos && !condition.pos.has(tokens[k].pos)) return false;
      if (condition.entity && (view.entityOf[k] === undefined || !condition.entity.has(view.entityOf[k]!))) return false;
    }
    return true;
  });
}

/**
 * The longest match starting at each token of each sentence, left to right, matches not
 * overlapping, as text spans. Each (condition, repeat count, position) is worked out once a
 * sentence, so a sentence costs its length times the rule's size, whatever the backtracking.
 */
export function sequenceSpans(sequence: CompiledSequence, analysis: Analysis): Array<[number, number]> {
  const { conditions, window, tenses } = sequence;
  const { tokens } = analysis;
  const entityOf: Array<EntityType | undefined> = new Array(tokens.length);
  for (const entity of analysis.entities) for (let k = entity.first; k < entity.last; k++) entityOf[k] = entity.type;
  const view: View = { analysis, entityOf };
  const spans: Array<[number, number]> = [];
  for (const sentence of analysis.sentences) {
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
        const lastStart = Math.min(last - 1, p + (gap ? window : 0));
        for (let q = p; q <= lastStart; q++) {
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
      if (end > i && (tenses === null || touchesTense(analysis, i, end, tenses))) {
        spans.push([tokens[i].start, tokens[end - 1].end]);
        i = end;
      } else i++;
    }
  }
  return spans;
}

function touchesTense(analysis: Analysis, first: number, end: number, tenses: Set<Tense>): boolean {
  for (let k = first; k < end; k++) {
    const clause = analysis.clauses[analysis.tokens[k].clause];
    if (clause && tenses.has(clause.tense)) return true;
  }
  return false;
}
