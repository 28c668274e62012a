import { DETECTORS, NAMES_DETECTOR, type ContextName, type Detector } from '../detectors/index.js';
import { patternFlags } from '../rules/pattern-flags.js';
import { compileLinear, type LinearPattern } from '../rules/linear-pattern.js';
import { loadWordList } from '../lexicon/word-lists.js';
import type { LoadedRule } from '../rules/schema.js';
import { stemWord, tokenizePhrase } from '../text/tokens.js';
import { Gates } from './gates.js';
import { compileSequence, type CompiledSequence } from './sequence.js';

export const Role = { Match: 0, Unless: 1, Near: 2, Requires: 3 } as const;
export type Role = (typeof Role)[keyof typeof Role];

export interface TrieNode {
  next: Map<string, TrieNode>;
  /** `capitals`: the phrase is an acronym ("SEN", "ADHD") and matches only in capitals ("send" is a verb). */
  ends: Array<{ rule: number; role: Role; capitals?: boolean }>;
}

export interface CompiledRule {
  rule: LoadedRule;
  index: number;
  /** A built-in pattern rule's patterns. */
  regex?: RegExp;
  /** A pattern rule's from a user's rule file: matched in linear time. */
  linear?: LinearPattern;
  detector?: Detector;
  /** Rules that call one detector with the same options (this, as JSON) share its result for a draft. */
  detectorKey?: string;
  /** The `where` of a detector rule, each value as a set. */
  where?: Array<[field: string, values: Set<string>]>;
  /** The detector of pupils' names, when the rule counts them as near words (`near: { names: true }`) or looks for them (`name: true`). */
  namesDetector?: Detector;
  /** A sequence rule's token conditions, run on the linguistic layer's analysis. */
  sequence?: CompiledSequence;
  /** Its place among the run's sequence rules, in `CompiledRuleSet.gates`. */
  sequenceIndex?: number;
}

/** Every rule of a run compiled once: all phrase lists in two tries walked in one pass. */
export interface CompiledRuleSet {
  rules: CompiledRule[];
  exact: TrieNode;
  stemmed: TrieNode;
  hasStemmed: boolean;
  /** What the rules' detectors need besides the text, for the checker to provide. */
  needs: Set<ContextName>;
  /** The cheap looks of the sequence rules, which spare the analysis of a text none could match. */
  gates: Gates;
}

const newNode = (): TrieNode => ({ next: new Map(), ends: [] });

function insert(root: TrieNode, words: string[], rule: number, role: Role, capitals = false): void {
  let node = root;
  for (const w of words) {
    let child = node.next.get(w);
    if (!child) {
      child = newNode();
      node.next.set(w, child);
    }
    node = child;
  }
  if (!node.ends.some((e) => e.rule === rule && e.role === role)) node.ends.push(capitals ? { rule, role, capitals } : { rule, role });
}

export function compileRules(rules: LoadedRule[]): CompiledRuleSet {
  const exact = newNode();
  const stemmed = newNode();
  let hasStemmed = false;
  const needs = new Set<ContextName>();
  const compiled = rules.map((rule, index): CompiledRule => {
    const add = (phrases: string[] | undefined, role: Role) => {
      for (const phrase of phrases ?? []) {
        const words = tokenizePhrase(phrase);
        const capitals = /^[A-Z]{2,}$/.test(phrase.trim());
        // Acronyms are not stemmed: "SEN" must not stand for "send".
        const stem = rule.stem && !capitals;
        insert(stem ? stemmed : exact, stem ? words.map(stemWord) : words, index, role, capitals);
        if (stem) hasStemmed = true;
      }
    };
    if (rule.kind === 'phrase') {
      add(rule.phrases, Role.Match);
      for (const list of rule.lists ?? []) add(loadWordList(list), Role.Match);
    }
    add(rule.unless?.phrases, Role.Unless);
    add(rule.near?.words, Role.Near);
    if (rule.kind === 'pattern') add(rule.requires, Role.Requires);
    const out: CompiledRule = { rule, index };
    if (rule.kind === 'pattern') {
      // One alternation a rule: the text is scanned once for the rule, not once a pattern.
      const flags = patternFlags(rule.patterns, rule['case-sensitive']);
      if (rule.builtIn) out.regex = new RegExp(rule.patterns.map((p) => `(?:${p})`).join('|'), `g${flags}`);
      else out.linear = compileLinear(rule.patterns, flags);
    } else if (rule.kind === 'sequence') {
      out.sequence = compileSequence(rule);
      needs.add('language');
    } else if (rule.kind === 'detector') {
      out.detector = DETECTORS.get(rule.detector);
      for (const need of out.detector?.needs ?? []) needs.add(need);
      out.detectorKey = JSON.stringify(rule.options);
      if (rule.where) {
        out.where = Object.entries(rule.where).map(([field, v]) => [field, new Set(Array.isArray(v) ? v : [v])]);
      }
    }
    if (rule.unless?.official) needs.add('official');
    if (rule.near?.names || rule.unless?.names || out.sequence?.names) {
      out.namesDetector = NAMES_DETECTOR;
      for (const need of NAMES_DETECTOR.needs) needs.add(need);
    }
    return out;
  });
  const sequences = compiled.filter((c) => c.sequence);
  sequences.forEach((c, i) => (c.sequenceIndex = i));
  return { rules: compiled, exact, stemmed, hasStemmed, needs, gates: new Gates(sequences.map((c) => c.sequence!.gates)) };
}
