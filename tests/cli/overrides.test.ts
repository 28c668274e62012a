import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

const CONFIG = `channel: official
overrides:
  - files: content/staff-blogs
    channel: staff-personal
  - files: ["content/news/**/*.md"]
    rules:
      exam-results: "off"
  - files: content/news/sports.md
    allow:
      names: [Jack Smith]
`;

function site(config = CONFIG) {
  return tempFolder({
    'safepost.config.yaml': config,
    'content/staff-blogs/walk.md': 'Lovely walk today. Call me on 07700 900123.\n',
    'content/staff-blogs/parent-view.md': '---\nchannel: parent\n---\nLovely walk today. Call me on 07700 900123.\n',
    'content/news/results.md': 'Our SATs results are in.\n',
    'content/news/sports.md': 'Well done to Jack Smith in the relay.\n',
    'content/other.md': 'Our SATs results are in. Well done to Jack Smith.\n',
  });
}

type Result = { path: string; channel: string; findings: Array<{ ruleId: string }> };
const byPath = (stdout: string) =>
  Object.fromEntries((JSON.parse(stdout).files as Result[]).map((f) => [f.path, [f.channel, ...f.findings.map((x) => x.ruleId)].join(' ')]));

describe('overrides in the config', () => {
  it('give a folder its channel, a glob its rules and a file its allowed names; front matter still wins', () => {
    const r = runCli(['check', 'content', '--format', 'json'], { cwd: site() });
    expect(r.stderr).toBe('');
    expect(byPath(r.stdout)).toEqual({
      'content/news/results.md': 'official',
      'content/news/sports.md': 'official',
      'content/other.md': 'official exam-results pupil-full-name',
      'content/staff-blogs/parent-view.md': 'parent personal-phone-number',
      'content/staff-blogs/walk.md': 'staff-personal own-contact-details',
    });
  });

  it('come after --channel, as the config does', () => {
    const r = runCli(['check', 'content/staff-blogs', '--channel', 'official', '--format', 'json'], { cwd: site() });
    expect(byPath(r.stdout)['content/staff-blogs/walk.md']).toMatch(/^official /);
  });

  it('are exit 2 naming the line for an unknown rule or key, and say so when a glob matches no draft', () => {
    const unknownRule = runCli(['check', 'content'], { cwd: site(`overrides:\n  - files: content/news\n    rules:\n      exam-result: "off"\n`) });
    expect(unknownRule).toMatchObject({ status: 2, stderr: 'safepost: safepost.config.yaml:4: overrides: no rule "exam-result"; run "safepost rules" to list the rule ids\n' });
    const unknownKey = runCli(['check', 'content'], { cwd: site(`overrides:\n  - files: content/news\n    chanel: parent\n`) });
    expect(unknownKey).toMatchObject({ status: 2, stderr: 'safepost: safepost.config.yaml:3: unknown key "overrides.0.chanel"; remove it or check its spelling\n' });
    const noFiles = runCli(['check', 'content'], { cwd: site(`overrides:\n  - channel: parent\n`) });
    expect(noFiles.status).toBe(2);
    expect(noFiles.stderr).toMatch(/^safepost: safepost\.config\.yaml:2: overrides\.0\.files: /);
    const typo = runCli(['check', 'content', '--format', 'json'], { cwd: site(`overrides:\n  - files: content/staf-blogs\n    channel: staff-personal\n`) });
    expect(typo.stderr).toBe(
      'safepost: safepost.config.yaml: overrides[0] (files: content/staf-blogs) matches none of the drafts checked; check its globs, which are relative to the config file\n',
    );
  });
});
