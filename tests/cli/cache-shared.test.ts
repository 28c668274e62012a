import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCache } from '../helpers/cache-file.js';
import { BIN, runCli, type CliResult } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

describe('--cache shared by runs at the same time', () => {
  const cacheFile = (dir: string) => readCache(join(dir, '.safepostcache')).payload;
  const check = (dir: string) => runCli(['check', 'posts', '--cache', '--format', 'json'], { cwd: dir });

  it('keeps right results and loses none when runs that share it overlap', async () => {
    const sentences = [
      'Call 07700 900123 today.',
      'Our SATs results are in!',
      'The legal action continues.',
      'Email jo.bloggs@gmail.com with news.',
      'What a lovely sports day.',
      'Kayode Adeyemi won the race.',
    ];
    const dir = tempFolder({ 'safepost.config.yaml': 'channel: parent\nroster: pupils.csv\n', 'pupils.csv': 'first_name,last_name\nKayode,Adeyemi\n' });
    const folders = ['one', 'two', 'three'];
    const drafts = Array.from({ length: 24 }, (_, i) => `posts/${folders[i % 3]}/post-${i}.md`);
    const write = (round: number) =>
      drafts.forEach((draft, i) => {
        if (round > 0 && (i + round) % 3 !== 0) return; // a third changes each round
        const picked = [0, 1, 2].slice(0, 1 + ((i + round) % 3)).map((k) => sentences[(i * 5 + round * 7 + k * 3) % sentences.length]);
        mkdirSync(join(dir, 'posts', folders[i % 3]), { recursive: true });
        writeFileSync(join(dir, draft), `# Post ${i}, round ${round}\n\n${picked.join('\n\n')}\n`);
      });
    const runAsync = (args: string[]) =>
      new Promise<CliResult>((done) => {
        const child = spawn(process.execPath, [BIN, 'check', ...args, '--cache', '--format', 'json'], { cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1' } });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d));
        child.stderr.on('data', (d: Buffer) => (stderr += d));
        child.on('close', (status) => done({ status, stdout, stderr }));
      });
    // No one run checks every draft: each run's results are kept only if the others' saves keep them.
    const sets = [['posts/one', 'posts/two'], ['posts/two', 'posts/three'], ['posts/three', 'posts/one'], ['posts/two']];
    for (let round = 0; round < 4; round++) {
      write(round);
      const runs = await Promise.all(sets.map(runAsync));
      const uncached = JSON.parse(runCli(['check', 'posts', '--format', 'json'], { cwd: dir }).stdout) as { files: Array<{ path: string }> };
      const byPath = new Map(uncached.files.map((f) => [f.path, f]));
      for (const run of runs) {
        expect(run).toMatchObject({ status: 1, stderr: '' });
        for (const file of (JSON.parse(run.stdout) as { files: Array<{ path: string }> }).files) expect(file).toEqual(byPath.get(file.path));
      }
      // No run's results were lost to another's save: each draft as it is now is kept.
      const kept = Object.values(cacheFile(dir).entries).map((e) => e.hash);
      expect(kept, `round ${round}`).toHaveLength(drafts.length);
      for (const draft of drafts) expect(kept, `round ${round}, ${draft}`).toContain(createHash('sha256').update(readFileSync(join(dir, draft))).digest('base64url'));
      // And every kept result is the right one.
      expect(JSON.parse(check(dir).stdout)).toEqual(uncached);
    }
  }, 300_000);
});
