import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { SafepostError } from '../errors.js';
import { isWithin } from './walk.js';

/** The files of patterns read in each folder, with .gitignore's syntax. */
export const IGNORE_FILES = ['.gitignore', '.safepostignore'];

/** Patterns that apply under one folder. */
interface Scope {
  base: string;
  rules: Ignore;
}

const toPosix = (path: string) => (sep === '/' ? path : path.split(sep).join('/'));

/**
 * Which paths the ignore files leave out, as git does: each folder's .gitignore and .safepostignore
 * apply to the paths under it, a deeper file's patterns over a shallower one's (so `!keep.md` in a
 * folder takes back what its parent left out), and nothing in a folder left out is checked. The
 * files are read from the top of the git repository (or, outside one, from `cwd`) down to each
 * path's folder, each once a run. `extra` (the config's `ignores:`) leaves out whatever it matches.
 */
export class IgnoreFiles {
  private readonly scopes = new Map<string, Scope | null>();
  private readonly tops = new Map<string, string>();
  private readonly verdicts = new Map<string, boolean>();
  /** Whether some path was left out: a run that finds no draft says why. */
  ignoredAny = false;

  constructor(
    private readonly cwd: string,
    private readonly extra?: Scope,
  ) {}

  /** The config's `ignores:` patterns, relative to its folder (`file` names it in messages). */
  static patterns(base: string, patterns: string[], file: string): Scope {
    try {
      return { base, rules: ignore().add(patterns) };
    } catch (error) {
      throw new SafepostError(`${file}: ignores: ${(error as Error).message}`);
    }
  }

  /** Whether `absolute` (a folder when `folder`) is left out, or a folder above it is. */
  ignores(absolute: string, folder = false): boolean {
    const known = this.verdicts.get(absolute);
    if (known !== undefined) return known;
    const parent = dirname(absolute);
    const top = this.topOf(parent);
    let verdict = parent !== absolute && parent !== top && isWithin(parent, top) && this.ignores(parent, true);
    if (!verdict) verdict = this.matches(absolute, folder, top);
    this.verdicts.set(absolute, verdict);
    if (verdict) this.ignoredAny = true;
    return verdict;
  }

  private matches(absolute: string, folder: boolean, top: string): boolean {
    const test = (scope: Scope) => {
      const path = toPosix(relative(scope.base, absolute));
      if (path === '' || path.startsWith('..')) return null;
      return scope.rules.test(folder ? `${path}/` : path);
    };
    if (this.extra && test(this.extra)?.ignored) return true;
    // The nearest folder's patterns first: the first that says ignored or not ignored decides.
    for (let dir = dirname(absolute); ; dir = dirname(dir)) {
      const scope = this.scopeOf(dir);
      const result = scope && test(scope);
      if (result?.ignored) return true;
      if (result?.unignored) return false;
      if (dir === top || dirname(dir) === dir) return false;
    }
  }

  /** The patterns of a folder's ignore files, or null when it has none. */
  private scopeOf(dir: string): Scope | null {
    let scope = this.scopes.get(dir);
    if (scope !== undefined) return scope;
    scope = null;
    for (const name of IGNORE_FILES) {
      const file = join(dir, name);
      if (!existsSync(file)) continue;
      let text: string;
      try {
        if (!statSync(file).isFile()) continue;
        text = readFileSync(file, 'utf8');
      } catch {
        // Unreadable: as git does, its patterns are not used.
        continue;
      }
      scope ??= { base: dir, rules: ignore() };
      scope.rules.add(text);
    }
    this.scopes.set(dir, scope);
    return scope;
  }

  private readonly roots: string[] = [];

  /** A folder being walked: outside a repository and `cwd`, its ignore files apply to all below it. */
  addRoot(folder: string): void {
    if (this.roots.includes(folder)) return;
    // The outermost first: a folder walked inside another takes the other's patterns too.
    this.roots.push(folder);
    this.roots.sort((a, b) => a.length - b.length);
    this.tops.clear();
    this.verdicts.clear();
  }

  /** The top of the git repository holding `dir`; outside one, `cwd` or the folder walked that holds it, else `dir` itself. */
  private topOf(dir: string): string {
    let top = this.tops.get(dir);
    if (top === undefined) {
      top = this.repositoryOf(dir) ?? (isWithin(dir, this.cwd) ? this.cwd : (this.roots.find((root) => isWithin(dir, root)) ?? dir));
      this.tops.set(dir, top);
    }
    return top;
  }

  private readonly repositories = new Map<string, string | null>();

  private repositoryOf(dir: string): string | null {
    let repository = this.repositories.get(dir);
    if (repository === undefined) {
      const parent = dirname(dir);
      repository = existsSync(join(dir, '.git')) ? dir : parent === dir ? null : this.repositoryOf(parent);
      this.repositories.set(dir, repository);
    }
    return repository;
  }
}
