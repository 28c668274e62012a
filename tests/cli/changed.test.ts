import { execFileSync } from 'node:child_process';
import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

function repo(files: Record<string, string>) {
  const dir = tempFolder(files);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.org');
  git('config', 'user.name', 'Test');
  git('add', '.');
  git('commit', '-q', '-m', 'first');
  return { dir, git };
}

const paths = (stdout: string) => (JSON.parse(stdout) as { files: Array<{ path: string }> }).files.map((f) => f.path);

describe('--changed', () => {
  it('checks only drafts changed since the default branch, including new ones and renames, not deleted ones', () => {
    const { dir, git } = repo({ 'old.md': 'Budget cuts.', 'same.md': 'Budget cuts.', 'gone.md': 'Budget cuts.', 'moved.md': 'Budget cuts.' });
    writeFileSync(join(dir, 'old.md'), 'Budget cuts and a deficit.');
    writeFileSync(join(dir, 'new.md'), 'Legal action.');
    rmSync(join(dir, 'gone.md'));
    git('mv', 'moved.md', 'renamed.md');
    const r = runCli(['check', '--changed', '--format', 'json'], { cwd: dir });
    expect(paths(r.stdout)).toEqual(['new.md', 'old.md', 'renamed.md']);
  });

  it('does not follow a committed link out of the repository', () => {
    const outside = tempFolder({ 'notes.md': 'Legal action.' });
    const { dir, git } = repo({ 'a.md': 'Budget cuts.' });
    symlinkSync(join(outside, 'notes.md'), join(dir, 'notes.md'));
    symlinkSync('a.md', join(dir, 'also-a.md'));
    writeFileSync(join(dir, 'a.md'), 'Budget cuts and a deficit.');
    git('add', '.');
    const r = runCli(['check', '--changed', 'HEAD', '--format', 'json'], { cwd: dir });
    expect(paths(r.stdout)).toEqual(['a.md', 'also-a.md']);
    expect(r.stderr).toBe('safepost: skipped link notes.md: it points outside the checked folder (give it on the command line to check it)\n');
  });

  it('leaves out changed drafts that --exclude names', () => {
    const { dir } = repo({ 'news/a.md': 'Budget cuts.', 'archive/b.md': 'Budget cuts.' });
    writeFileSync(join(dir, 'news/a.md'), 'Budget cuts and a deficit.');
    writeFileSync(join(dir, 'archive/b.md'), 'Budget cuts and a deficit.');
    expect(paths(runCli(['check', '--changed', '--exclude', 'archive/**', '--format', 'json'], { cwd: dir }).stdout)).toEqual(['news/a.md']);
  });

  it('takes a ref', () => {
    const { dir, git } = repo({ 'a.md': 'Budget cuts.' });
    writeFileSync(join(dir, 'b.md'), 'Budget cuts.');
    git('add', '.');
    git('commit', '-q', '-m', 'second');
    expect(paths(runCli(['check', '--changed', 'HEAD~1', '--format', 'json'], { cwd: dir }).stdout)).toEqual(['b.md']);
    expect(paths(runCli(['check', '--changed', 'HEAD', '--format', 'json'], { cwd: dir }).stdout)).toEqual([]);
  });

  it('checks the staged drafts in a git hook', () => {
    const { dir, git } = repo({ 'a.md': 'Fine.' });
    writeFileSync(join(dir, 'staged.md'), 'Budget cuts.');
    writeFileSync(join(dir, 'unstaged.md'), 'Budget cuts.');
    git('add', 'staged.md');
    const r = runCli(['check', '--changed', '--format', 'json'], { cwd: dir, env: { GIT_INDEX_FILE: join(dir, '.git', 'index') } });
    expect(paths(r.stdout)).toEqual(['staged.md']);
  });

  it('says so when nothing changed, and is exit 2 outside a repository or with an unknown ref', () => {
    const { dir } = repo({ 'a.md': 'Fine.' });
    const none = runCli(['check', '--changed'], { cwd: dir });
    expect(none).toMatchObject({ status: 0, stderr: 'safepost: no changed drafts to check\n' });
    const outside = runCli(['check', '--changed'], { cwd: tempFolder({ 'a.md': 'x' }) });
    expect(outside).toMatchObject({ status: 2, stderr: 'safepost: --changed needs a git repository: run it inside one, or give the drafts to check\n' });
    expect(runCli(['check', '--changed', 'no-such-branch'], { cwd: dir }).status).toBe(2);
  });
});
