import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

describe('start-up', () => {
  const draft = () => tempFolder({ 'post.md': 'Our SATs results are in!' });

  it("keeps V8's compiled code after a check in the temporary folder, and gives the same report with it", () => {
    const dir = draft();
    const tmp = tempFolder();
    const first = runCli(['check', 'post.md', '--format', 'json'], { cwd: dir, env: { TMPDIR: tmp } });
    const folder = join(tmp, 'safepost-compile-cache');
    const kept = readdirSync(folder);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatch(/^[0-9a-f]{12}-[0-9a-f]{12}\.bin$/);
    const second = runCli(['check', 'post.md', '--format', 'json'], { cwd: dir, env: { TMPDIR: tmp } });
    expect(second).toEqual(first);
    expect(JSON.parse(first.stdout).summary.warnings).toBe(1);

    // A new build (or Node version) replaces the file of the last; another install's stays.
    const place = kept[0].slice(0, 12);
    rmSync(join(folder, kept[0]));
    writeFileSync(join(folder, `${place}-000000000000.bin`), 'an older build');
    writeFileSync(join(folder, 'ffffffffffff-000000000000.bin'), 'another install');
    expect(runCli(['check', 'post.md', '--format', 'json'], { cwd: dir, env: { TMPDIR: tmp } })).toEqual(first);
    expect(readdirSync(folder).sort()).toEqual([kept[0], 'ffffffffffff-000000000000.bin']);
  });

  it('reads a bundle that is all ASCII, and finds what the modules find in text beyond ASCII', async () => {
    // The launcher reads the bundle a byte a character; the build escaped the rest.
    const bundle = readFileSync(new URL('../../dist/bundle/safepost.cjs', import.meta.url));
    expect(bundle.findIndex((byte) => byte > 0x7f)).toBe(-1);
    const text = [
      '# Straße fête \u2013 2023\u20132024',
      'Tickets \u00a35 or \u20ac6\u2026 ring Mrs O\u2019Brien on 07700\u00a0900123 or \u00a307700 900124.',
      'Our SATs results are in! Dates 1234\u201356, ring +44 121 496 0000.',
      '![Harvest \u2014 Year 6](img/harvest.jpg)',
    ].join('\n');
    const dir = tempFolder({ 'post.md': text });
    const { stdout } = runCli(['check', 'post.md', '--format', 'json'], { cwd: dir });
    const fromBundle = JSON.parse(stdout).files[0].findings;
    const { check } = await import('../../src/index.js');
    const fromModules = (await check({ text, path: 'post.md' }, { cwd: dir, config: false })).files[0].findings;
    expect(fromBundle.length).toBeGreaterThan(2);
    expect(fromBundle).toEqual(fromModules);
  });

  it('keeps nothing with NODE_DISABLE_COMPILE_CACHE, or after anything but a check that ran', () => {
    const dir = draft();
    const tmp = tempFolder();
    expect(runCli(['check', 'post.md'], { cwd: dir, env: { TMPDIR: tmp, NODE_DISABLE_COMPILE_CACHE: '1' } }).status).toBe(0);
    expect(runCli(['rules'], { cwd: dir, env: { TMPDIR: tmp } }).status).toBe(0);
    expect(runCli(['check', '--help'], { cwd: dir, env: { TMPDIR: tmp } }).status).toBe(0);
    expect(runCli(['check', 'missing.md'], { cwd: dir, env: { TMPDIR: tmp } }).status).toBe(2);
    expect(existsSync(join(tmp, 'safepost-compile-cache'))).toBe(false);
  });
});
