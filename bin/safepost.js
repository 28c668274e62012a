#!/usr/bin/env node
// Starts the bundled command line (dist/, made by `npm run build`). On Node 22 and later, Node
// keeps the compiled code between runs once asked to, which must come before the bundle loads.
import { existsSync } from 'node:fs';
import * as module from 'node:module';

const cli = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write(`safepost: not built: run "npm run build" in ${new URL('..', import.meta.url).pathname} first\n`);
  process.exit(2);
}
module.enableCompileCache?.();
const { main } = await import(cli.href);
await main();
