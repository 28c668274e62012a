import { existsSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { normalize, relative, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import picomatch from 'picomatch';
import { DRAFT_EXTENSIONS } from '../documents/index.js';
import { SafepostError } from '../errors.js';
import { filesIn, isWithin } from '../fs/walk.js';
import { globMatcher } from '../fs/globs.js';
import type { IgnoreFiles } from '../fs/ignore-files.js';

// `~$name.docx` is the lock file Word keeps beside a document while it is open.
const IGNORE = ['**/node_modules/**', '**/.git/**', '**/~$*'];

export interface DraftFile {
  /** Absolute path, to read. */
  absolute: string;
  /** As given on the command line (or under a folder as given), with forward slashes, to show. */
  shown: string;
  /** Checked as staged for the next commit (in a git hook, or with --staged), not as in the working tree. */
  staged?: StagedBlob;
  /** The draft's bytes, when they are not on disk as it is to be checked (a copy being made). */
  bytes?: Uint8Array;
}

/** A draft's text in git's index: its object, read with git in its repository. */
export interface StagedBlob {
  object: string;
  repository: string;
}

const isDraftName = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot > 0 && Object.hasOwn(DRAFT_EXTENSIONS, name.slice(dot).toLowerCase()) && !name.startsWith('~$');
};

function toPosix(path: string): string {
  return path.split('\\').join('/');
}

/**
 * A test for `--exclude` globs, matched against paths relative to `cwd`; a pattern without a
 * wildcard also excludes everything under it, as in .gitignore ("content/archive").
 */
export function excluder(patterns: string[], cwd: string): (absolute: string) => boolean {
  return patterns.length === 0 ? () => false : globMatcher(patterns, cwd);
}

/** A folder or a link a walk left out, and why, for the run's output. */
export interface SkippedPath {
  /** As the drafts in it would be shown; a folder ends with a slash. */
  shown: string;
  /** `unreadable`: its drafts were not checked, which fails the check; `outside`: a link out of the folder checked, not followed. */
  kind: 'unreadable' | 'outside';
  message: string;
}

export interface ResolveOptions {
  /** Each folder or link left out; without it, a folder that cannot be read stops the run. */
  onSkipped?: (skipped: SkippedPath) => void;
  /** Lists a folder (tests make folders fail this way). */
  readFolder?: (path: string) => Dirent[];
  /** The ignore files (and the config's `ignores:`) that folders and globs are walked by; a draft named on its own is always checked. */
  ignore?: IgnoreFiles;
}

const IGNORED_BY = '.gitignore, .safepostignore or the config\'s ignores:';
const NO_IGNORE = '; give --no-ignore to check them';

export const outsideMessage = (shown: string) => `skipped link ${shown}: it points outside the checked folder (give it on the command line to check it)`;
const unreadableMessage = (error: NodeJS.ErrnoException) =>
  `cannot read this folder (${error.code ?? 'error'}), so the drafts in it were not checked; check its permissions`;

/**
 * Turns the paths, folders and globs of a command line into a sorted list of drafts.
 * A folder is walked for draft extensions; a missing path or a glob that matches nothing
 * stops the run (exit 2), as a silently skipped draft would pass unchecked.
 */
export function resolveDrafts(args: string[], cwd = process.cwd(), exclude: string[] = [], options: ResolveOptions = {}): DraftFile[] {
  const { readFolder, ignore } = options;
  const ignored = ignore && ((path: string, folder: boolean) => ignore.ignores(path, folder));
  // A folder that could not be read is a result of the run: with none found, the run still reports it.
  let unreadableCount = 0;
  const onSkipped =
    options.onSkipped &&
    ((skipped: SkippedPath) => {
      if (skipped.kind === 'unreadable') unreadableCount++;
      options.onSkipped!(skipped);
    });
  const found = new Map<string, DraftFile>();
  const excluded = excluder(exclude, cwd);
  let excludedCount = 0;
  // Shown as the user wrote it: a path as given, files in a folder under the folder as given.
  const add = (absolute: string, shown: string, tidy = true) => {
    if (excluded(absolute)) excludedCount++;
    else if (!found.has(absolute)) found.set(absolute, { absolute, shown: tidy ? toPosix(normalize(shown)) : shown });
  };
  const emptyFolders: string[] = [];
  for (const arg of args) {
    const absolute = resolve(cwd, arg);
    if (existsSync(absolute)) {
      const stat = statSync(absolute);
      if (stat.isDirectory()) {
        ignore?.addRoot(absolute);
        const shownFolder = toPosix(normalize(arg)).replace(/\/$/, '');
        const shownBase = shownFolder === '.' ? '' : `${shownFolder}/`;
        let skips = 0;
        const inside = filesIn(absolute, isDraftName, {
          readFolder,
          ignored,
          onUnreadable: onSkipped && ((folder, error) => (skips++, onSkipped({ shown: shownBase + folder, kind: 'unreadable', message: unreadableMessage(error) }))),
          onOutside: onSkipped && ((link) => (skips++, onSkipped({ shown: shownBase + link, kind: 'outside', message: outsideMessage(shownBase + link) }))),
        });
        if (inside.length === 0 && skips === 0) emptyFolders.push(arg);
        // Joined by hand: the walk's paths are already clean, and join() costs on every draft.
        const base = absolute.endsWith(sep) ? absolute : absolute + sep;
        for (const file of inside) add(base + (sep === '/' ? file : file.split('/').join(sep)), shownBase + file, false);
      } else {
        add(absolute, arg);
      }
      continue;
    }
    if (fg.isDynamicPattern(arg)) {
      const pattern = toPosix(arg);
      // The folder the pattern starts from is the one checked: a link out of it is not followed.
      const globRoot = resolve(cwd, picomatch.scan(pattern).base || '.');
      ignore?.addRoot(globRoot);
      let realRoot: string | undefined;
      try {
        realRoot = realpathSync.native(globRoot);
      } catch {
        // Nothing there: the pattern matches nothing.
      }
      let skips = 0;
      const list = readFolder ?? ((path: string) => readdirSync(path, { withFileTypes: true }));
      let matched: string[];
      try {
        matched = fg.sync(pattern, {
          cwd,
          ignore: IGNORE,
          onlyFiles: true,
          fs: {
            // As in a folder's walk: a folder below the start that cannot be read is left out and said.
            readdirSync: ((path: string, how?: { withFileTypes?: boolean }) => {
              try {
                const entries = list(path);
                return how?.withFileTypes ? entries : entries.map((entry) => entry.name);
              } catch (error) {
                const code = (error as NodeJS.ErrnoException).code;
                if (code === 'ENOENT' || !onSkipped || resolve(cwd, path) === globRoot) throw error;
                skips++;
                onSkipped({ shown: `${toPosix(relative(cwd, resolve(cwd, path)))}/`, kind: 'unreadable', message: unreadableMessage(error as NodeJS.ErrnoException) });
                return [];
              }
            }) as unknown as typeof readdirSync,
          },
        });
      } catch (error) {
        const { code, path } = error as NodeJS.ErrnoException;
        if (!code || !path) throw error;
        throw new SafepostError(`cannot read the folder ${path} (${code}); check its permissions`);
      }
      if (matched.length === 0 && skips === 0) throw new SafepostError(`no files match "${arg}"; check the pattern and quote it so the shell does not expand it`);
      const kept = ignore ? matched.filter((file) => !ignore.ignores(resolve(cwd, file))) : matched;
      if (kept.length === 0 && matched.length > 0) throw new SafepostError(`every file that "${arg}" matches is left out by ${IGNORED_BY}${NO_IGNORE}`);
      // A link back up the tree makes the glob walk find a draft again further down: once each.
      const reals = new Set<string>();
      for (const file of kept) {
        const absolute = resolve(cwd, file);
        const real = realpathSync.native(absolute);
        if (reals.has(real)) continue;
        reals.add(real);
        if (realRoot && !isWithin(real, realRoot)) {
          onSkipped?.({ shown: file, kind: 'outside', message: outsideMessage(file) });
          skips++;
          continue;
        }
        add(absolute, file);
      }
      continue;
    }
    throw new SafepostError(`${arg}: no such file or folder`);
  }
  if (found.size === 0 && unreadableCount > 0) return [];
  if (found.size === 0 && excludedCount > 0) {
    throw new SafepostError(`every draft in ${args.join(', ')} is excluded by --exclude ${exclude.join(' ')}`);
  }
  if (found.size === 0) {
    const where = emptyFolders.length ? emptyFolders.join(', ') : args.join(', ');
    if (ignore?.ignoredAny) throw new SafepostError(`no drafts found in ${where} but those left out by ${IGNORED_BY}${NO_IGNORE}`);
    throw new SafepostError(
      `no drafts found in ${where} (safepost reads ${Object.keys(DRAFT_EXTENSIONS).join(' ')} files)`,
    );
  }
  return [...found.values()].sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0));
}
