import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IgnoreFiles } from '../../src/fs/ignore-files.js';
import { runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

const SATS = 'Our SATs results are in.\n';

/** A Hugo site in a git repository: its built public/ and a vendor/ folder are ignored by git. */
function hugoSite(extra: Record<string, string> = {}) {
  const dir = tempFolder({
    '.gitignore': 'public/\n/vendor\n*.tmp.md\n',
    'safepost.config.yaml': 'channel: official\n',
    'content/news/fair.md': SATS,
    'content/news/notes.tmp.md': SATS,
    'content/staff-blogs/.gitignore': 'drafts/\n!keep.tmp.md\n',
    'content/staff-blogs/drafts/idea.md': SATS,
    'content/staff-blogs/keep.tmp.md': SATS,
    'public/news/fair/index.html': `<p>${SATS}</p>`,
    'vendor/theme/README.md': SATS,
    ...extra,
  });
  execFileSync('git', ['init', '-q'], { cwd: dir });
  return dir;
}

const checked = (stdout: string) =>
  JSON.parse(stdout)
    .files.map((f: { path: string }) => f.path)
    .sort();

describe('ignore files', () => {
  it('leave out what .gitignore files name, nested ones too, with their negations', () => {
    const dir = hugoSite();
    const r = runCli(['check', '.', '--format', 'json'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(checked(r.stdout)).toEqual(['content/news/fair.md', 'content/staff-blogs/keep.tmp.md']);
  });

  it('apply from the top of the repository when a folder below it is checked, and to globs', () => {
    const dir = hugoSite();
    expect(checked(runCli(['check', 'content', '--format', 'json'], { cwd: dir }).stdout)).toEqual(['content/news/fair.md', 'content/staff-blogs/keep.tmp.md']);
    // From a folder inside the repository: the patterns above it still apply.
    expect(checked(runCli(['check', 'news', '--format', 'json'], { cwd: join(dir, 'content') }).stdout)).toEqual(['news/fair.md']);
    expect(checked(runCli(['check', '**/*.md', '--format', 'json'], { cwd: dir }).stdout)).toEqual(['content/news/fair.md', 'content/staff-blogs/keep.tmp.md']);
  });

  it('never leave out a draft named on its own', () => {
    const dir = hugoSite();
    const r = runCli(['check', 'content/news/notes.tmp.md', 'vendor/theme/README.md', '--format', 'json'], { cwd: dir });
    expect(checked(r.stdout)).toEqual(['content/news/notes.tmp.md', 'vendor/theme/README.md']);
  });

  it('are not read with --no-ignore', () => {
    const dir = hugoSite();
    const r = runCli(['check', '.', '--no-ignore', '--format', 'json'], { cwd: dir });
    expect(checked(r.stdout)).toEqual([
      'content/news/fair.md',
      'content/news/notes.tmp.md',
      'content/staff-blogs/drafts/idea.md',
      'content/staff-blogs/keep.tmp.md',
      'public/news/fair/index.html',
      'vendor/theme/README.md',
    ]);
  });

  it('include a .safepostignore in any folder, and the config’s ignores:, relative to the config', () => {
    const dir = hugoSite({
      'content/.safepostignore': 'news/fair.md\n',
      'safepost.config.yaml': 'channel: official\nignores: ["staff-blogs/keep*", content/staff-blogs/]\n',
    });
    const r = runCli(['check', '.', '--format', 'json'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("safepost: no drafts found in . but those left out by .gitignore, .safepostignore or the config's ignores:; give --no-ignore to check them\n");
  });

  it('say so when a glob matches only what they leave out', () => {
    const dir = hugoSite();
    const r = runCli(['check', 'public/**/*.html'], { cwd: dir });
    expect(r).toMatchObject({ status: 2, stdout: '' });
    expect(r.stderr).toBe(`safepost: every file that "public/**/*.html" matches is left out by .gitignore, .safepostignore or the config's ignores:; give --no-ignore to check them\n`);
  });
});

describe('IgnoreFiles', () => {
  it('reads no pattern above the top of the repository, nor above cwd outside one', () => {
    const outer = tempFolder({ '.gitignore': '*.md\n', 'repo/a.md': SATS, 'plain/b.md': SATS });
    mkdirSync(join(outer, 'repo', '.git'));
    expect(new IgnoreFiles(outer).ignores(join(outer, 'repo', 'a.md'))).toBe(false);
    expect(new IgnoreFiles(join(outer, 'plain')).ignores(join(outer, 'plain', 'b.md'))).toBe(false);
    expect(new IgnoreFiles(outer).ignores(join(outer, 'plain', 'b.md'))).toBe(true);
  });

  it('outside a repository and the current folder, reads a folder walked and those below it', () => {
    const site = tempFolder({ '.gitignore': 'drafts/\n', 'news/drafts/a.md': SATS, 'news/b.md': SATS });
    const elsewhere = tempFolder({});
    const r = runCli(['check', site, '--format', 'json'], { cwd: elsewhere });
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path.split('/').slice(-2).join('/'))).toEqual(['news/b.md']);
  });

  it('takes thousands of patterns and odd lines without stopping', () => {
    const patterns = Array.from({ length: 5000 }, (_, i) => `folder-${i}/`).join('\n');
    const dir = tempFolder({ '.gitignore': `${patterns}\n\\#not-a-comment.md\n[unclosed\n!\n\n# comment\n**/deep/**\n`, 'a/deep/b.md': SATS, 'folder-4999/c.md': SATS, 'keep.md': SATS });
    const files = new IgnoreFiles(dir);
    expect(files.ignores(join(dir, 'a', 'deep', 'b.md'))).toBe(true);
    expect(files.ignores(join(dir, 'folder-4999', 'c.md'))).toBe(true);
    expect(files.ignores(join(dir, 'keep.md'))).toBe(false);
    expect(files.ignores(join(dir, '#not-a-comment.md'))).toBe(true);
  });
});
