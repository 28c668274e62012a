import { execFileSync } from 'node:child_process';
import { lstatSync, realpathSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { DRAFT_EXTENSIONS } from '../documents/index.js';
import { SafepostError } from '../errors.js';
import type { DraftFile } from './find.js';
import { shownPath } from '../text/shown-path.js';
import { isWithin } from '../fs/walk.js';

function git(args: string[], cwd: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
}

function tryGit(args: string[], cwd: string): string | null {
  try {
    return git(args, cwd).trim();
  } catch {
    return null;
  }
}

/** The branch a pull request would merge into: origin's default, else main or master. */
function defaultBranch(cwd: string): string | null {
  const remote = tryGit(['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD'], cwd);
  if (remote) return remote.replace(/^refs\/remotes\//, '');
  for (const name of ['main', 'master']) if (tryGit(['rev-parse', '--verify', '--quiet', name], cwd) !== null) return name;
  return null;
}

const nul = (out: string) => out.split('\0').filter(Boolean);

/**
 * Drafts that differ from `ref` (files added, copied, modified or renamed: a deleted draft has
 * nothing to check, a renamed one is checked under its new name), plus new untracked drafts.
 * With no ref: inside a git hook, the staged drafts; otherwise those changed since the merge base
 * with the default branch. Outside a git repository this is an error (exit 2).
 */
export function changedDrafts(ref: string | undefined, cwd: string, env: NodeJS.ProcessEnv = process.env, onOutside?: (shown: string) => void): DraftFile[] {
  const root = tryGit(['rev-parse', '--show-toplevel'], cwd);
  if (!root) throw new SafepostError('--changed needs a git repository: run it inside one, or give the drafts to check');
  let names: string[];
  if (ref === undefined && env.GIT_INDEX_FILE) {
    names = nul(git(['diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z'], root));
  } else {
    let base = ref;
    if (base === undefined) {
      const branch = defaultBranch(root);
      base = (branch && tryGit(['merge-base', 'HEAD', branch], root)) || 'HEAD';
    }
    if (tryGit(['rev-parse', '--verify', '--quiet', `${base}^{commit}`], root) === null) {
      throw new SafepostError(`--changed: "${base}" is not a commit, branch or tag in this repository`);
    }
    names = [
      ...nul(git(['diff', '--name-only', '--diff-filter=ACMR', '-z', base], root)),
      ...nul(git(['ls-files', '--others', '--exclude-standard', '-z'], root)),
    ];
  }
  const drafts = new Map<string, DraftFile>();
  let realRoot: string | undefined;
  for (const name of names) {
    if (!(extname(name).toLowerCase() in DRAFT_EXTENSIONS)) continue;
    const absolute = resolve(root, name);
    const shown = shownPath(absolute, cwd);
    // A committed link out of the repository is not followed, as in a folder's walk.
    if (lstatSync(absolute, { throwIfNoEntry: false })?.isSymbolicLink()) {
      realRoot ??= realpathSync.native(root);
      let real: string | undefined;
      try {
        real = realpathSync.native(absolute);
      } catch {
        // A link to nothing: read, and reported as missing, as before.
      }
      if (real && !isWithin(real, realRoot)) {
        onOutside?.(shown);
        continue;
      }
    }
    drafts.set(absolute, { absolute, shown });
  }
  return [...drafts.values()].sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0));
}
