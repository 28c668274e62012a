import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, ROOT } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('safepost rules', () => {
  it('lists every rule with its category, severity, channels and clause', () => {
    const r = runCli(['rules']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^RULE +CATEGORY +SEVERITY +CHANNELS +CLAUSE$/);
    expect(r.stdout).toMatch(/^exam-results +sensitive-topic +warning \(official\), error \(other channels\) +all +6\(e\) No comments on sensitive school topics such as performance$/m);
    expect(r.stdout).toMatch(/^\d+ rules\. "safepost explain <rule-id>" tells more about one\.$/m);
  });

  it('lists rules as JSON, filtered by category', () => {
    const list = JSON.parse(runCli(['rules', '--json', '--category', 'sensitive-topic']).stdout);
    expect(list.length).toBeGreaterThan(5);
    expect(list.every((r: { category: string }) => r.category === 'sensitive-topic')).toBe(true);
    expect(list[0].clause).toEqual(expect.objectContaining({ id: '6(e)', title: expect.any(String), text: expect.any(String) }));
  });
});

describe('safepost explain', () => {
  it('shows a clause and the rules that cite it, with forgiving ids', () => {
    for (const id of ['6(e)', '6e', '6 (E)']) {
      const r = runCli(['explain', id]);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^Policy 6\(e\): No comments on sensitive school topics such as performance\n/);
      expect(r.stdout).toContain('"Post comments about sensitive TMT, academy/school-related topics, such as performance,');
      expect(r.stdout).toMatch(/Rules that cite it:\n(.*\n)*  exam-results  \(sensitive-topic/);
    }
  });

  it('shows a rule with its clause', () => {
    const r = runCli(['explain', 'exclusions']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^exclusions {2}\(sensitive-topic\)/);
    expect(r.stdout).toContain('Severity:  error');
    expect(r.stdout).toContain('Policy 6(e): No comments on sensitive school topics such as performance');
    expect(r.stdout).toMatch(
      /\nFor example, instead of:\n {4}A Year 9 boy has been permanently excluded after the fight\.\nwrite:\n {4}The school is dealing with last week's incident and has spoken to the families\n {4}involved\.\n$/,
    );
  });

  it('ends a clause with a compliant rewrite from a rule that cites it', () => {
    expect(runCli(['explain', '7.3(c)']).stdout).toMatch(/\nFor example, instead of:\n {4}.+\nwrite:\n {4}.+\n$/);
  });

  it('says when a clause has no rule yet', () => {
    expect(runCli(['explain', '12.1']).stdout).toContain('Rules that cite it:\n  none yet');
  });

  it('is exit 2 for an unknown id', () => {
    const r = runCli(['explain', 'nothing-here']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('safepost: no rule or clause "nothing-here"; "safepost rules" lists the rules, clause ids look like 6(e) or 7.9\n');
  });
});

describe('help and version', () => {
  it('prints the version', () => {
    expect(runCli(['--version'])).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('has help with examples on every command', () => {
    for (const args of [['--help'], ['check', '--help'], ['rules', '--help'], ['explain', '--help']]) {
      const r = runCli(args);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('Examples:');
    }
    expect(runCli(['check', '--help']).stdout).toContain('--stdin-filename <name>');
  });

  it('prints nothing but the report on stdout, even with a .env file present', () => {
    const dir = tempFolder({ '.env': 'SECRET=1\n', 'a.md': 'Budget cuts.' });
    const r = runCli(['check', 'a.md', '--format', 'json'], { cwd: dir });
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(r.stderr).toBe('');
  });
});
