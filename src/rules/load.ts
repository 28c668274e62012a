import { existsSync, statSync } from 'node:fs';
import { lineOf, readYamlFile, validateYaml, type YamlFile } from '../text/yaml-file.js';
import { DETECTORS } from '../detectors/index.js';
import { SafepostError } from '../errors.js';
import { filesIn } from '../fs/walk.js';
import { shownPath } from '../text/shown-path.js';
import { tokenizePhrase } from '../text/tokens.js';
import { join, relative, resolve } from 'node:path';
import { BUILT_IN_RULES, loadClauses, PACKAGE_ROOT } from './policy.js';
import { bakedSection } from '../lexicon/baked.js';
import { patternFlags } from './pattern-flags.js';
import { hasNestedRepetition } from './regex-safety.js';
import jaroWinkler from 'natural/lib/natural/distance/jaro-winkler_distance.js';
import { compileLinear, UnsupportedPattern } from './linear-pattern.js';
import { WORD_LISTS } from '../lexicon/word-lists.js';
import { RuleSchema, type Clause, type LoadedRule, type Rule, type WordClass } from './schema.js';
import { CLASSES_FILE, loadClasses, type NamedClass } from './classes.js';

/**
 * Compiles a rule's patterns once here, so that a bad one stops the run naming its line. A rule
 * file of the user's runs on the linear-time engine, so no pattern of theirs can hang a run; the
 * built-in rules run on RegExp, several times faster, and are kept from nested repetition.
 */
function checkPatterns(rule: Rule, file: YamlFile, name: string, builtIn: boolean): void {
  if (rule.kind !== 'pattern') return;
  rule.patterns.forEach((pattern, i) => {
    const where = `${name}:${lineOf(file, ['patterns', i])}`;
    const flags = patternFlags([pattern], rule['case-sensitive']);
    try {
      new RegExp(pattern, flags);
    } catch (error) {
      throw new SafepostError(`${where}: patterns[${i}] is not a valid regular expression: ${(error as Error).message}`);
    }
    if (!builtIn) {
      try {
        compileLinear([pattern], flags);
      } catch (error) {
        if (!(error instanceof UnsupportedPattern)) throw error;
        throw new SafepostError(`${where}: patterns[${i}] cannot be used: ${error.message}`);
      }
      return;
    }
    if (hasNestedRepetition(pattern)) {
      throw new SafepostError(
        `${where}: patterns[${i}] could take exponential time on some text (nested repetition such as (a+)+); rewrite it without a repeated group that itself repeats`,
      );
    }
  });
}

function checkPhrases(rule: Rule, file: YamlFile, name: string): void {
  const lists: Array<[string[], Array<string | number>]> = [];
  if (rule.kind === 'phrase') lists.push([rule.phrases, ['phrases']]);
  if (rule.unless) lists.push([rule.unless.phrases, ['unless', 'phrases']]);
  if (rule.near) lists.push([rule.near.words, ['near', 'words']]);
  if (rule.kind === 'pattern' && rule.requires) lists.push([rule.requires, ['requires']]);
  for (const [list, path] of lists) {
    list.forEach((phrase, i) => {
      if (tokenizePhrase(phrase).length === 0) {
        throw new SafepostError(
          `${name}:${lineOf(file, [...path, i])}: ${path.join('.')}[${i}] "${phrase}" has no words to match; use a pattern rule for punctuation`,
        );
      }
    });
  }
}

/** "did you mean …?" for the classes whose names are closest to a misspelt one, or nothing. */
function nearestClasses(className: string, classes: Map<string, NamedClass>): string {
  const close = [...classes.keys()]
    .map((known) => ({ known, score: jaroWinkler(className, known) }))
    .filter(({ score }) => score >= 0.85)
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map(({ known }) => `"${known}"`);
  return close.length ? `did you mean ${close.join(' or ')}? Or ` : '';
}

/** The classes a sequence rule names, each checked to exist. */
function classesOf(rule: Rule, file: YamlFile, name: string, classes: Map<string, NamedClass>): Record<string, WordClass> | undefined {
  if (rule.kind !== 'sequence') return undefined;
  const used: Record<string, WordClass> = {};
  const use = (className: string | undefined, path: Array<string | number>) => {
    if (className === undefined) return;
    const found = classes.get(className);
    if (!found) {
      const field = `${path[0]}[${path[1]}].${path.slice(2).join('.')}`;
      throw new SafepostError(
        `${name}:${lineOf(file, path)}: ${field} "${className}" is not defined; ${nearestClasses(className, classes)}define it in a ${CLASSES_FILE} of a rule folder (safepost's own classes are in its rules/${CLASSES_FILE})`,
      );
    }
    const { file: _file, ...wordClass } = found;
    used[className] = wordClass;
  };
  rule.tokens.forEach((condition, i) => {
    use(condition.class, ['tokens', i, 'class']);
    use(condition.not?.class, ['tokens', i, 'not', 'class']);
  });
  return used;
}

/** Loads one rule file: a YAML mapping that is one rule; `builtIn` for the package's own. */
export function loadRuleFile(path: string, builtIn = false, classes: Map<string, NamedClass> = loadClasses([BUILT_IN_RULES])): LoadedRule {
  const name = shownPath(path);
  const file = readYamlFile(path, name);
  const rule = validateYaml(file, RuleSchema, name);
  const clauses = loadClauses();
  for (const [channel, id] of Object.entries(clauseIds(rule))) {
    if (!clauses.has(id!)) {
      const at = typeof rule.clause === 'string' ? ['clause'] : ['clause', channel];
      throw new SafepostError(
        `${name}:${lineOf(file, at)}: clause "${id}" is not in the policy; run "safepost explain" with a clause id such as 6(e) to see the ids`,
      );
    }
  }
  if (rule.kind === 'detector' && !DETECTORS.has(rule.detector)) {
    throw new SafepostError(
      `${name}:${lineOf(file, ['detector'])}: detector "${rule.detector}" does not exist; built-in detectors: ${[...DETECTORS.keys()].join(', ')}`,
    );
  }
  if (rule.kind === 'phrase') {
    (rule.lists ?? []).forEach((list, i) => {
      if (!WORD_LISTS.has(list)) {
        throw new SafepostError(`${name}:${lineOf(file, ['lists', i])}: no word list "${list}"; lists: ${[...WORD_LISTS].join(', ')}`);
      }
    });
  }
  if (rule.near && rule.near.words.length === 0 && !rule.near.names) {
    throw new SafepostError(`${name}:${lineOf(file, ['near'])}: near needs words, or names: true`);
  }
  checkPatterns(rule, file, name, builtIn);
  checkPhrases(rule, file, name);
  const used = classesOf(rule, file, name, classes);
  return { ...rule, file: name, ...resolveClauses(rule, clauses), builtIn, ...(used ? { classes: used } : {}) };
}

/** A rule's clause ids: `default`, and any a channel cites instead. */
const clauseIds = (rule: Pick<Rule, 'clause'>) => (typeof rule.clause === 'string' ? { default: rule.clause } : rule.clause);

/** A rule's clause, and those its channels cite instead, from the policy's clauses (every id checked to be there). */
function resolveClauses(rule: Pick<Rule, 'clause'>, clauses: Map<string, Clause>): Pick<LoadedRule, 'clauseData' | 'channelClauses'> {
  const { default: id, ...byChannel } = clauseIds(rule);
  const own = Object.entries(byChannel).map(([channel, c]) => [channel, clauses.get(c!)!]);
  return { clauseData: clauses.get(id)!, ...(own.length ? { channelClauses: Object.fromEntries(own) } : {}) };
}

/** Every rule file under a folder (a folder's classes.yaml, and the built-in folder's policy and lexicon data, are not rules). */
export function ruleFilesIn(folder: string): string[] {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new SafepostError(`${shownPath(folder)}: rule folder not found; check the rule-folders setting`);
  }
  const data = folder === BUILT_IN_RULES ? /^(?:policy|lexicon)\/|^classes\.yaml$/ : /^classes\.yaml$/;
  // A team's rule folder may link shared rules in from elsewhere: rules are the user's own config.
  return filesIn(folder, (name) => /\.ya?ml$/i.test(name), { followLinksOut: true })
    .filter((file) => !data.test(file))
    .map((file) => join(folder, file));
}

/** A built-in rule as `npm run build` bakes it: its file relative to the package, its clause by id. */
export type BakedRule = Omit<LoadedRule, 'clauseData' | 'channelClauses'>;

/** The built-in rules as baked: read and checked once at build time rather than every run. */
export function bakeRules(rules: LoadedRule[]): BakedRule[] {
  return rules.map(({ clauseData: _clause, channelClauses: _channels, ...rule }) => ({ ...rule, file: relative(PACKAGE_ROOT, resolve(rule.file)).split('\\').join('/') }));
}

/** The built-in rules and those of any extra folders, each id once. */
export function loadRules(extraFolders: string[] = []): LoadedRule[] {
  const rules: LoadedRule[] = [];
  const seen = new Map<string, string>();
  const baked = bakedSection<BakedRule[]>('rules');
  const clauses = loadClauses();
  const builtIn: LoadedRule[] | null = baked
    ? baked.map((rule) => ({ ...rule, file: shownPath(join(PACKAGE_ROOT, rule.file)), ...resolveClauses(rule, clauses), builtIn: true }) as LoadedRule)
    : null;
  const folders = [BUILT_IN_RULES, ...extraFolders];
  let classes: Map<string, NamedClass> | undefined;
  for (const folder of folders) {
    const own = folder === BUILT_IN_RULES;
    const files = own && builtIn ? null : ruleFilesIn(folder);
    classes ??= files ? loadClasses(folders) : undefined;
    const loaded = files ? files.map((file) => loadRuleFile(file, own, classes)) : builtIn!;
    for (const rule of loaded) {
      const previous = seen.get(rule.id);
      if (previous) throw new SafepostError(`${rule.file}: rule id "${rule.id}" is already used by ${previous}; give it another id`);
      seen.set(rule.id, rule.file);
      rules.push(rule);
    }
  }
  return rules;
}
