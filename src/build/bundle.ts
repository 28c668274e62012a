// Bundles the package (and the GitHub Action) with esbuild, so that an install needs no
// dependencies. Node's loader costs about 0.2 s to find and compile safepost's modules and its
// dependencies' hundreds of files one by one; a few files start in a fraction of the time, which
// every run and every git hook pays.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { build, type BuildOptions, type Plugin } from 'esbuild';

/**
 * zod's API object carries its messages in some forty languages, a sixth of the bundle that
 * every start would parse; safepost's messages are English, so only zod's English is kept.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, ({ importer }) =>
      /[\\/]zod[\\/]/.test(importer) ? { path: 'zod-locales', namespace: 'safepost' } : undefined,
    );
    build.onLoad({ filter: /^zod-locales$/, namespace: 'safepost' }, () => ({
      contents: "export { default as en } from 'zod/v4/locales/en.js';",
      resolveDir: process.cwd(),
    }));
  },
};

/**
 * The tagger's English model is 3.5 MB of JSON: bundled as it is, it would be most of the package.
 * Each of its files is kept compressed (a quarter of the size) and read when the linguistic layer
 * is first used. Its sentiment model, which nothing runs, is swapped for the smallest machine of
 * the model: wink builds every machine on start, so there must be one.
 */
const compressedWinkModel: Plugin = {
  name: 'compressed-wink-model',
  setup(build) {
    build.onLoad({ filter: /wink-eng-lite-web-model[\\/]dist[\\/]languages[\\/].*\.json$/ }, ({ path }) => {
      const file = path.endsWith('eng-sa-model.json') ? path.replace('eng-sa-model.json', 'eng-negation-model.json') : path;
      const json = JSON.stringify(JSON.parse(readFileSync(file, 'utf8')));
      if (json.length < 20_000) return { contents: `module.exports = ${json};`, loader: 'js' };
      const packed = brotliCompressSync(json, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: json.length } });
      return {
        contents: `module.exports = JSON.parse(require('node:zlib').brotliDecompressSync(Buffer.from('${packed.toString('base64')}', 'base64')).toString());`,
        loader: 'js',
      };
    });
  },
};

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  plugins: [zodEnglishOnly, compressedWinkModel],
  // CommonJS dependencies call require(); give each file one.
  banner: { js: "import { createRequire as safepostRequire } from 'node:module'; const require = safepostRequire(import.meta.url);" },
};

/**
 * The package: the command line, the Node API and the worker thread of `--concurrency`, with the
 * code they share in chunks (dist/chunks/), each once. Entries are where tsc puts their types.
 * A dynamic import() becomes a chunk of its own, loaded only when it runs.
 */
export async function bundlePackage(outdir: string): Promise<void> {
  await build({
    ...common,
    entryPoints: { 'cli/main': 'src/cli/main.ts', index: 'src/index.ts', 'api/worker': 'src/api/worker.ts' },
    outdir,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  });
}

/** The GitHub Action: one file that runs without an install. */
export async function bundleAction(outfile: string): Promise<void> {
  await build({ ...common, entryPoints: ['src/action/main.ts'], outfile });
}

// `node dist/build/bundle.js`: the package's bundle, made by `npm run build` (which first empties
// dist/, so that no chunk of an older build is left).
if (process.argv[1] === fileURLToPath(import.meta.url)) await bundlePackage('dist');
