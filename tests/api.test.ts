import { symlinkSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, createChecker, FORMATTERS, SafepostError } from '../src/index.js';
import { threadsFor } from '../src/api/parallel.js';
import { tempFolder } from './helpers/temp.js';

const root = join(import.meta.dirname, '..');

describe('Node API', () => {
  it('checks text with a format picked from its path', async () => {
    const report = await check({ text: '---\nchannel: pupil\n---\nI failed my maths test.', path: 'post.md' }, { config: false });
    expect(report.summary).toMatchObject({ files: 1, errors: 1 });
    expect(report.files[0]).toMatchObject({ path: 'post.md', channel: 'pupil' });
    expect(report.files[0].findings[0]).toMatchObject({ ruleId: 'failed-exams', line: 4, column: 3 });
  });

  it('checks paths and returns what the CLI reports', async () => {
    const report = await check({ paths: ['fixtures'] }, { cwd: root, config: 'fixtures/safepost.config.yaml' });
    expect(report.files).toHaveLength(18);
    expect(FORMATTERS.json(report, { color: false, rules: [] })).toContain('"ruleId":"exclusions"');
  });

  it('checkPaths leaves out a link out of the folder and tells `warn`', async () => {
    const dir = tempFolder({ 'site/a.md': 'Our SATs results are in.', 'private/b.md': 'Zoe Smith has a detention.' });
    symlinkSync('../private/b.md', join(dir, 'site', 'b.md'));
    const warnings: string[] = [];
    const report = await check({ paths: ['site'] }, { cwd: dir, config: false, warn: (message) => warnings.push(message) });
    expect(report.files.map((f) => f.path)).toEqual(['site/a.md']);
    expect(warnings).toEqual(['skipped link site/b.md: it points outside the checked folder (give it on the command line to check it)']);
  });

  it('loads rules once for many drafts and takes a channel', async () => {
    const checker = createChecker({ config: false, channel: 'staff-personal' });
    await checker.ready();
    expect(checker.checkText('Our SATs results are in.', 'a.txt').findings[0].severity).toBe('error');
    expect(checker.checkText('A lovely harvest festival.', 'b.txt').findings).toEqual([]);
  });

  it('reports exact positions in a file with a BOM, CRLF, tabs, emoji and accents', async () => {
    const text = '\uFEFF---\r\ntitle: Café news 🎉\r\n---\r\n\r\n# Zoë’s class 🎉\r\n\r\nThe 🎉\t*budget&nbsp;cuts* hit us.\r\n';
    const finding = (await check({ text, path: 'a.md' }, { config: false })).files[0].findings.find((f) => f.ruleId === 'budget-problems')!;
    const line = text.split('\n')[6];
    expect(finding).toMatchObject({ ruleId: 'budget-problems', line: 7, column: line.indexOf('budget') + 1, endLine: 7 });
    expect(line.slice(finding.column - 1, finding.endColumn - 1)).toBe('budget&nbsp;cuts');
  });

  it('hands over each result in order, as checkDrafts reports them', async () => {
    const dir = tempFolder({ 'a.md': 'Our SATs results are in.', 'b.md': 'A lovely week.', 'c.md': 'Budget cuts again.' });
    const checker = createChecker({ cwd: dir, config: false });
    const drafts = ['c.md', 'a.md', 'b.md'].map((shown) => ({ absolute: join(dir, shown), shown }));
    const seen: string[] = [];
    await checker.eachResult(drafts, (result) => seen.push(result.path));
    expect(seen).toEqual(['c.md', 'a.md', 'b.md']);
    expect((await checker.checkDrafts(drafts)).files.map((f) => f.path)).toEqual(seen);
  });

  it('throws a SafepostError for a missing path', async () => {
    await expect(check({ paths: ['no-such-draft.md'] }, { cwd: root, config: false })).rejects.toThrow(SafepostError);
  });
});

describe('checking many drafts on several threads', () => {
  it('gives the same report as one thread, in the same order', async () => {
    // The worker is compiled code, so this test runs the built package.
    const built = (await import('../dist/index.js')) as typeof import('../src/index.js');
    const files: Record<string, string> = {};
    for (let i = 0; i < 130; i++) {
      files[`post-${String(i).padStart(3, '0')}.md`] = i % 3 === 0 ? `Post ${i}: our SATs results and budget cuts.` : `Post ${i}: a lovely week.`;
    }
    const dir = tempFolder(files);
    const one = await built.check({ paths: [dir] }, { config: false, concurrency: 1 });
    const three = await built.check({ paths: [dir] }, { config: false, concurrency: 3 });
    expect(three).toEqual(one);
    expect(one.summary).toMatchObject({ files: 130, warnings: 88 });
  });

  it('uses one thread a core from 2,000 drafts when left to choose, and as many as asked for otherwise', () => {
    const cores = Math.min(availableParallelism(), 8);
    expect(threadsFor(1999, 'auto')).toBe(1);
    expect(threadsFor(2000, 'auto')).toBe(cores);
    // Never more threads than batches of drafts to hand out.
    expect(threadsFor(120, 4)).toBe(3);
    expect(threadsFor(10_000, 1)).toBe(1);
  });
});

describe('authorised posts', () => {
  const post = (frontMatter: string) =>
    `---\nchannel: staff-personal\n${frontMatter}---\nSpeaking on behalf of the whole trust: our SATs results are in. Call me on 07700 900123.\n`;

  it('turns 6(d) and 6(e) findings into information naming the approver, and leaves the rest', async () => {
    const report = await check({ text: post('approved-by: Mrs J. Hollis\napproved-on: 2025-07-08\n'), path: 'a.md' }, { config: false });
    expect(report.files[0].findings.map((f) => [f.ruleId, f.clause.id, f.severity, f.message])).toEqual([
      ['speaking-for-the-trust', '6(d)', 'info', 'Speaks for the trust or the school from a personal account: "Speaking on behalf of the whole trust" (authorised by Mrs J. Hollis on 2025-07-08)'],
      ['exam-results', '6(e)', 'info', 'Mentions test or exam results: "SATs results" (authorised by Mrs J. Hollis on 2025-07-08)'],
      ['own-contact-details', '7.9', 'warning', 'Your own mobile number *** 123'],
    ]);
  });

  it('needs both who approved and when', async () => {
    const report = await check({ text: post('approved-by: Mrs J. Hollis\n'), path: 'a.md' }, { config: false });
    expect(report.files[0].findings.map((f) => f.severity)).toEqual(['error', 'error', 'warning']);
  });
});
