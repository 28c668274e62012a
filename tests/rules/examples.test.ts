import { beforeAll, describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/documents/markdown.js';
import { loadImageWords } from '../../src/lexicon/image-words.js';
import { checkDocument } from '../../src/engine/check-document.js';
import { compileRules } from '../../src/engine/compile.js';
import { loadLanguage, type Language } from '../../src/language/index.js';
import { loadRules } from '../../src/rules/load.js';
import type { Channel } from '../../src/rules/schema.js';
import { loadNameLexicon } from '../../src/roster/index.js';
import { EXAMPLE_ORGANISATION } from '../helpers/organisation.js';

// Every rule carries texts it must flag ([[the span]] marked) and texts it must not, checked
// for an example organisation with these details of its own.
const rules = loadRules();
const compiled = compileRules(rules);

// Names are found without a roster here, from the lexicon alone.
const names = { roster: null, lexicon: loadNameLexicon(), allow: new Set<string>() };

let language: Language;
beforeAll(async () => {
  language = await loadLanguage();
});

// Examples are read as Markdown, so that images in them are images.
function run(text: string, channel: Channel, set = compiled) {
  return checkDocument(parseMarkdown(text), set, { channel }, { official: EXAMPLE_ORGANISATION, names, imageWords: loadImageWords(), photos: [], language });
}

// A rule that is off unless turned on (and needs a roster) is tested where it is turned on.
describe.each(rules.filter((r) => r.enabled).map((r) => [r.id, r] as const))('rule %s', (id, rule) => {
  // A rule's own examples are checked with the rule alone: with the others, a finding of the same
  // category over the same words may be another rule's.
  const alone = compileRules([rule]);
  const examples = rule.examples ?? { match: [], 'no-match': [] };
  const asCase = (e: string | { text: string; channel?: Channel }) =>
    typeof e === 'string' ? { text: e, channel: rule.channels[0] } : { text: e.text, channel: e.channel ?? rule.channels[0] };

  // Rules about photo files cannot be shown in text; tests/documents/photo-metadata.test.ts has theirs.
  it.skipIf(rule.kind === 'detector' && rule.detector === 'photo-metadata')('has examples of both kinds', () => {
    expect(examples.match.length).toBeGreaterThan(0);
    expect(examples['no-match'].length).toBeGreaterThan(0);
  });

  it.each(examples.match.map(asCase))('flags exactly [[…]] in "$text"', ({ text, channel }) => {
    const start = text.indexOf('[[');
    const end = text.indexOf(']]') - 2;
    expect(start, 'example marks its span with [[ ]]').toBeGreaterThanOrEqual(0);
    const plain = text.replace('[[', '').replace(']]', '');
    const found = run(plain, channel, alone).filter((f) => f.ruleId === id);
    expect(found.map((f) => plain.slice(f.column - 1, f.endColumn - 1))).toEqual([plain.slice(start, end)]);
  });

  it.each(examples['no-match'].map(asCase))('does not flag "$text"', ({ text, channel }) => {
    expect(run(text, channel, alone).filter((f) => f.ruleId === id)).toEqual([]);
  });

  // `safepost explain` shows it: the first text breaks this rule, the rewrite breaks none.
  it.skipIf(rule.kind === 'detector' && rule.detector === 'photo-metadata')('has a rewrite that keeps to the policy', () => {
    const rewrite = examples.rewrite;
    expect(rewrite, 'examples.rewrite with before and after').toBeDefined();
    const channel = rule.channels[0];
    expect(run(rewrite!.before, channel, alone).map((f) => f.ruleId)).toContain(id);
    expect(run(rewrite!.after, channel).filter((f) => f.ruleId === id || f.severity === 'error').map((f) => f.ruleId)).toEqual([]);
  });
});
