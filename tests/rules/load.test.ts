import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SafepostError } from '../../src/errors.js';
import { loadRuleFile, loadRules } from '../../src/rules/load.js';
import { hasNestedRepetition } from '../../src/rules/regex-safety.js';
import { tempFolder } from '../helpers/temp.js';

const good = `id: my-rule
category: conduct
severity: warning
clause: 6(c)
message: Rude word
suggestion: Say it kindly
kind: phrase
phrases: [rubbish]
`;

function loadError(content: string): string {
  const dir = tempFolder({ 'rule.yaml': content });
  try {
    loadRuleFile(join(dir, 'rule.yaml'));
  } catch (error) {
    expect(error).toBeInstanceOf(SafepostError);
    return (error as Error).message.replace(dir, '<dir>');
  }
  throw new Error('expected the rule to be refused');
}

describe('loading rule files', () => {
  it('loads a valid rule with its clause', () => {
    const dir = tempFolder({ 'rule.yaml': good });
    const rule = loadRuleFile(join(dir, 'rule.yaml'));
    expect(rule).toMatchObject({ id: 'my-rule', kind: 'phrase', channels: ['official', 'staff-personal', 'parent', 'pupil'] });
    expect(rule.clauseData.id).toBe('6(c)');
  });

  it('names the file, the line and the field of a bad value', () => {
    expect(loadError(good.replace('severity: warning', 'severity: fatal'))).toMatch(/rule\.yaml:3: severity: /);
    expect(loadError(good.replace('category: conduct', 'category: rudeness'))).toMatch(/rule\.yaml:2: category: /);
  });

  it('names an unknown key and its line', () => {
    expect(loadError(`${good}colour: red\n`)).toMatch(/rule\.yaml:9: unknown key "colour"/);
  });

  it('refuses a clause the policy does not have', () => {
    expect(loadError(good.replace('clause: 6(c)', 'clause: 6(z)'))).toMatch(/rule\.yaml:4: clause "6\(z\)" is not in the policy/);
  });

  it('refuses an unknown kind and an unknown detector', () => {
    expect(loadError(good.replace('kind: phrase', 'kind: magic'))).toMatch(/rule\.yaml:7: kind: /);
    expect(loadError(good.replace('kind: phrase\nphrases: [rubbish]', 'kind: detector\ndetector: mind-reader'))).toMatch(
      /rule\.yaml:8: detector "mind-reader" does not exist/,
    );
  });

  it('refuses invalid regular expressions and ones that cannot run in linear time, naming the line', () => {
    const pattern = (p: string) => good.replace('kind: phrase\nphrases: [rubbish]', () => `kind: pattern\npatterns:\n  - ok\n  - '${p}'`);
    expect(loadError(pattern('(unclosed'))).toMatch(/rule\.yaml:10: patterns\[1\] is not a valid regular expression/);
    expect(loadError(pattern('(a)\\1'))).toBe(
      '<dir>/rule.yaml:10: patterns[1] cannot be used: a backreference (\\1) cannot run in linear time; repeat the words themselves instead',
    );
    expect(loadError(pattern('a(?!b)'))).toMatch(/rule\.yaml:10: patterns\[1\] cannot be used: a lookahead \(\?!\.\.\.\) cannot run in linear time/);
    // Nested repetition is harmless in linear time: a user's rule may have it.
    const dir = tempFolder({ 'rule.yaml': pattern('(a+)+$') });
    expect(loadRuleFile(join(dir, 'rule.yaml'))).toMatchObject({ kind: 'pattern', builtIn: false });
  });

  it('keeps nested repetition out of the built-in rules, whose patterns run on RegExp', () => {
    const dir = tempFolder({ 'rule.yaml': good.replace('kind: phrase\nphrases: [rubbish]', () => "kind: pattern\npatterns: ['(a+)+$']") });
    expect(() => loadRuleFile(join(dir, 'rule.yaml'), true)).toThrow(/rule\.yaml:8: patterns\[0\] could take exponential time/);
  });

  it('refuses YAML that does not parse', () => {
    expect(loadError('id: [unclosed\n')).toMatch(/rule\.yaml:\d+:\d+: not valid YAML/);
  });

  it('refuses two rules with one id', () => {
    const dir = tempFolder({ 'a.yaml': good, 'b.yaml': good });
    expect(() => loadRules([dir])).toThrow(/rule id "my-rule" is already used by/);
  });
});

describe('regular expression safety', () => {
  it.each([
    ['(a+)+', true],
    ['(\\w+\\s?)*x', true],
    ['(a*)*b', true],
    ['a(b+)?c', false],
    ['(?:x|y)+', false],
    ['(\\d{1,3}\\.)+', false],
  ])('%s nested unbounded repetition: %s', (pattern, nested) => {
    expect(hasNestedRepetition(pattern)).toBe(nested);
  });
});
