import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

const bomb = [
  '---',
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  '---',
  'Hello.',
].join('\n');

describe('YAML that cannot be read', () => {
  it("is one draft's error, and the other drafts are still checked", () => {
    const dir = tempFolder({
      'posts/a.md': '---\ntitle: *Sports*\n---\nSports day is on Friday.\n',
      'posts/b.md': '---\ntitle: **Update**\n---\nNews.\n',
      'posts/c.md': bomb,
      'posts/d.md': 'Ring me on 07700 900123.\n',
    });
    const r = runCli(['check', 'posts', '--format', 'json', '--channel', 'parent'], { cwd: dir });
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    const [a, b, c, d] = report.files;
    expect(a).toMatchObject({ path: 'posts/a.md', errorLine: 2 });
    expect(a.error).toBe('front matter is not valid YAML: Unresolved alias (the anchor must be set before the alias); a value that starts with * or & must be in quotes');
    expect(b).toMatchObject({ path: 'posts/b.md', errorLine: 2 });
    expect(c.error).toMatch(/^front matter is not valid YAML: Excessive alias count .*; write the repeated values out$/);
    expect(d.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['personal-phone-number']);
    expect(report.summary).toMatchObject({ files: 4, fileErrors: 3, errors: 1 });
    expect(r.stderr).toContain('safepost: posts/a.md:2: front matter is not valid YAML: Unresolved alias');
    expect(r.stderr).not.toContain('internal error');
  });

  it('in a config is exit 2 with one line naming the file and line', () => {
    const dir = tempFolder({ 'safepost.config.yaml': 'official:\n  domains: [*school]\n', 'post.md': 'Hello.\n' });
    const r = runCli(['check', 'post.md'], { cwd: dir });
    expect(r).toMatchObject({ status: 2, stdout: '' });
    expect(r.stderr).toBe(
      'safepost: safepost.config.yaml:2: not valid YAML: Unresolved alias (the anchor must be set before the alias); a value that starts with * or & must be in quotes\n',
    );
  });

  it('is a result with an error in the Node API, not an exception', async () => {
    const report = await check({ text: '---\ntitle: *Sports*\n---\nHi.\n', path: 'post.md' }, { config: false });
    expect(report.files[0].error).toMatch(/^front matter is not valid YAML: Unresolved alias/);
    expect(report.summary.fileErrors).toBe(1);
  });
});
