import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

interface Issue {
  type: string;
  check_name: string;
  description: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number; end: number } };
}

const gitlab = (cwd: string) => {
  const r = runCli(['check', '.', '--format', 'gitlab'], { cwd });
  return { status: r.status, issues: JSON.parse(r.stdout) as Issue[] };
};

describe('--format gitlab', () => {
  it('writes every field GitLab requires, with severities GitLab knows', () => {
    const dir = tempFolder({ 'news.md': '# News\n\nCall 07700 900184 or 07700 900185.\n\nOur SATs results.\n' });
    const { status, issues } = gitlab(dir);
    expect(status).toBe(1);
    expect(issues.map((i) => [i.check_name, i.severity, i.location])).toEqual([
      ['personal-phone-number', 'major', { path: 'news.md', lines: { begin: 3, end: 3 } }],
      ['personal-phone-number', 'major', { path: 'news.md', lines: { begin: 3, end: 3 } }],
      ['exam-results', 'minor', { path: 'news.md', lines: { begin: 5, end: 5 } }],
    ]);
    for (const issue of issues) {
      expect(issue.type).toBe('issue');
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{32}$/);
      expect(issue.description).toMatch(/\(policy [0-9.()a-z]+: .+\)$/);
    }
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(3);
    expect(JSON.stringify(issues)).not.toContain('900184');
  });

  it('keeps a finding\'s fingerprint when it moves to another line, and gives a new finding a new one', () => {
    const dir = tempFolder({ 'news.md': 'Our SATs results.\n' });
    const before = gitlab(dir).issues;
    const moved = tempFolder({ 'news.md': 'A new first line.\n\nOur SATs results.\n\nCall 07700 900184.\n' });
    const after = gitlab(moved).issues;
    expect(after.find((i) => i.check_name === 'exam-results')).toMatchObject({ fingerprint: before[0].fingerprint, location: { lines: { begin: 3 } } });
    expect(after.map((i) => i.fingerprint)).not.toContain(undefined);
    expect(after.filter((i) => i.fingerprint === before[0].fingerprint)).toHaveLength(1);
  });

  it('reports a file it could not check, and an empty list when all is well', () => {
    const dir = tempFolder({ 'empty.md': Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x01]) });
    const { issues } = gitlab(dir);
    expect(issues).toEqual([expect.objectContaining({ check_name: 'file-not-checked', severity: 'major', location: { path: 'empty.md', lines: { begin: 1 } } })]);
    expect(gitlab(tempFolder({ 'ok.md': 'A lovely day.\n' }))).toEqual({ status: 0, issues: [] });
  });
});
