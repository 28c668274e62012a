import { mkdirSync, readdirSync, symlinkSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDrafts, type SkippedPath } from '../../src/drafts/find.js';
import { filesIn } from '../../src/fs/walk.js';
import { tempFolder } from '../helpers/temp.js';

const isMarkdown = (name: string) => name.endsWith('.md');

/** Lists folders as Node does, except those named `locked`, which fail as a folder without read permission does. */
const lockedFails = (path: string): Dirent[] => {
  if (path.endsWith('locked')) throw Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES', path });
  return readdirSync(path, { withFileTypes: true });
};

describe('walking a folder', () => {
  it('leaves out a folder below the root that cannot be read, says so, and lists the rest', () => {
    const dir = tempFolder({ 'a.md': '', 'locked/b.md': '', 'news/c.md': '', 'news/locked/d.md': '' });
    const unreadable: string[] = [];
    const found = filesIn(dir, isMarkdown, { readFolder: lockedFails, onUnreadable: (folder, error) => unreadable.push(`${folder} ${error.code}`) });
    expect(found).toEqual(['a.md', 'news/c.md']);
    expect(unreadable).toEqual(['locked/ EACCES', 'news/locked/ EACCES']);
    // The root itself unreadable stops the run.
    expect(() => filesIn(join(dir, 'locked'), isMarkdown, { readFolder: lockedFails, onUnreadable: () => {} })).toThrow(/^cannot read the folder .*locked \(EACCES\); check its permissions$/);
  });

  it('follows links inside the root and not out of it', () => {
    const dir = tempFolder({ 'site/a.md': '', 'site/posts/b.md': '', 'elsewhere/secret.md': '', 'elsewhere/more/c.md': '' });
    const site = join(dir, 'site');
    symlinkSync('posts/b.md', join(site, 'inside.md'));
    symlinkSync('posts', join(site, 'also-posts'));
    symlinkSync('../elsewhere/secret.md', join(site, 'outside.md'));
    symlinkSync('../elsewhere/more', join(site, 'outside-folder'));
    symlinkSync('/etc/hostname', join(site, 'not-a-draft'));
    const outside: string[] = [];
    const found = filesIn(site, isMarkdown, { onOutside: (link) => outside.push(link) });
    // also-posts/ is posts/ reached again: walked once, under the first name.
    expect(found).toEqual(['a.md', 'also-posts/b.md', 'inside.md']);
    expect(outside).toEqual(['outside-folder', 'outside.md']);
  });

  it('resolveDrafts reports what it leaves out, for folders and globs alike, and checks a link named on the command line', () => {
    const dir = tempFolder({ 'site/a.md': '', 'site/locked/b.md': '', 'elsewhere/secret.md': '' });
    symlinkSync('../elsewhere/secret.md', join(dir, 'site', 'outside.md'));
    const walk = (args: string[]) => {
      const skipped: SkippedPath[] = [];
      const drafts = resolveDrafts(args, dir, [], { readFolder: lockedFails, onSkipped: (s) => skipped.push(s) });
      return { drafts: drafts.map((d) => d.shown), skipped: skipped.map((s) => `${s.kind} ${s.shown}: ${s.message}`) };
    };
    const expected = [
      'unreadable site/locked/: cannot read this folder (EACCES), so the drafts in it were not checked; check its permissions',
      'outside site/outside.md: skipped link site/outside.md: it points outside the checked folder (give it on the command line to check it)',
    ];
    expect(walk(['site'])).toEqual({ drafts: ['site/a.md'], skipped: expected });
    expect(walk(['site/**/*.md'])).toEqual({ drafts: ['site/a.md'], skipped: expected });
    expect(walk(['site/outside.md'])).toEqual({ drafts: ['site/outside.md'], skipped: [] });
    // The folder a glob starts from locked: the check cannot run.
    expect(() => walk(['site/locked/*.md'])).toThrow(/^cannot read the folder .*site\/locked \(EACCES\); check its permissions$/);
    // Nothing readable but a locked folder: the run goes on, to report it.
    mkdirSync(join(dir, 'only'));
    mkdirSync(join(dir, 'only', 'locked'));
    expect(walk(['only'])).toEqual({ drafts: [], skipped: ['unreadable only/locked/: cannot read this folder (EACCES), so the drafts in it were not checked; check its permissions'] });
  });
});
