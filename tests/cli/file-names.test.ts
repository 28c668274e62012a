import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printable } from '../../src/text/shown-text.js';
import { runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

const NO_CONFIG = ['--config', join(import.meta.dirname, '..', 'helpers', 'empty.config.yaml')];
// Any C0 or C1 control character, DEL, or a mark that reorders text.
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('file names with control characters', () => {
  it('printable spells out control characters and keeps the rest', () => {
    expect(printable('news/\u001b[31mred\u0007.md')).toBe('news/\\u001b[31mred\\u0007.md');
    expect(printable('a\nb\u202ec.md')).toBe('a\\u000ab\\u202ec.md');
    expect(printable('line one\nline two\u009b', true)).toBe('line one\nline two\\u009b');
    expect(printable('Zoë’s post.md')).toBe('Zoë’s post.md');
  });

  it('reach neither the terminal nor a CI log raw; JSON and SARIF keep the real name', () => {
    const red = '\u001b[31mred\u0007.md';
    const newline = 'a%b\nc.md';
    const dir = tempFolder({ [red]: 'Our SATs results are in.\n', [newline]: 'Our SATs results are in.\n', 'bin\u001b]0;owned\u0007.md': Buffer.from([0, 1, 2, 3]) });
    const stylish = runCli(['check', '.', ...NO_CONFIG], { cwd: dir });
    expect(stylish.status).toBe(1);
    expect(stylish.stdout).not.toMatch(RAW_CONTROL);
    expect(stylish.stderr).not.toMatch(RAW_CONTROL);
    expect(stylish.stdout).toContain('\\u001b[31mred\\u0007.md  (official)');
    expect(stylish.stdout).toContain('a%b\\u000ac.md  (official)');
    expect(stylish.stderr).toBe('safepost: bin\\u001b]0;owned\\u0007.md: file is binary, not a text draft; pass Markdown, HTML, plain-text or Word (.docx) files\n');

    const github = runCli(['check', '.', '-f', 'github', ...NO_CONFIG], { cwd: dir });
    expect(github.stdout).not.toMatch(RAW_CONTROL);
    // One workflow command a line: the newline in the name is %0A, the % is %25, as GitHub documents.
    expect(github.stdout.trimEnd().split('\n')).toHaveLength(3);
    expect(github.stdout).toContain('::warning file=a%25b%0Ac.md,line=1');
    expect(github.stdout).toContain('file=\\u001b[31mred\\u0007.md,');

    const json = JSON.parse(runCli(['check', '.', '-f', 'json', ...NO_CONFIG], { cwd: dir }).stdout);
    expect(json.files.map((f: { path: string }) => f.path).sort()).toEqual([newline, red, 'bin\u001b]0;owned\u0007.md'].sort());
  });
});
