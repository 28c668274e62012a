import { execFileSync } from 'node:child_process';
import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';
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

  it('reads a staged draft as staged, not as the working tree has it, with positions in the staged text', () => {
    const { dir, git } = repo({ 'a.md': 'Fine.' });
    writeFileSync(join(dir, 'fair.md'), 'Summer fair.\nCall me on 07700 900123.\n');
    git('add', 'fair.md');
    // Taken out of the working file, but still in what will be committed.
    writeFileSync(join(dir, 'fair.md'), 'Summer fair.\n');
    for (const args of [['--staged'], ['--changed']]) {
      const r = runCli(['check', ...args, '--format', 'json'], { cwd: dir, env: args[0] === '--changed' ? { GIT_INDEX_FILE: join(dir, '.git', 'index') } : {} });
      expect(r.status).toBe(1);
      const [file] = JSON.parse(r.stdout).files;
      expect(file.findings.map((f: { ruleId: string; line: number; column: number }) => [f.ruleId, f.line, f.column])).toEqual([['personal-phone-number', 2, 12]]);
    }
    // The report for people shows the staged text's lines too.
    expect(runCli(['check', '--staged'], { cwd: dir }).stdout).toMatch(/^ {2}2:12 +error +Personal mobile number \*\*\* 123/m);
  });

  it('stops a commit in a pre-commit hook when the staged text breaks the policy', () => {
    const { dir, git } = repo({ 'a.md': 'Fine.' });
    const hook = join(dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" check --changed\n`, { mode: 0o755 });
    writeFileSync(join(dir, 'fair.md'), 'Call me on 07700 900123.\n');
    git('add', 'fair.md');
    writeFileSync(join(dir, 'fair.md'), 'Nothing to see.\n');
    expect(() => execFileSync('git', ['commit', '-q', '-m', 'fair'], { cwd: dir, stdio: 'pipe' })).toThrow(/Personal mobile number/);
    // Staged clean, it commits.
    git('add', 'fair.md');
    execFileSync('git', ['commit', '-q', '-m', 'fair'], { cwd: dir, stdio: 'pipe' });
  });

  it('--staged: says so when nothing is staged, works before the first commit, and refuses a ref beside it', () => {
    const dir = tempFolder({ 'a.md': 'Budget cuts.' });
    execFileSync('git', ['init', '-q'], { cwd: dir });
    expect(runCli(['check', '--staged'], { cwd: dir })).toMatchObject({ status: 0, stderr: 'safepost: no staged drafts to check\n' });
    execFileSync('git', ['add', 'a.md'], { cwd: dir });
    expect(paths(runCli(['check', '--staged', '--format', 'json'], { cwd: dir }).stdout)).toEqual(['a.md']);
    expect(runCli(['check', '--staged', '--changed', 'HEAD'], { cwd: dir })).toMatchObject({ status: 2, stderr: 'safepost: --staged checks what is staged: give it or --changed REF, not both\n' });
    expect(runCli(['check', '--staged'], { cwd: tempFolder({ 'a.md': 'x' }) })).toMatchObject({ status: 2, stderr: 'safepost: --staged needs a git repository: run it inside one, or give the drafts to check\n' });
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
