import { execFileSync } from 'node:child_process';
import { lstatSync, realpathSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { checkDraftSize, DRAFT_EXTENSIONS, readDraftBytes, UnreadableDraftError } from '../documents/index.js';
import { SafepostError } from '../errors.js';
import type { DraftFile, StagedBlob } from './find.js';
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
 * The staged drafts: each added, copied, modified or renamed path of git's index, with the object
 * that holds its text as it will be committed (from `diff --cached --raw -z`: a status line, then
 * one path, or two for a rename or a copy). On a branch with no commit yet, all of the index.
 */
function stagedFiles(root: string): Array<{ name: string; object: string }> {
  const fields = git(['diff', '--cached', '--raw', '-z', '--no-abbrev', '-M', '--diff-filter=ACMR'], root).split('\0');
  const files: Array<{ name: string; object: string }> = [];
  for (let i = 0; i + 1 < fields.length; ) {
    const [, , , object, status] = fields[i].split(' ');
    const paths = /^[RC]/.test(status ?? '') ? 2 : 1;
    if (object && !/^0+$/.test(object)) files.push({ name: fields[i + paths], object });
    i += 1 + paths;
  }
  return files;
}

/** A staged draft's bytes as git's index holds them, within the size limit for its format. */
function readStaged(path: string, blob: StagedBlob): Buffer {
  let size: number;
  try {
    size = Number(git(['cat-file', '-s', blob.object], blob.repository).trim());
  } catch {
    throw new UnreadableDraftError('its staged copy could not be read from git; stage it again (git add) and check again');
  }
  checkDraftSize(path, size);
  return execFileSync('git', ['cat-file', 'blob', blob.object], { cwd: blob.repository, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: size + 1024 });
}

/** A draft's bytes: as staged when it is checked so, else from the disk. */
export function readDraftFile(draft: DraftFile): Buffer {
  return draft.staged ? readStaged(draft.absolute, draft.staged) : readDraftBytes(draft.absolute);
}

/**
 * Drafts that differ from `ref` (files added, copied, modified or renamed: a deleted draft has
 * nothing to check, a renamed one is checked under its new name), plus new untracked drafts.
 * With no ref: inside a git hook, the staged drafts, read as staged (the text a commit will hold,
 * which may differ from the working tree's); otherwise those changed since the merge base with the
 * default branch. Outside a git repository this is an error (exit 2).
 */
export function changedDrafts(
  ref: string | undefined,
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
  onOutside?: (shown: string) => void,
  /** The staged drafts, as staged, whether or not in a hook. */
  staged = false,
): DraftFile[] {
  const root = tryGit(['rev-parse', '--show-toplevel'], cwd);
  if (!root) throw new SafepostError(`${staged ? '--staged' : '--changed'} needs a git repository: run it inside one, or give the drafts to check`);
  let names: string[];
  const objects = new Map<string, string>();
  if (staged || (ref === undefined && env.GIT_INDEX_FILE)) {
    for (const { name, object } of stagedFiles(root)) objects.set(name, object);
    names = [...objects.keys()];
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
    const object = objects.get(name);
    drafts.set(absolute, object ? { absolute, shown, staged: { object, repository: root } } : { absolute, shown });
  }
  return [...drafts.values()].sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0));
}
