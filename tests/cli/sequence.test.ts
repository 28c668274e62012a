import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

const rule = `id: trip-now
category: location
severity: error
clause: 1.8(b)
message: Says where the group is now
suggestion: Post it when the group is back
kind: sequence
tokens:
  - class: group
  - lemma: be
  - word: at
  - class: place-noun
window: 2
tense: [present, future]
`;

describe('a sequence rule in a rule folder', () => {
  it('gives findings at the exact line and column, from files and from standard input', () => {
    const post = '# Day 2\n\nAll good. The children are at the hostel rn!\nLast year we were at the hostel too.\n';
    const dir = tempFolder({ 'safepost.config.yaml': 'rule-folders: [our-rules]\n', 'our-rules/trip-now.yaml': rule, 'post.md': post });
    for (const args of [['post.md'], ['-', '--stdin-filename', 'post.md']]) {
      const r = runCli(['check', ...args, '--format', 'json'], { cwd: dir, input: post });
      expect(r.status, r.stderr).toBe(1);
      const findings: Array<Record<string, unknown>> = JSON.parse(r.stdout).files[0].findings;
      expect(findings.filter((f) => f.ruleId === 'trip-now')).toMatchObject([{ line: 3, column: 11, endLine: 3, endColumn: 41 }]);
    }
  });

  it('naming a class that no classes.yaml defines is exit 2 naming the file, line and field', () => {
    const dir = tempFolder({
      'safepost.config.yaml': 'rule-folders: [our-rules]\n',
      'our-rules/trip-now.yaml': rule.replace('class: place-noun', 'class: places'),
      'post.md': 'x',
    });
    const r = runCli(['check', 'post.md'], { cwd: dir });
    expect(r).toMatchObject({
      status: 2,
      stderr:
        'safepost: our-rules/trip-now.yaml:12: tokens[3].class "places" is not defined; did you mean "place" or "place-noun"? Or define it in a classes.yaml of a rule folder (safepost\'s own classes are in its rules/classes.yaml)\n',
      stdout: '',
    });
  });

  it('a bad word class in a folder\'s classes.yaml is exit 2 naming the file, line and field', () => {
    const dir = tempFolder({
      'safepost.config.yaml': 'rule-folders: [our-rules]\n',
      'our-rules/trip-now.yaml': rule,
      'our-rules/classes.yaml': 'snack:\n  words: [tea]\n  entity: FOOD\n',
      'post.md': 'x',
    });
    const r = runCli(['check', 'post.md'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^safepost: our-rules\/classes\.yaml:3: snack\.entity: an entity type \(PERSON, PLACE, .*\), or a list of them\n$/);
  });
});
