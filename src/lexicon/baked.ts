import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants as zlib } from 'node:zlib';
import { BUILT_IN_RULES, PACKAGE_ROOT } from '../package-root.js';
import { SafepostError } from '../errors.js';
import { sha256 } from '../fs/hash.js';
import { shownPath } from '../text/shown-path.js';
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
  const section = baked?.[name];
  return (isPacked(section) ? unpackSection(section) : section) as T | undefined;
}

/** Text stored brotli-compressed: sorted name lists pack to a fifth, the rules' JSON to a sixth. */
export interface Packed {
  brotli: string;
}

export const isPacked = (value: unknown): value is Packed =>
  typeof value === 'object' && value !== null && typeof (value as { brotli?: unknown }).brotli === 'string' && Object.keys(value).length === 1;

/** Compresses text for the baked data; unpacking it costs about a millisecond. */
export function packText(text: string): Packed {
  return { brotli: brotliCompressSync(text, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: text.length } }).toString('base64') };
}

export function unpackText(packed: Packed): string {
  return brotliDecompressSync(Buffer.from(packed.brotli, 'base64')).toString('utf8');
}

/** A large section of the baked data, packed whole. */
export const packSection = (section: unknown): Packed => packText(JSON.stringify(section));
export const unpackSection = (section: Packed): unknown => JSON.parse(unpackText(section));

export function writeBaked(sections: Record<string, unknown>): void {
  writeFileSync(BAKED_FILE, JSON.stringify({ ...sections, fingerprint: builtInFingerprint() }));
}

/**
 * The packages the name and word lists come from are read by `npm run build` only, which bakes
 * them into dist/builtin-data.json; they are not bundled, and an installed safepost has none of
 * them. Without current baked data (missing, or rules/ changed since) say what to do.
 */
export function fromBuildPackage<T>(what: string, load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (!['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    throw new SafepostError(
      `the built-in ${what} (${shownPath(BAKED_FILE)}) are missing or older than ${shownPath(BUILT_IN_RULES)}/: reinstall safepost, or in a clone of it run "npm run build"`,
    );
  }
}
