import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

describe('start-up', () => {
  it('finds in the bundle what the modules find, in text beyond ASCII', async () => {
    const text = [
      '# Straße fête \u2013 2023\u20132024 \u1E9E',
      'Tickets \u00a35 or \u20ac6\u2026 ring Mrs O\u2019Brien on 07700\u00a0900123 or \u00a307700 900124.',
      'Our SATs results are in! Dates 1234\u201356, ring +44 121 496 0000. \u201cJack Smith\u2019s\u201d mum said so.',
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

  it('says in one line what to do when the command line is not built', () => {
    const clone = tempFolder();
    mkdirSync(join(clone, 'bin'));
    copyFileSync(BIN, join(clone, 'bin', 'safepost.js'));
    const r = runCli(['check', 'post.md'], { bin: join(clone, 'bin', 'safepost.js') });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^safepost: not built: run "npm run build" in .+ first\n$/);
  });
});
