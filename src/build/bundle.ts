// Bundles the command line (and the GitHub Action) with esbuild. Node's loader costs about 0.2 s
// to find and compile safepost's modules and its dependencies' hundreds of files one by one; one
// file starts in a third of the time, which every run and every git hook pays.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export interface BundleOptions {
  entry: string;
  outfile: string;
  /**
   * `esm` for the Action (one file that runs without an install); `cjs` for the command line,
   * which is run as a script so that V8 can keep its compiled code (see src/cli/launch.ts).
   */
  format: 'esm' | 'cjs';
}

export async function bundle({ entry, outfile, format }: BundleOptions): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format,
    target: 'node20',
    legalComments: 'none',
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
    ...(format === 'esm'
      ? // CommonJS dependencies call require(); give the bundle one.
        { banner: { js: "import { createRequire as safepostRequire } from 'node:module'; const require = safepostRequire(import.meta.url);" } }
      : // A script has no import.meta: the bundle's own file stands in for it.
        {
          define: { 'import.meta.url': 'safepostModuleUrl', 'import.meta.resolve': 'safepostResolve' },
          banner: {
            js: "var safepostModuleUrl = require('node:url').pathToFileURL(__filename).href; var safepostResolve = (name) => require('node:url').pathToFileURL(require.resolve(name)).href;",
          },
        }),
  });
}

// `node dist/build/bundle.js`: the command line's bundle, made by `npm run build`.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  rmSync('dist/bundle', { recursive: true, force: true });
  await bundle({ entry: 'src/cli/main.ts', outfile: 'dist/bundle/safepost.cjs', format: 'cjs' });
}
