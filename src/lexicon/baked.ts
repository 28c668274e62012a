import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_IN_RULES, PACKAGE_ROOT } from '../package-root.js';
import { sha256 } from '../fs/hash.js';
import { filesIn } from '../fs/walk.js';

/**
 * The built-in data as `npm run build` last read and checked it (the rules, the clauses, the
 * name lexicon, the image words), so that a run need not parse some forty YAML files and two
 * name lists, about a quarter of the start-up. Each part is a section, typed by the module that
 * owns it. Used only while the files under rules/ are as they were built.
 */
type Baked = { fingerprint: string } & Record<string, unknown>;

// Where `npm run build` writes it, and where the GitHub Action's bundle keeps its copy.
const PLACES = [join(PACKAGE_ROOT, 'dist', 'builtin-data.json'), join(PACKAGE_ROOT, 'action', 'builtin-data.json')];
export const BAKED_FILE = PLACES[0];

let fingerprint: string | undefined;

/** What the baked data depends on: every file under rules/ (package word lists are fixed at build time). */
export function builtInFingerprint(): string {
  fingerprint ??= sha256(
    filesIn(BUILT_IN_RULES, () => true)
      .map((f) => `${f}\u0000${sha256(readFileSync(join(BUILT_IN_RULES, f)))}`)
      .join('\n'),
  );
  return fingerprint;
}

let baked: Baked | null | undefined;

/** One section of the baked data, or undefined when there is none or rules/ changed since the build. */
export function bakedSection<T>(name: string): T | undefined {
  if (baked === undefined) {
    baked = null;
    const place = PLACES.find((p) => existsSync(p));
    try {
      const data = place ? (JSON.parse(readFileSync(place, 'utf8')) as Baked) : null;
      if (data?.fingerprint === builtInFingerprint()) baked = data;
    } catch {
      // Unreadable: the YAML is read instead.
    }
  }
  return baked?.[name] as T | undefined;
}

export function writeBaked(sections: Record<string, unknown>): void {
  writeFileSync(BAKED_FILE, JSON.stringify({ ...sections, fingerprint: builtInFingerprint() }));
}
