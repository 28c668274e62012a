import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pupilNames } from '../src/detectors/pupil-names.js';
import { parseMarkdown } from '../src/documents/markdown.js';
import { parseText } from '../src/documents/text.js';
import type { SuppressionComment } from '../src/documents/index.js';
import { Suppressions } from '../src/engine/suppress.js';
import { applyEdits } from '../src/redact/plan.js';
import { LineIndex } from '../src/text/positions.js';
import { checkDocument } from '../src/engine/check-document.js';
import { compileRules } from '../src/engine/compile.js';
import { loadRuleFile } from '../src/rules/load.js';
import { allowedNames, loadNameLexicon } from '../src/roster/index.js';
import { stemWord, tokenize } from '../src/text/tokens.js';
import { check } from '../src/index.js';
import { html } from '../src/report/html.js';
import { stylish } from '../src/report/stylish.js';
import type { Finding, Report } from '../src/results/schema.js';
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

  it('maps Markdown full of entities back to its source', { timeout: 60_000 }, () => {
    // Each line's text ("x\u00a0y") is nowhere in the source as it is.
    const source = 'x&nbsp;y\n'.repeat(100_000);
    const doc = parseMarkdown(source);
    expect(doc.prose.text.trimEnd()).toBe(Array(100_000).fill('x\u00a0y').join('\n'));
    const lastY = doc.prose.text.lastIndexOf('y');
    expect(doc.prose.toSource(lastY, lastY + 1)).toEqual({ start: source.length - 2, end: source.length - 1 });
    expect(doc.prose.toSource(lastY - 1, lastY)).toEqual({ start: source.length - 8, end: source.length - 2 });
  });

  it('refuses front matter over 1 MB as an error of that draft', { timeout: 60_000 }, async () => {
    const images = "  - src: a.jpg\n    alt: 'it''s'\n".repeat(8_000_000 / 31);
    const report = await check({ text: `---\nimages:\n${images}---\nHello.\n`, path: 'post.md' }, { config: false });
    expect(report.files[0].error).toBe("front matter is 7.9 MB, over the 1 MB limit; keep the post's text in its body, below the closing ---");
    expect(report.files[0].errorLine).toBe(1);
  });

  it('reads front matter of many images just under the limit', { timeout: 60_000 }, async () => {
    const images = '  - src: a.jpg\n    alt: Jack Smith &amp; Year 6\n      at sports day\n'.repeat(1_000_000 / 70);
    const report = await check({ text: `---\nimages:\n${images}---\nHello.\n`, path: 'post.md' }, { config: false });
    expect(report.files[0].error).toBeUndefined();
  });

  const findingsOver = (text: string, count: number): Report => {
    const findings: Finding[] = [];
    for (let i = 0; i < count; i++) {
      const column = 1 + ((i * 37) % (text.length - 20));
      findings.push({
        ruleId: 'pupil-full-name',
        category: 'pupil-name',
        severity: i % 3 ? 'warning' : 'error',
        message: 'A pupil’s name',
        clause: { id: '5.2', title: 'Pupils', text: 'Do not name pupils.' },
        line: 1,
        column,
        endLine: 1,
        endColumn: column + 10,
        suggestion: 'Leave it out.',
      });
    }
    const summary = { files: 1, errors: count, warnings: 0, infos: 0, suppressed: 0, fileErrors: 0 };
    return { files: [{ path: 'post.txt', channel: 'official', findings }], summary };
  };

  it('builds the HTML report of a 2 MB draft with 40,000 findings', { timeout: 120_000 }, () => {
    const text = 'Well done Amelia Smith in Year 2 and Oliver Jones. '.repeat(40_000);
    const page = html(findingsOver(text, 40_000), { color: false, rules: [], sourceOf: () => text, group: false });
    expect(page.match(/<li class="finding /g)).toHaveLength(40_000);
    // Every finding's first mark takes focus once.
    expect(page.match(/aria-describedby="/g)!.length).toBeGreaterThan(0);
    for (const id of [1, 20_000, 40_000]) expect(page).toContain(`f-${id}"`);
    // Grouped by their words, a card for each group counts every finding.
    const grouped = html(findingsOver(text, 40_000), { color: false, rules: [], sourceOf: () => text });
    const counts = [...grouped.matchAll(/data-count="(\d+)"/g)].map((m) => Number(m[1]));
    expect(counts.length).toBeLessThan(200);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(40_000);
  });

  it('prints 250,000 findings in the terminal report', { timeout: 60_000 }, () => {
    const out = stylish(findingsOver('x'.repeat(100), 250_000), { color: false, rules: [] });
    expect(out.match(/ Policy 5\.2: Pupils$/gm)).toHaveLength(250_000);
    // Grouped: one line for the errors and one for the warnings, all on the same words.
    const text = 'x'.repeat(100);
    const grouped = stylish(findingsOver(text, 250_000), { color: false, rules: [], sourceOf: () => text });
    expect(grouped.match(/ ×\d+$/gm)).toEqual([' ×83334', ' ×166666']);
  });

  it('applies suppression comments by the hundred thousand', { timeout: 60_000 }, () => {
    // Ranges opened for another rule and never closed, enable comments that close none of them,
    // and a finding after each: every comment and finding used to look at every open range.
    const count = 200_000;
    const comments: SuppressionComment[] = [];
    for (let i = 0; i < count; i++) comments.push({ kind: 'disable', targets: ['other-rule'], start: i * 10, end: i * 10 + 5 });
    const base = count * 10;
    for (let i = 0; i < count; i++) comments.push({ kind: 'enable', targets: ['third-rule'], start: base + i * 10, end: base + i * 10 + 5 });
    comments.push({ kind: 'disable', targets: ['pupil-name'], start: 2 * base, end: 2 * base + 5 });
    comments.push({ kind: 'enable', targets: [], start: 2 * base + 50, end: 2 * base + 55 });
    const source = ' '.repeat(2 * base + 100);
    const suppressions = new Suppressions(comments, new LineIndex(source), source);
    let covered = 0;
    for (let i = 0; i < count; i++) if (suppressions.covers(base + i * 10 + 7, 1, 'test-rule', 'sensitive-topic')) covered++;
    expect(covered).toBe(0);
    expect(suppressions.covers(base + 7, 1, 'other-rule', 'sensitive-topic')).toBe(true);
    expect(suppressions.covers(2 * base + 20, 1, 'pupil-full-name', 'pupil-name')).toBe(true);
    expect(suppressions.covers(2 * base + 60, 1, 'pupil-full-name', 'pupil-name')).toBe(false);
  });

  it('makes 200,000 redaction edits in one pass', { timeout: 60_000 }, () => {
    const source = 'Jack Smith won. '.repeat(200_000);
    const edits = Array.from({ length: 200_000 }, (_, i) => ({ start: i * 16, end: i * 16 + 10, replacement: 'Jack', ruleId: 'pupil-full-name', action: 'full name cut to the first name' }));
    expect(applyEdits(source, edits)).toBe('Jack won. '.repeat(200_000));
  });
});
