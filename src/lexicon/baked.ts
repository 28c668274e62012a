import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import { filesIn } from '../drafts/find.js';
import { sha256 } from '../fs/hash.js';
import type { ImageWords } from '../detectors/images.js';
import type { LexiconLists } from './names.js';
import type { Clause, LoadedRule } from '../rules/schema.js';

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
  /** The name lexicon, as lists. */
  lexicon: LexiconLists;
  /** The Porter stems of the built-in rules' phrase words: [word, stem]. */
  stems: Array<[string, string]>;
  /** The words that say what an image shows, as words. */
  imageWords: ImageWords;
}

// Where `npm run build` writes it, and where the GitHub Action's bundle keeps its copy.
const PREBUILT_PLACES = [join(PACKAGE_ROOT, 'dist', 'builtin-data.json'), join(PACKAGE_ROOT, 'action', 'builtin-data.json')];
export const PREBUILT = PREBUILT_PLACES[0];

const fingerprints = new Map<string, string>();

/**
 * What the prebuilt data depends on: every file under rules/ (the name lists of packages are
 * fixed at build time: a newer list arrives with the next build).
 */
export function builtInFingerprint(builtIn: string): string {
  let fingerprint = fingerprints.get(builtIn);
  if (fingerprint === undefined) {
    const files = filesIn(builtIn, () => true);
    fingerprint = sha256(files.map((f) => `${f}\u0000${sha256(readFileSync(join(builtIn, f)))}`).join('\n'));
    fingerprints.set(builtIn, fingerprint);
  }
  return fingerprint;
}

let cached: Prebuilt | null | undefined;

export function readPrebuilt(builtIn: string): Prebuilt | null {
  if (cached !== undefined) return cached;
  cached = null;
  const place = PREBUILT_PLACES.find((p) => existsSync(p));
  if (!place) return null;
  try {
    const data = JSON.parse(readFileSync(place, 'utf8')) as Prebuilt;
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
