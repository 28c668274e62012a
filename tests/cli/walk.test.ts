import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

const NO_CONFIG = ['--config', join(import.meta.dirname, '..', 'helpers', 'empty.config.yaml')];

// Root reads any folder whatever its mode: as root, the command runs as "nobody", for whom a
// folder of mode 000 is locked as it is for a user.
const asRoot = process.getuid?.() === 0;
const shared: string[] = [];
afterAll(() => shared.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function folderAnyoneReads(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'safepost-walk-'));
  shared.push(dir);
  chmodSync(dir, 0o755);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true, mode: 0o755 });
    writeFileSync(join(dir, path), content, { mode: 0o644 });
  }
  return dir;
}

function runLocked(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd, NO_COLOR: '1', NODE_DISABLE_COMPILE_CACHE: '1' },
    encoding: 'utf8',
    ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('walking the folders given', () => {
  it('a locked folder below the one checked is an error for that folder, and the other drafts are checked', () => {
    const dir = folderAnyoneReads({ 'site/a.md': 'Our SATs results are in.\n', 'site/locked/b.md': 'hello\n', 'site/news/c.md': 'hello\n', 'empty.config.yaml': '{}\n' });
    chmodSync(join(dir, 'site', 'locked'), 0);
    try {
      const json = runLocked(['check', 'site', '-f', 'json', '--config', 'empty.config.yaml'], dir);
      expect(json.status).toBe(1);
      expect(json.stderr).toBe('safepost: site/locked/: cannot read this folder (EACCES), so the drafts in it were not checked; check its permissions\n');
      const report = JSON.parse(json.stdout);
      expect(report.files.map((f: { path: string }) => f.path)).toEqual(['site/locked/', 'site/a.md', 'site/news/c.md']);
      expect(report.files[0]).toEqual({ path: 'site/locked/', channel: 'official', findings: [], error: 'cannot read this folder (EACCES), so the drafts in it were not checked; check its permissions' });
      // The drafts around it are checked (a.md's warning); the folder not checked fails the check.
      expect(report.summary).toMatchObject({ files: 3, errors: 0, warnings: 1, fileErrors: 1 });
      // The folder checked itself locked: the check cannot run.
      const root = runLocked(['check', 'site/locked', '--config', 'empty.config.yaml'], dir);
      expect(root.status).toBe(2);
      expect(root.stderr).toMatch(/^safepost: cannot read the folder .*site\/locked \(EACCES\); check its permissions\n$/);
    } finally {
      chmodSync(join(dir, 'site', 'locked'), 0o755);
    }
  });

  it('does not follow a link out of the folder checked, unless the file is named', () => {
    const dir = tempFolder({ 'site/a.md': 'Our SATs results are in.\n', 'private/notes.md': 'Zoe Smith in Year 5 has a detention.\n' });
    symlinkSync('../private/notes.md', join(dir, 'site', 'notes.md'));
    symlinkSync('a.md', join(dir, 'site', 'same.md'));
    for (const args of [['site'], ['site/**/*.md']]) {
      const r = runCli(['check', ...args, '-f', 'html', '-o', 'report.html', ...NO_CONFIG], { cwd: dir });
      expect(r.stderr).toBe('safepost: skipped link site/notes.md: it points outside the checked folder (give it on the command line to check it)\n');
      expect(r.status).toBe(0);
      const html = readFileSync(join(dir, 'report.html'), 'utf8');
      expect(html).not.toContain('detention');
      expect(html).toContain('SATs');
    }
    const named = runCli(['check', 'site/notes.md', '-f', 'json', ...NO_CONFIG], { cwd: dir });
    expect(named.stderr).toBe('');
    expect(JSON.parse(named.stdout).files[0].path).toBe('site/notes.md');
  });
});
