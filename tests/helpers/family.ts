import { beforeAll, describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/documents/markdown.js';
import { checkDocument } from '../../src/engine/check-document.js';
import { compileRules } from '../../src/engine/compile.js';
import { loadImageWords } from '../../src/lexicon/image-words.js';
import { allowedNames, loadNameLexicon, RosterIndex } from '../../src/roster/index.js';
import type { DetectorContext } from '../../src/detectors/index.js';
import { loadLanguage } from '../../src/language/index.js';
import { loadRules } from '../../src/rules/load.js';
import type { Category, Channel } from '../../src/rules/schema.js';
import { EXAMPLE_ORGANISATION } from './organisation.js';

/** A sentence a family must flag on a channel: the span in [[double brackets]], and the rule. */
export type Positive = [channel: Channel, marked: string, rule: string];
/** A sentence the family must leave alone on a channel. */
export type Negative = [channel: Channel, text: string];

/** The findings of one family's rules on a Markdown text, for an example school, its names found from the lexicon (or a roster). */
export function familyFindings(category: Category, roster: RosterIndex | null = null) {
  const compiled = compileRules(loadRules().filter((r) => r.category === category));
  const context: Partial<DetectorContext> = {
    official: EXAMPLE_ORGANISATION,
    names: { roster, lexicon: loadNameLexicon(), allow: allowedNames([]) },
    imageWords: loadImageWords(),
    photos: [],
  };
  // Sequence rules read the linguistic layer: loaded once, before the tests run.
  beforeAll(async () => {
    context.language = await loadLanguage();
  });
  return (text: string, channel: Channel) =>
    checkDocument(parseMarkdown(text), compiled, { channel }, context).map((f) => ({
      rule: f.ruleId,
      severity: f.severity,
      text: text.split('\n')[f.line - 1].slice(f.column - 1, f.line === f.endLine ? f.endColumn - 1 : undefined),
    }));
}

/** Sentences written apart from the rules' own examples: each positive flagged exactly at its span, each negative not at all. */
export function familyCases(category: Category, positives: Positive[], negatives: Negative[], roster: RosterIndex | null = null): void {
  const flagged = familyFindings(category, roster);
  describe(`${category} rules`, () => {
    it.each(positives)('%s: flags %j', (channel, marked, rule) => {
      const text = marked.replace('[[', '').replace(']]', '');
      const span = marked.slice(marked.indexOf('[[') + 2, marked.indexOf(']]'));
      expect(flagged(text, channel).filter((f) => f.rule === rule).map((f) => f.text)).toEqual([span]);
    });

    it.each(negatives)('%s: leaves %j alone', (channel, text) => {
      expect(flagged(text, channel)).toEqual([]);
    });
  });
}
