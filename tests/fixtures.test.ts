import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createChecker } from '../src/api/checker.js';
import { readDocx } from '../src/documents/docx.js';
import { summerFairNewsletter } from './helpers/docx-fixture.js';

// Every fixture is checked with the fixtures' config; its findings must be exactly those in expected.yaml.
const root = join(import.meta.dirname, '..');
const expected = parse(readFileSync(join(root, 'fixtures', 'expected.yaml'), 'utf8')) as Record<
  string,
  Array<{ rule: string; text: string; nth?: number; suppressed?: boolean }>
>;
const checker = createChecker({ cwd: root, config: join(root, 'fixtures', 'safepost.config.yaml') });
const report = await checker.checkPaths(['fixtures']);

function offsetOf(source: string, line: number, column: number): number {
  const lines = source.split('\n');
  return lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
}

describe('fixtures', () => {
  it('has the Word fixture its helper writes', async () => {
    expect((await summerFairNewsletter()).equals(readFileSync(join(root, 'fixtures', 'summer-fair-newsletter.docx')))).toBe(true);
  });

  it('checks every fixture listed, and only those', () => {
    expect(report.files.map((f) => f.path.replace('fixtures/', '')).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s has exactly the expected findings', async (name, wanted) => {
    const file = report.files.find((f) => f.path === `fixtures/${name}`)!;
    const path = join(root, 'fixtures', name);
    // A Word draft's positions are in its paragraphs, one line each.
    const source = name.endsWith('.docx') ? (await readDocx(readFileSync(path))).doc.source : readFileSync(path, 'utf8');
    const got = file.findings.map((f) => ({
      rule: f.ruleId,
      start: offsetOf(source, f.line, f.column),
      end: offsetOf(source, f.endLine, f.endColumn),
      suppressed: Boolean(f.suppressed),
    }));
    const want = wanted.map((w) => {
      let at = -1;
      for (let k = 0; k < (w.nth ?? 1); k++) at = source.indexOf(w.text, at + 1);
      expect(at, `"${w.text}" is in ${name}`).toBeGreaterThanOrEqual(0);
      return { rule: w.rule, start: at, end: at + w.text.length, suppressed: Boolean(w.suppressed) };
    });
    const order = (a: { start: number; rule: string }, b: { start: number; rule: string }) => a.start - b.start || a.rule.localeCompare(b.rule);
    expect(got.sort(order)).toEqual(want.sort(order));
  });
});
