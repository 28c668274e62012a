// Bundles the command line (and the GitHub Action) with esbuild. Node's loader costs about 0.2 s
// to find and compile safepost's modules and its dependencies' hundreds of files one by one; one
// file starts in a third of the time, which every run and every git hook pays.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  if (format === 'cjs') asciiOnly(outfile);
}

/**
 * Escapes the characters beyond ASCII that esbuild leaves in regular expressions, so that the
 * launcher can read the bundle a byte a character (see src/cli/launch.ts). \uXXXX means the same
 * code unit in a string, a regular expression (with or without the u flag) and a name.
 */
function asciiOnly(file: string): void {
  const source = readFileSync(file, 'utf8');
  // After a backslash the escape would change meaning (\é is not \\u00e9): none is expected.
  const escaped = /\\[^\x00-\x7f]/.exec(source);
  if (escaped) throw new Error(`${file}: cannot make ASCII the escaped character at ${escaped.index}`);
  writeFileSync(file, source.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`));
}

// `node dist/build/bundle.js`: the command line's bundle, made by `npm run build`.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  rmSync('dist/bundle', { recursive: true, force: true });
  await bundle({ entry: 'src/cli/main.ts', outfile: 'dist/bundle/safepost.cjs', format: 'cjs' });
}
