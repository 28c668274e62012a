// Bundles the command line (and the GitHub Action) into a few files with esbuild. Node's loader
// costs about 0.2 s to find and compile safepost's modules and its dependencies' hundreds of files
// one by one; a bundle starts in half the time, which every run and every git hook pays.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export interface BundleOptions {
  entry: string;
  /** One file with everything (the Action, which runs without an install). */
  outfile?: string;
  /** A folder: the entry and, apart, the modules loaded only when needed (Word, photos, phone data). */
  outdir?: string;
}

export async function bundle({ entry, outfile, outdir }: BundleOptions): Promise<void> {
  await build({
    entryPoints: [entry],
    ...(outdir ? { outdir, splitting: true, chunkNames: 'chunks/[name]-[hash]' } : { outfile }),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    legalComments: 'none',
    // CommonJS dependencies call require(); give the bundle one.
    banner: { js: "import { createRequire as safepostRequire } from 'node:module'; const require = safepostRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

// `node dist/build/bundle.js`: the command line's bundle, made by `npm run build`.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundle({ entry: 'src/cli/entry.ts', outdir: 'dist/bundle' });
}
