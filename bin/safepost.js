#!/usr/bin/env node
// Starts the bundled command line (dist/, made by `npm run build`). On Node 22 and later, Node
// keeps the compiled code between runs once asked to, which must come before the bundle loads.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import * as module from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

const cli = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write(`safepost: not built: run "npm run build" in ${new URL('..', import.meta.url).pathname} first\n`);
  process.exit(2);
}

// Compiled code is kept in the user's own cache folder, never in the shared temporary folder
// (Node's default), and used only from a folder no one else can write to.
if (module.enableCompileCache && !process.env.NODE_DISABLE_COMPILE_CACHE) {
  try {
    const folder = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'safepost', 'compiled');
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const { uid, mode } = statSync(folder);
    if (uid === process.getuid?.() && (mode & 0o022) === 0) module.enableCompileCache(folder);
  } catch {
    // No cache folder of our own: run without.
  }
}
const { main } = await import(cli.href);
await main();
