import { existsSync, readdirSync } from 'node:fs';
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
    const kept = readdirSync(join(tmp, 'safepost-compile-cache'));
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatch(/^[0-9a-f]{20}\.bin$/);
    const second = runCli(['check', 'post.md', '--format', 'json'], { cwd: dir, env: { TMPDIR: tmp } });
    expect(second).toEqual(first);
    expect(JSON.parse(first.stdout).summary.warnings).toBe(1);
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
