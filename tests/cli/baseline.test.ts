import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

const post = 'Call Jack Smith on 07700 900123 about the budget cuts at 14 Elm Grove.\n';
const findings = (stdout: string) =>
  (JSON.parse(stdout) as { files: Array<{ findings: Array<{ ruleId: string; line: number }> }> }).files.flatMap((f) => f.findings.map((x) => [x.ruleId, x.line]));

describe('baseline', () => {
  it('hides the recorded findings even when moved down, and reports new ones', () => {
    const dir = tempFolder({ 'a.md': post });
    const written = runCli(['baseline', '.'], { cwd: dir });
    expect(written).toMatchObject({ status: 0, stdout: 'Wrote .safepost-baseline.json: 4 findings in 1 file.\n' });
    writeFileSync(join(dir, 'a.md'), `A new first line.\n\n${post}Our deficit grew.\n`);
    const r = runCli(['check', '.', '--baseline', '.safepost-baseline.json', '--format', 'json'], { cwd: dir });
    expect(findings(r.stdout)).toEqual([['budget-problems', 4]]);
    expect(JSON.parse(r.stdout).summary.baselined).toBe(4);
    expect(r.status).toBe(0);
  });

  it('still says how many findings it hid with --quiet', () => {
    const dir = tempFolder({ 'a.md': post });
    runCli(['baseline', '.'], { cwd: dir });
    writeFileSync(join(dir, 'a.md'), `${post}Call Jo Bloggs on 07700 900456.\n`);
    const r = runCli(['check', '.', '--baseline', '.safepost-baseline.json', '--format', 'json', '--quiet'], { cwd: dir });
    const { summary } = JSON.parse(r.stdout);
    expect(findings(r.stdout).every(([rule]) => rule !== 'budget-problems')).toBe(true);
    expect(summary).toMatchObject({ baselined: 4, warnings: 0 });
    expect(summary.errors).toBeGreaterThan(0);
  });

  it('holds no name, number or address', () => {
    const dir = tempFolder({ 'a.md': post });
    runCli(['baseline', '.'], { cwd: dir });
    const file = readFileSync(join(dir, '.safepost-baseline.json'), 'utf8');
    for (const detail of ['Jack', 'Smith', '07700', '900123', 'Elm Grove', 'budget', 'a.md']) expect(file).not.toContain(detail);
  });

  it('--baseline-prune removes the findings that are gone', () => {
    const dir = tempFolder({ 'a.md': post });
    runCli(['baseline', '.'], { cwd: dir });
    writeFileSync(join(dir, 'a.md'), 'Call the office about the budget cuts.\n');
    const r = runCli(['check', '.', '--baseline', '.safepost-baseline.json', '--baseline-prune'], { cwd: dir });
    expect(r.stderr).toBe('safepost: removed 4 findings that are gone from .safepost-baseline.json\n');
    expect(Object.keys(JSON.parse(readFileSync(join(dir, '.safepost-baseline.json'), 'utf8')).findings)).toHaveLength(0);
  });

  it('refuses a missing or broken baseline, and a prune without one', () => {
    const dir = tempFolder({ 'a.md': post, 'bad.json': '{"format":"x"}' });
    expect(runCli(['check', '.', '--baseline', 'none.json'], { cwd: dir })).toMatchObject({
      status: 2,
      stderr: 'safepost: baseline none.json not found; write one with "safepost baseline"\n',
    });
    expect(runCli(['check', '.', '--baseline', 'bad.json'], { cwd: dir }).status).toBe(2);
    expect(runCli(['check', '.', '--baseline-prune'], { cwd: dir })).toMatchObject({ status: 2, stderr: 'safepost: --baseline-prune needs --baseline FILE\n' });
  });
});
