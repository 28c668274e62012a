import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createChecker, parseDocument } from '../../src/index.js';

// Drafts the fuzz test (tests/fuzz/) found with a span that was not exact.
const ROOT = join(import.meta.dirname, '..', '..');
const checker = createChecker({ cwd: ROOT, config: 'fixtures/safepost.config.yaml', showMatches: true });
// Sequence rules need the linguistic layer before checkText.
beforeAll(() => checker.ready());
const spans = (text: string, path: string) =>
  checker.checkText(text, path).findings.map((f) => ({ ruleId: f.ruleId, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, match: f.match }));

describe('exact spans', () => {
  it('maps a YAML escape in a quoted front-matter title to its own source, so a name beside it is spanned alone', () => {
    const text = '---\ntitle: "Caf\\u00e9 news: well done Jack Smith"\n---\nHello.\n';
    expect(spans(text, 'a.md')).toEqual([{ ruleId: 'pupil-full-name', line: 2, column: 35, endLine: 2, endColumn: 45, match: 'Jack Smith' }]);
    const prose = parseDocument(text, 'markdown').prose;
    const e = prose.text.indexOf('é');
    expect(prose.toSource(e, e + 1)).toEqual({ start: 15, end: 21 });
    expect(text.slice(15, 21)).toBe('\\u00e9');
  });

  it('maps an autolink shown decoded (%20 as a space, a punycode host in letters) back to its escapes', () => {
    const text = 'See <https://xn--caf-dma.example/Jack%20Smith> or <mailto:jack.smith@gmail.com>.\n';
    const prose = parseDocument(text, 'markdown').prose;
    expect(prose.text.trim()).toBe('See https://café.example/Jack Smith or mailto:jack.smith@gmail.com.');
    const at = (s: string) => prose.text.indexOf(s);
    expect(prose.toSource(at(' Smith'), at(' Smith') + 1)).toEqual({ start: 37, end: 40 });
    expect(prose.toSource(at('Smith'), at('Smith') + 5)).toEqual({ start: 40, end: 45 });
    expect(prose.toSource(at('café'), at('café') + 12)).toEqual({ start: 13, end: 32 });
    expect(spans(text, 'a.md')).toEqual([{ ruleId: 'personal-email-address', line: 1, column: 59, endLine: 1, endColumn: 79, match: 'jack.smith@gmail.com' }]);
  });
});
