import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of safepost's package.json (and its rules/), found by walking up from this module:
 * the same from dist/ when installed and from a single bundled file (the GitHub Action).
 */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'safepost') return dir;
      } catch {
        // not ours
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('safepost cannot find its own package.json');
    dir = parent;
  }
}

export const PACKAGE_ROOT = findRoot();

/** The folder of built-in rules, the policy and the lexicon data shipped with the package. */
export const BUILT_IN_RULES = join(PACKAGE_ROOT, 'rules');
