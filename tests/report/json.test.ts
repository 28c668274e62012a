import { describe, expect, it } from 'vitest';
import { json, JsonReportWriter } from '../../src/report/json.js';
import type { FileResult, Report } from '../../src/results/schema.js';
import { summarize } from '../../src/results/schema.js';
import { loadClauses } from '../../src/rules/policy.js';

const clause = loadClauses().get('6(e)')!;
const file = (i: number): FileResult => ({
  path: `news/post-${i}.md`,
  channel: 'official',
  findings: Array.from({ length: i % 3 }, (_, k) => ({
    ruleId: 'exam-results',
    category: 'sensitive-topic',
    severity: 'warning',
    message: `Mentions exam results: "SATs ${k}" \u2014 \u{1F600} "quoted"`,
    clause,
    line: k + 1,
    column: 2,
    endLine: k + 1,
    endColumn: 9,
    suggestion: 'Leave them out.',
    ...(k === 1 ? { suppressed: true } : {}),
  })),
  ...(i % 5 === 0 ? { note: 'the image on line 3 was not found next to the draft; its metadata was not checked' } : {}),
});
const report = (count: number): Report => {
  const files = Array.from({ length: count }, (_, i) => file(i));
  return { files, summary: { ...summarize(files), baselined: 2 } };
};

describe('the JSON report', () => {
  it('is JSON.stringify of the report, written a few drafts at a time', () => {
    for (const count of [0, 1, 29, 30, 31, 95]) {
      const r = report(count);
      const pieces: string[] = [];
      const writer = new JsonReportWriter((text) => pieces.push(text));
      for (const f of r.files) writer.add(f);
      // Nothing is held back beyond the piece being filled.
      expect(pieces).toHaveLength(Math.floor(count / 30));
      writer.end(r.summary);
      expect(pieces.join('')).toBe(`${JSON.stringify(r)}\n`);
      expect(json(r, { color: false, rules: [] })).toBe(`${JSON.stringify(r)}\n`);
      if (count === 95) expect(pieces).toHaveLength(4 + 1); // four pieces of up to thirty, and the end
    }
  });
});
