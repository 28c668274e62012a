import { build } from 'esbuild';
const minify = process.argv[2] === 'min';
await build({ entryPoints: ['src/cli/entry.ts'], outdir: '/work/main/dist/bundle-test', splitting: true, chunkNames: 'chunks/[name]-[hash]', bundle: true, platform: 'node', format: 'esm', target: 'node20', legalComments: 'none', minify,
  banner: { js: "import { createRequire as safepostRequire } from 'node:module'; const require = safepostRequire(import.meta.url);" }, logLevel: 'warning' });
