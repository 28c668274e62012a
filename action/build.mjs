// Builds the GitHub Action: one file with every dependency, so that the action runs without an
// install, and a copy of the prebuilt rules and name lists. Run by `npm run build:action` (after
// `npm run build`); the tests build it again to a temporary folder and check the committed one
// is the same.
import { copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { bundleAction } from '../dist/build/bundle.js';

const outfile = process.argv[2] ?? 'action/index.mjs';
await bundleAction(outfile);
copyFileSync('dist/builtin-data.json', join(dirname(outfile), 'builtin-data.json'));
