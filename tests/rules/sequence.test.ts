import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createChecker } from '../../src/api/checker.js';
import { compileRules } from '../../src/engine/compile.js';
import { needsLanguage } from '../../src/engine/match.js';
import { sequenceSpans, compileSequence } from '../../src/engine/sequence.js';
import { SafepostError } from '../../src/errors.js';
import { loadLanguage, type Language } from '../../src/language/index.js';
import { loadRuleFile, loadRules } from '../../src/rules/load.js';
import { tempFolder } from '../helpers/temp.js';

const head = `id: trip-now
category: location
severity: warning
clause: 1.8(b)
message: Says where the group is
suggestion: Post it after the trip
kind: sequence
`;
const atPlace = `${head}tokens:
  - class: group
  - lemma: be
  - word: at
  - pos: PROPN
    repeat: [1, 4]
`;

let language: Language;
beforeAll(async () => {
  language = await loadLanguage();
});

function ruleFrom(yaml: string, files: Record<string, string> = {}) {
  const dir = tempFolder({ 'rules/rule.yaml': yaml, ...files });
  return loadRules([join(dir, 'rules')]).find((r) => r.id === 'trip-now')!;
}

/** The texts a sequence rule matches in `text`. */
function matched(yaml: string, text: string, files: Record<string, string> = {}): string[] {
  const rule = ruleFrom(yaml, files);
  if (rule.kind !== 'sequence') throw new Error('not a sequence rule');
  return sequenceSpans(compileSequence(rule), language.analyse(text)).map(([s, e]) => text.slice(s, e));
}

function loadError(yaml: string, files: Record<string, string> = {}): string {
  const dir = tempFolder({ 'rules/rule.yaml': yaml, ...files });
  try {
    loadRules([join(dir, 'rules')]);
  } catch (error) {
    expect(error).toBeInstanceOf(SafepostError);
    return (error as Error).message.replace(dir, '<dir>');
  }
  throw new Error('expected the rule to be refused');
}

describe('sequence rules', () => {
  it('match a class, a lemma, a word and repeated proper nouns, spanning exactly the tokens matched', () => {
    expect(matched(atPlace, 'we are at Rowlee Farm now')).toEqual(['we are at Rowlee Farm']);
    expect(matched(atPlace, "Update: we're at Rowlee Farm Campsite Edale. Lovely!")).toEqual(["we're at Rowlee Farm Campsite Edale"]);
    // Class phrases of several words.
    expect(matched(atPlace, 'The children are at Chatsworth House')).toEqual(['The children are at Chatsworth House']);
  });

  it('stop at the end of a sentence and at a word that breaks the order', () => {
    expect(matched(atPlace, 'We are. At Rowlee Farm now')).toEqual([]);
    expect(matched(atPlace, 'we are not at Rowlee Farm')).toEqual([]);
    expect(matched(atPlace, 'we are at the farm')).toEqual([]);
    expect(matched(atPlace, 'you are at Rowlee Farm')).toEqual([]);
  });

  it('stop a repeat at its most', () => {
    expect(matched(atPlace.replace('[1, 4]', '[1, 2]'), 'we are at Rowlee Farm Campsite Edale')).toEqual(['we are at Rowlee Farm']);
  });

  it('let optional tokens be absent and skip up to `window` tokens between conditions', () => {
    const optional = `${head}tokens:\n  - class: group\n  - word: [currently, now]\n    optional: true\n  - lemma: be\n  - word: at\n  - class: place-noun\n`;
    expect(matched(optional, 'we are at the campsite')).toEqual([]);
    expect(matched(optional, 'we are at campsite 4')).toEqual(['we are at campsite']);
    expect(matched(optional, 'we currently are at services')).toEqual(['we currently are at services']);
    const windowed = `${optional}window: 2\n`;
    expect(matched(windowed, 'we are at the campsite')).toEqual(['we are at the campsite']);
    expect(matched(windowed, 'we are all now sat at the big old campsite')).toEqual([]);
    expect(matched(windowed, 'we are all sat at the car park')).toEqual(['we are all sat at the car park']);
  });

  it('match entity types, and keep only the tenses a rule gives', () => {
    const rule = `${head}tokens:\n  - class: group\n  - lemma: [be, visit, go]\n  - word: [at, to]\n    optional: true\n  - entity: PLACE\n    repeat: [1, 4]\n`;
    expect(matched(rule, 'we visited Rowlee Farm last week')).toEqual(['we visited Rowlee Farm']);
    const present = `${rule}tense: [present, future]\n`;
    expect(matched(present, 'we visited Rowlee Farm last week')).toEqual([]);
    expect(matched(present, 'we are at Rowlee Farm now')).toEqual(['we are at Rowlee Farm']);
  });

  it('work each position of a sentence once, whatever the repeats and the window', () => {
    // Tried path by path, these conditions on a long sentence of names would take years.
    const rule = `${head}tokens:\n${'  - pos: PROPN\n    repeat: [0, 8]\n'.repeat(4)}  - word: zebra\nwindow: 8\n`;
    const text = `${'Alpha Beta Gamma Delta '.repeat(500)}end.`;
    const start = performance.now();
    expect(matched(rule, text)).toEqual([]);
    expect(performance.now() - start).toBeLessThan(20_000);
  }, 60_000);

  it('need the layer only for a paragraph holding what each condition they cannot do without looks for', () => {
    const rule = `${head}tokens:\n  - class: now\n    optional: true\n  - pos: PRON\n  - word: [sat, stood]\n  - class: place-noun\n`;
    const set = compileRules([ruleFrom(rule)]);
    expect(needsLanguage(set, 'Lovely weather for the sports day.')).toBe(false);
    expect(needsLanguage(set, 'We’re SAT at the services')).toBe(true);
    // Every required condition must find its words: "sat" without a place noun is not enough,
    expect(needsLanguage(set, 'We sat on the wall.')).toBe(false);
    // and they must be in one paragraph, as a match is within one sentence.
    expect(needsLanguage(set, 'We sat down.\n\nThe services were busy.')).toBe(false);
    expect(needsLanguage(set, 'We sat down\nat the services.')).toBe(true);
    // A rule whose every condition could match any word is always looked at.
    const anyWords = compileRules([ruleFrom(`${head}tokens:\n  - pos: PRON\n  - lemma: be\n`)]);
    expect(needsLanguage(anyWords, 'Lovely weather.')).toBe(true);
    // A time is looked for by its look: a clock time, a time of day.
    const timed = compileRules([ruleFrom(`${head}tokens:\n  - word: at\n  - entity: TIME\n`)]);
    expect(needsLanguage(timed, 'Tickets at the office, £2 each.')).toBe(false);
    expect(needsLanguage(timed, 'Meet at 6.45 by the gate.')).toBe(true);
    expect(needsLanguage(timed, 'See you at half four!')).toBe(true);
  });

  it('need the layer for a lemma only where one of its forms is written, irregular ones too', () => {
    const rule = `${head}tokens:\n  - lemma: [arrive, flee]\n  - word: from\n  - pos: PROPN\n`;
    const set = compileRules([ruleFrom(rule)]);
    expect(needsLanguage(set, 'A message from the PTA about the fair.')).toBe(false);
    expect(needsLanguage(set, 'They fled from Sudan.')).toBe(true);
    expect(needsLanguage(set, 'Arriving from Poland in May')).toBe(true);
    expect(needsLanguage(set, 'The family arrives from Leeds.')).toBe(true);
  });

  it('match only in the sentences asked for, when asked', () => {
    const rule = ruleFrom(atPlace);
    if (rule.kind !== 'sequence') throw new Error('not a sequence rule');
    const text = 'We are at Rowlee Farm.\n\nThe children are at Rowlee Farm.';
    const second = text.indexOf('The children');
    const spans = (within?: Array<[number, number]>) => sequenceSpans(compileSequence(rule), language.analyse(text), null, within).map(([s, e]) => text.slice(s, e));
    expect(spans()).toEqual(['We are at Rowlee Farm', 'The children are at Rowlee Farm']);
    expect(spans([[second, text.length]])).toEqual(['The children are at Rowlee Farm']);
    expect(spans([[0, second - 2]])).toEqual(['We are at Rowlee Farm']);
  });

  it('keep out tokens a `not` names', () => {
    const rule = `${head}tokens:\n  - word: at\n  - pos: [PROPN, NOUN]\n    not: { word: [christmas, easter], class: now }\n    repeat: [1, 3]\n`;
    expect(matched(rule, 'We sang at Christmas and at Whitby Abbey.')).toEqual(['at Whitby Abbey']);
    expect(matched(rule, 'Lunch at noon tonight.')).toEqual(['at noon']);
  });

  it('take a class that includes others, and refuse an include that is not defined or goes round', () => {
    const rule = `${head}tokens:\n  - class: treat\n  - word: time\n`;
    const classes = { 'rules/classes.yaml': 'drink:\n  words: [tea]\ntreat:\n  words: [cake]\n  include: [drink]\n' };
    expect(matched(rule, 'Cake time, then tea time.', classes)).toEqual(['Cake time', 'tea time']);
    expect(loadError(rule, { 'rules/classes.yaml': 'treat:\n  words: [cake]\n  include: [drinks]\n' })).toMatch(
      /^<dir>\/rules\/classes\.yaml:3: class "treat" includes "drinks", which is not defined \(classes: now, /,
    );
    expect(loadError(rule, { 'rules/classes.yaml': 'treat:\n  include: [snack]\nsnack:\n  include: [treat]\n' })).toMatch(
      /^<dir>\/rules\/classes\.yaml:2: class "treat" includes itself \(treat > snack > treat\); remove one of the includes$/,
    );
  });

  it("let a condition say how far it may be from the one before, whatever the rule's window", () => {
    const rule = `${head}tokens:\n  - word: we\n  - word: at\n    window: 0\n  - pos: PROPN\nwindow: 3\n`;
    expect(matched(rule, 'we at the Rowlee Farm')).toEqual(['we at the Rowlee Farm']);
    expect(matched(rule, 'we are at Rowlee Farm')).toEqual([]);
  });

  it('use the classes of a classes.yaml in the rule folder', () => {
    const rule = `${head}tokens:\n  - class: snack\n  - word: time\n`;
    const classes = { 'rules/classes.yaml': 'snack:\n  words: [tea, hot chocolate]\n' };
    expect(matched(rule, 'Hot chocolate time at the hut!', classes)).toEqual(['Hot chocolate time']);
  });

  it('are checked at load: an unknown class, part of speech or entity type, no tokens, a bad repeat', () => {
    // A misspelt class is told the nearest names; a name like no other, where classes are defined.
    expect(loadError(`${head}tokens:\n  - lemma: be\n  - class: plaice\n`)).toBe(
      '<dir>/rules/rule.yaml:10: tokens[1].class "plaice" is not defined; did you mean "place"? Or define it in a classes.yaml of a rule folder (safepost\'s own classes are in its rules/classes.yaml)',
    );
    expect(loadError(`${head}tokens:\n  - lemma: be\n  - class: zzz\n`)).toBe(
      '<dir>/rules/rule.yaml:10: tokens[1].class "zzz" is not defined; define it in a classes.yaml of a rule folder (safepost\'s own classes are in its rules/classes.yaml)',
    );
    expect(loadError(`${head}tokens:\n  - pos: NOUNS\n`)).toMatch(/^<dir>\/rules\/rule\.yaml:9: tokens\.0\.pos: a part of speech \(ADJ, ADP,.*\), or a list of them$/);
    expect(loadError(`${head}tokens:\n  - entity: [TIME, PLAICE]\n`)).toMatch(/^<dir>\/rules\/rule\.yaml:9: tokens\.0\.entity: an entity type \(PERSON, PLACE,/);
    expect(loadError(`${head}tokens: []\n`)).toBe('<dir>/rules/rule.yaml:8: tokens: needs at least one token condition');
    expect(loadError(`${head}tokens:\n  - pos: PROPN\n    repeat: [1, 20]\n`)).toMatch(/^<dir>\/rules\/rule\.yaml:10: tokens\.0\.repeat\.1: at most 8/);
    expect(loadError(`${head}tokens:\n  - pos: PROPN\n    repeat: [3, 2]\n`)).toMatch(/^<dir>\/rules\/rule\.yaml:10: tokens\.0\.repeat: the least/);
    expect(loadError(`${head}tokens:\n  - optional: true\n`)).toMatch(/^<dir>\/rules\/rule\.yaml:9: tokens\.0: give at least one of word, lemma, pos, entity, class or name/);
  });

  it('are checked with their classes file: a bad class and a class defined twice', () => {
    expect(loadError(atPlace, { 'rules/classes.yaml': 'snack:\n  pos: FOOD\n' })).toMatch(/^<dir>\/rules\/classes\.yaml:2: snack\.pos: a part of speech \(/);
    expect(loadError(atPlace, { 'rules/classes.yaml': 'now:\n  words: [rn]\n' })).toMatch(
      /^<dir>\/rules\/classes\.yaml:2: class "now" is already defined in .*rules\/classes\.yaml; give it another name$/,
    );
  });

  it('do not take classes.yaml for a rule file', () => {
    const rule = loadRuleFile(join(tempFolder({ 'r.yaml': atPlace }), 'r.yaml'));
    expect(rule.classes?.group.words).toContain('the children');
  });

  it('run in a checker once it is ready, with the finding at the exact line and column', async () => {
    // Another category than the built-in whereabouts rules', whose finding on these words would be the one shown.
    const dir = tempFolder({ 'rules/rule.yaml': atPlace.replace('category: location', 'category: conduct') });
    const checker = createChecker({ cwd: dir, config: false, ruleFolders: [join(dir, 'rules')], showMatches: true });
    expect(() => checker.checkText('x')).toThrow(/await checker\.ready\(\)/);
    await checker.ready();
    const findings = checker.checkText('# Day 2\n\nSunny! So we are at Rowlee Farm now.\n', 'post.md').findings.filter((f) => f.ruleId === 'trip-now');
    expect(findings).toMatchObject([{ line: 3, column: 11, endLine: 3, endColumn: 32, match: 'we are at Rowlee Farm' }]);
  });
});

describe('a name condition', () => {
  const rule = `${head.replace('category: location', 'category: conduct')}tokens:
  - name: true
    repeat: [1, 3]
  - lemma: be
  - word: [late, early]
`;
  const classRule = `${head.replace('category: location', 'category: conduct')}tokens:
  - class: pupil-or-pronoun
  - lemma: be
  - word: [late, early]
`;
  const classes = `pupil-or-pronoun:\n  name: true\n  words: [he, she]\n`;

  async function found(yaml: string, text: string, roster?: string, files: Record<string, string> = {}): Promise<string[]> {
    const dir = tempFolder({ 'rules/rule.yaml': yaml, ...files });
    const checker = createChecker({ cwd: dir, config: false, ruleFolders: [join(dir, 'rules')], showMatches: true, ...(roster ? { roster } : {}) });
    await checker.ready();
    return checker
      .checkText(text, 'post.md')
      .findings.filter((f) => f.ruleId === 'trip-now')
      .map((f) => f.match!);
  }

  it("holds on the tokens of a pupil's name as the name rules find it, and on no other capitalised word", async () => {
    const roster = join(process.cwd(), 'fixtures/pupils.csv');
    const text = 'Well done everyone.\n\nLily Brooks was late again. Mrs Brooks was late too. Tuesday was late.\n';
    expect(await found(rule, text, roster)).toEqual(['Lily Brooks was late']);
  });

  it('belongs to a class that names it, beside its words', async () => {
    const roster = join(process.cwd(), 'fixtures/pupils.csv');
    const text = 'Oscar Hale is early. She is late. Monday is late.\n';
    expect(await found(classRule, text, roster, { 'rules/classes.yaml': classes })).toEqual(['Hale is early', 'She is late']);
  });
});
