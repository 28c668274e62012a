import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pupilNames } from '../src/detectors/pupil-names.js';
import { parseText } from '../src/documents/text.js';
import { checkDocument } from '../src/engine/check-document.js';
import { compileRules } from '../src/engine/compile.js';
import { loadRuleFile } from '../src/rules/load.js';
import { allowedNames, loadNameLexicon } from '../src/roster/index.js';
import { stemWord, tokenize } from '../src/text/tokens.js';
import { tempFolder } from './helpers/temp.js';

// Each input here took from tens of seconds to many minutes when a stage's time grew with the
// square of its input; the time limits are many times what the linear code needs.

function ruleSet(yaml: string) {
  const dir = tempFolder({ 'rule.yaml': yaml });
  return compileRules([loadRuleFile(join(dir, 'rule.yaml'))]);
}

const rule = (extra: string) => `id: test-rule
category: sensitive-topic
severity: error
clause: 6(e)
message: 'Found "{{match}}"'
suggestion: Remove it
quote: true
kind: phrase
${extra}`;

describe('time linear in the input', () => {
  it('leaves a very long word unstemmed', { timeout: 10_000 }, () => {
    const word = 'b'.repeat(100_000);
    expect(stemWord(word)).toBe(word);
    expect(stemWord('deficits')).toBe('deficit');
  });

  it('checks a rule with unless words against many occurrences', { timeout: 20_000 }, () => {
    const set = ruleSet(rule('phrases: [deficit]\nunless:\n  within: 2\n  phrases: [calorie]\n'));
    const text = 'calorie deficit. '.repeat(200_000) + 'A deficit.';
    const found = checkDocument(parseText(text), set, { channel: 'parent' });
    expect(found.map((f) => text.slice(f.column - 1, f.endColumn - 1))).toEqual(['deficit']);
  });

  it('checks a rule with near words against many occurrences', { timeout: 20_000 }, () => {
    const set = ruleSet(rule('phrases: [diabetes]\nnear:\n  within: 3\n  words: [he]\n'));
    const text = 'He has diabetes. '.repeat(100_000);
    const found = checkDocument(parseText(text), set, { channel: 'parent' });
    expect(found).toHaveLength(100_000);
    expect(text.slice(found[0].column - 1, found[0].endColumn - 1)).toBe('diabetes');
  });

  it('finds a long list of names joined by "and"', { timeout: 20_000 }, () => {
    const text = 'Ava and Mia and '.repeat(100_000);
    const tokens = tokenize(text);
    const names = { roster: null, lexicon: loadNameLexicon(), allow: allowedNames([]) };
    const found = pupilNames.detect({ text, tokens, segments: [], images: [] }, { names }, {});
    expect(found).toHaveLength(200_000);
  });
});
