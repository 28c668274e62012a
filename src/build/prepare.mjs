// The prepare script: npm runs it on `npm install` in a clone and when it installs safepost from
// git (npm runs prepare there, not prepack). It builds dist/ when it is missing. `npm install -g`
// from git prepares the clone in global mode, without its devDependencies, so they are installed
// here first.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('dist/cli/main.js')) {
  const env = { ...process.env, npm_config_global: 'false' };
  const cli = process.env.npm_execpath?.endsWith('npm-cli.js') ? process.env.npm_execpath : null;
  const npm = (...args) =>
    cli
      ? execFileSync(process.execPath, [cli, ...args], { stdio: 'inherit', env })
      : execFileSync('npm', args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (!existsSync('node_modules/typescript') || !existsSync('node_modules/esbuild')) {
    npm('install', '--include=dev', '--ignore-scripts', '--no-save', '--no-audit', '--no-fund');
  }
  npm('run', 'build');
}
