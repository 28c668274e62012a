import { existsSync, statSync } from 'node:fs';
import { join, normalize, relative, resolve } from 'node:path';
import fg from 'fast-glob';
import picomatch from 'picomatch';
import { DRAFT_EXTENSIONS } from '../documents/index.js';
import { SafepostError } from '../errors.js';

// `~$name.docx` is the lock file Word keeps beside a document while it is open.
const IGNORE = ['**/node_modules/**', '**/.git/**', '**/~$*'];
const DRAFT_GLOB = `**/*.{${Object.keys(DRAFT_EXTENSIONS)
  .map((e) => e.slice(1))
  .join(',')}}`;

export interface DraftFile {
  /** Absolute path, to read. */
  absolute: string;
  /** As given on the command line (or under a folder as given), with forward slashes, to show. */
  shown: string;
}

function toPosix(path: string): string {
  return path.split('\\').join('/');
}

/**
 * A test for `--exclude` globs, matched against paths relative to `cwd`; a pattern without a
 * wildcard also excludes everything under it, as in .gitignore ("content/archive").
 */
export function excluder(patterns: string[], cwd: string): (absolute: string) => boolean {
  if (patterns.length === 0) return () => false;
  const globs = patterns.flatMap((p) => {
    const pattern = toPosix(p).replace(/^\.\//, '').replace(/\/+$/, '');
    return [pattern, `${pattern}/**`];
  });
  const matches = picomatch(globs, { dot: true });
  return (absolute) => matches(toPosix(relative(cwd, absolute)));
}

/**
 * Turns the paths, folders and globs of a command line into a sorted list of drafts.
 * A folder is walked for draft extensions; a missing path or a glob that matches nothing
 * stops the run (exit 2), as a silently skipped draft would pass unchecked.
 */
export function resolveDrafts(args: string[], cwd = process.cwd(), exclude: string[] = []): DraftFile[] {
  const found = new Map<string, DraftFile>();
  const excluded = excluder(exclude, cwd);
  let excludedCount = 0;
  // Shown as the user wrote it: a path as given, files in a folder under the folder as given.
  const add = (absolute: string, shown: string) => {
    if (excluded(absolute)) excludedCount++;
    else if (!found.has(absolute)) found.set(absolute, { absolute, shown: toPosix(normalize(shown)) });
  };
  const emptyFolders: string[] = [];
  for (const arg of args) {
    const absolute = resolve(cwd, arg);
    if (existsSync(absolute)) {
      const stat = statSync(absolute);
      if (stat.isDirectory()) {
        const inside = fg.sync(DRAFT_GLOB, {
          cwd: absolute,
          absolute: true,
          ignore: IGNORE,
          caseSensitiveMatch: false,
          onlyFiles: true,
        });
        if (inside.length === 0) emptyFolders.push(arg);
        for (const file of inside) add(resolve(file), join(arg, relative(absolute, file)));
      } else {
        add(absolute, arg);
      }
      continue;
    }
    if (fg.isDynamicPattern(arg)) {
      const matched = fg.sync(toPosix(arg), { cwd, ignore: IGNORE, onlyFiles: true });
      if (matched.length === 0) throw new SafepostError(`no files match "${arg}"; check the pattern and quote it so the shell does not expand it`);
      for (const file of matched) add(resolve(cwd, file), file);
      continue;
    }
    throw new SafepostError(`${arg}: no such file or folder`);
  }
  if (found.size === 0 && excludedCount > 0) {
    throw new SafepostError(`every draft in ${args.join(', ')} is excluded by --exclude ${exclude.join(' ')}`);
  }
  if (found.size === 0) {
    const where = emptyFolders.length ? emptyFolders.join(', ') : args.join(', ');
    throw new SafepostError(
      `no drafts found in ${where} (safepost reads ${Object.keys(DRAFT_EXTENSIONS).join(' ')} files)`,
    );
  }
  return [...found.values()].sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0));
}
