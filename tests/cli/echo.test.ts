import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

// A draft's front matter and a config can hold anything: a child's name, a terminal's escape codes.
const SECRET = 'Jack Smith\u001b[31m';

describe('messages about a bad value do not repeat it', () => {
  it("a front matter channel that is not one names the file, the line and the channels, not the value", () => {
    const dir = tempFolder({ 'a.md': `---\ntitle: Fair\nchannel: "${SECRET}"\n---\nHello.\n` });
    const r = runCli(['check', 'a.md', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('safepost: a.md:3: front matter channel is not one safepost knows; use official, staff-personal, parent or pupil\n');
    const file = JSON.parse(r.stdout).files[0];
    expect(file).toMatchObject({ errorLine: 3, error: 'front matter channel is not one safepost knows; use official, staff-personal, parent or pupil' });
    const stylish = runCli(['check', 'a.md'], { cwd: dir, env: { NO_COLOR: '1' } });
    expect(stylish.stdout + stylish.stderr).not.toMatch(/Jack|\u001b/);
  });

  it('front matter whose key is a list is read without a warning that repeats it', () => {
    const dir = tempFolder({ 'a.md': `---\n? [Jack, Smith]\n: yes\ntitle: Fair\n---\nHello.\n` });
    const r = runCli(['check', 'a.md'], { cwd: dir, env: { NO_COLOR: '1' } });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });

  it("a config's channel names the file, the line and the channels, not the value", () => {
    const dir = tempFolder({ 'safepost.config.yaml': `official: {}\nchannel: "${SECRET}"\n`, 'a.txt': 'Hello.\n' });
    const r = runCli(['check', 'a.txt'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^safepost: safepost\.config\.yaml:2: channel: .*"official"\|"staff-personal"\|"parent"\|"pupil"\n$/);
    expect(r.stderr).not.toMatch(/Jack|\u001b/);
  });

  it.each([
    [`"${SECRET}": 1\n`, /^safepost: safepost\.config\.yaml:1: unknown key "Jack Smith\\u001b\[31m"; remove it/],
    [`rules:\n  "${SECRET}": "off"\n`, /^safepost: safepost\.config\.yaml:2: rules: no rule "Jack Smith\\u001b\[31m"; run/],
    [`rules:\n  "${'x'.repeat(200)}": "off"\n`, /: rules: no rule "x{60}…"; run/],
    ['channel: *JackSmith\n', /^safepost: safepost\.config\.yaml:1: not valid YAML: Unresolved alias \(the anchor must be set before the alias\); a value/],
  ])('config %j: escaped and cut short, or left out', (config, message) => {
    const dir = tempFolder({ 'safepost.config.yaml': config, 'a.txt': 'Hello.\n' });
    const r = runCli(['check', 'a.txt'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stderr).not.toContain('JackSmith');
  });

  it('an approval repeats who approved it escaped and cut short', () => {
    const dir = tempFolder({ 'a.md': `---\nchannel: staff-personal\napproved-by: "Mrs Hollis\u001b[2J"\napproved-on: "${'9'.repeat(40)}"\n---\nOur SATs results are in.\n` });
    const r = runCli(['check', 'a.md', '--format', 'json'], { cwd: dir });
    const [f] = JSON.parse(r.stdout).files[0].findings;
    expect(f.message).toBe(`Mentions test or exam results: "SATs results" (authorised by Mrs Hollis\\u001b[2J on ${'9'.repeat(20)}…)`);
  });
});
