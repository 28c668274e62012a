import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

const check = (files: Record<string, string>, args: string[] = []) => {
  const dir = tempFolder({ 'safepost.config.yaml': 'channel: official\n', ...files });
  const r = runCli(['check', '.', '--format', 'json', ...args], { cwd: dir });
  const report = JSON.parse(r.stdout);
  return { ...r, files: report.files as Array<{ path: string; note?: string; findings: Array<{ ruleId: string; line: number; suppressed?: boolean }> }> };
};
const shown = (f: { findings: Array<{ ruleId: string; line: number; suppressed?: boolean }> }) => f.findings.filter((x) => !x.suppressed).map((x) => `${x.ruleId}:${x.line}`);

describe('disable comments', () => {
  it('hide a finding on their own line with disable-line, in Markdown and HTML', () => {
    const { files } = check({
      'a.md': 'Our SATs results are in. <!-- safepost-disable-line exam-results -->\nOur SATs results are in.\n',
      'b.html': '<p>Our SATs results are in. <!-- safepost-disable-line sensitive-topic --></p>\n<p>Our SATs results are in.</p>\n',
    });
    expect(files.map(shown)).toEqual([['exam-results:2'], ['exam-results:2']]);
  });

  it('work in plain text, whose comments are left out of the check', () => {
    const { files } = check({
      'c.txt': '<!-- safepost-disable-next-line exam-results -->\nOur SATs results are in.\nOur SATs results are in. <!-- safepost-disable-line -->\nOur SATs results are in.\n',
    });
    expect(shown(files[0])).toEqual(['exam-results:4']);
  });

  it('say which line names no rule or category, and go on', () => {
    const { status, files, stderr } = check({ 'a.md': '<!-- safepost-disable-next-line exam-result -->\nOur SATs results are in.\n' });
    expect(status).toBe(0);
    expect(shown(files[0])).toEqual(['exam-results:2']);
    expect(stderr).toBe('safepost: a.md: line 1: safepost-disable-next-line names no rule or category "exam-result"; "safepost rules" lists them\n');
  });

  it('that hide nothing fail the check with --report-unused-disable-directives, and are quiet without it', () => {
    const files = { 'a.md': '<!-- safepost-disable-next-line budget-problems -->\nA lovely sports day.\n\n<!-- safepost-disable-line --> Our SATs results are in.\n' };
    expect(check(files)).toMatchObject({ status: 0, stderr: '' });
    const r = check(files, ['--report-unused-disable-directives']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'safepost: a.md: line 1: safepost-disable-next-line hides no finding; remove it\nsafepost: 1 disable comment hid no finding (--report-unused-disable-directives)\n',
    );
  });
});
