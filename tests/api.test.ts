import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, createChecker, FORMATTERS, SafepostError } from '../src/index.js';

const root = join(import.meta.dirname, '..');

describe('Node API', () => {
  it('checks text with a format picked from its path', async () => {
    const report = await check({ text: '---\nchannel: pupil\n---\nI failed my maths test.', path: 'post.md' }, { config: false });
    expect(report.summary).toMatchObject({ files: 1, errors: 1 });
    expect(report.files[0]).toMatchObject({ path: 'post.md', channel: 'pupil' });
    expect(report.files[0].findings[0]).toMatchObject({ ruleId: 'failed-exams', line: 4, column: 3 });
  });

  it('checks paths and returns what the CLI reports', async () => {
    const report = await check({ paths: ['fixtures'] }, { cwd: root, config: false });
    expect(report.files).toHaveLength(7);
    expect(FORMATTERS.json(report, { color: false, rules: [] })).toContain('"ruleId":"exclusions"');
  });

  it('loads rules once for many drafts and takes a channel', () => {
    const checker = createChecker({ config: false, channel: 'staff-personal' });
    expect(checker.checkText('Our SATs results are in.', 'a.txt').findings[0].severity).toBe('error');
    expect(checker.checkText('A lovely harvest festival.', 'b.txt').findings).toEqual([]);
  });

  it('throws a SafepostError for a missing path', async () => {
    await expect(check({ paths: ['no-such-draft.md'] }, { cwd: root, config: false })).rejects.toThrow(SafepostError);
  });
});
