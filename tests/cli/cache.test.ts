import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check as checkApi } from '../../src/index.js';
import { readCache, writeCache } from '../helpers/cache-file.js';
import { runCli } from '../helpers/cli.js';
import { makePhoto } from '../helpers/photos.js';
import { tempFolder } from '../helpers/temp.js';

const makeFolder = (path: string) => mkdirSync(path, { recursive: true });
const summary = (stdout: string) => JSON.parse(stdout).summary as { errors: number; warnings: number };

describe('--cache', () => {
  const setup = () =>
    tempFolder({
      'safepost.config.yaml': 'channel: parent\nroster: pupils.csv\n',
      'pupils.csv': 'first_name,last_name\nKayode,Adeyemi\n',
      'posts/a.md': 'Call 07700 900123 about Kayode Adeyemi and the legal action.',
      'posts/b.md': '---\nimages:\n  - src: img/x.jpg\n    alt: The field\n---\nA lovely day.',
      'posts/img/x.jpg': makePhoto({}),
    });
  const check = (dir: string, ...extra: string[]) => runCli(['check', 'posts', '--cache', '--format', 'json', ...extra], { cwd: dir });
  // The cached report must be the one a run without the cache gives.
  const fresh = (dir: string) => runCli(['check', 'posts', '--format', 'json'], { cwd: dir }).stdout;
  const same = (dir: string) => {
    const cached = check(dir).stdout;
    expect(cached).toBe(fresh(dir));
    return summary(cached);
  };
  const cacheFile = (dir: string) => readCache(join(dir, '.safepostcache')).payload;

  it('gives the same report from the cache, and holds no personal detail', () => {
    const dir = setup();
    const cold = check(dir);
    const warm = check(dir);
    expect(warm).toEqual(cold);
    expect(cold.stdout).toBe(fresh(dir));
    expect(summary(warm.stdout).errors).toBe(3);
    const file = readFileSync(join(dir, '.safepostcache'), 'utf8');
    for (const detail of ['07700', '900123', 'Kayode', 'Adeyemi', 'a.md', 'x.jpg', 'posts']) expect(file).not.toContain(detail);
    // A draft with local photos is kept with a stamp of them: a photo can change without its draft.
    // It keeps where the photo's address stands in the draft, not the address.
    const entries = Object.values(cacheFile(dir).entries);
    expect(entries.map((e) => e.photos?.at)).toContainEqual([[21, 9]]);
  });

  it('uses the kept result of an unchanged draft instead of checking it again', () => {
    const dir = setup();
    check(dir);
    const cache = cacheFile(dir);
    // A finding's texts are kept once a file, by index: its message is the fourth field.
    const entry = Object.values(cache.entries).find((e) => e.result.findings.length > 0)!;
    cache.texts[entry.result.findings[0][3]] = 'kept in the cache';
    writeCache(join(dir, '.safepostcache'), cache);
    expect(check(dir).stdout).toContain('"message":"kept in the cache"');
    // Any change to the draft's bytes, even of the same size, checks it again.
    const draft = join(dir, 'posts/a.md');
    writeFileSync(draft, readFileSync(draft, 'utf8').replace('legal action', 'legal report'));
    expect(check(dir).stdout).not.toContain('kept in the cache');
  });

  it('is emptied by a change to a draft, a photo, the config, the roster or the rules', () => {
    const dir = setup();
    check(dir);
    writeFileSync(join(dir, 'posts/a.md'), 'All fine here.');
    expect(same(dir).errors).toBe(0);

    writeFileSync(join(dir, 'posts/img/x.jpg'), makePhoto({ gps: { latitude: 52.6, longitude: -1.1 } }));
    expect(same(dir).errors).toBe(1);

    writeFileSync(join(dir, 'posts/a.md'), 'kayode adeyemi won.');
    expect(same(dir).errors).toBe(2);
    writeFileSync(join(dir, 'pupils.csv'), 'first_name,last_name\nZed,Quill\n');
    expect(same(dir).errors).toBe(1);
    writeFileSync(join(dir, 'safepost.config.yaml'), 'channel: parent\nroster: pupils.csv\nrules:\n  photo-location: "off"\n');
    expect(same(dir).errors).toBe(0);
    const rule = (word: string) => `id: silly\ncategory: conduct\nseverity: error\nclause: 6(c)\nmessage: m\nsuggestion: s\nkind: phrase\nphrases: [${word}]\n`;
    writeFileSync(join(dir, 'safepost.config.yaml'), 'channel: parent\nrule-folders: [extra]\n');
    writeFileSync(join(dir, 'posts/a.md'), 'What a penguin.');
    makeFolder(join(dir, 'extra'));
    writeFileSync(join(dir, 'extra/silly.yaml'), rule('gruffalo'));
    expect(same(dir).errors).toBe(1);
    writeFileSync(join(dir, 'extra/silly.yaml'), rule('penguin'));
    expect(same(dir).errors).toBe(2);
  }, 120_000); // fourteen runs of the command

  it('finds a missing photo once it is there', () => {
    const dir = setup();
    writeFileSync(join(dir, 'posts/b.md'), '---\nimages:\n  - src: img/new/y.jpg\n    alt: The field\n---\nA lovely day.');
    check(dir);
    expect(same(dir).errors).toBe(3);
    makeFolder(join(dir, 'posts/img/new'));
    writeFileSync(join(dir, 'posts/img/new/y.jpg'), makePhoto({ gps: { latitude: 52.6, longitude: -1.1 } }));
    expect(same(dir).errors).toBe(4);
  });

  it('makes again a file that is not a cache or is from another version, saying so, and says clearly when it cannot write one', () => {
    const dir = setup();
    for (const content of ['not a cache', '{"format":"safepost-cache","version":2,"key":"k","texts":[],"entries":{}}']) {
      writeFileSync(join(dir, '.safepostcache'), content);
      const r = check(dir);
      expect(r.stdout).toBe(fresh(dir));
      expect(r.stderr).toContain('safepost: the cache file .safepostcache is not one this version of safepost can read; it is made again\n');
      expect(readCache(join(dir, '.safepostcache')).header).toMatchObject({ format: 'safepost-cache', version: 3 });
      expect(check(dir).stderr).not.toContain('cache');
    }
    makeFolder(join(dir, 'a-folder'));
    const r = check(dir, '--cache-location', 'a-folder');
    expect(r).toMatchObject({ status: 2, stdout: '' });
    expect(r.stderr).toBe('safepost: cannot write the cache file a-folder: it is a folder (EISDIR); give a file name (--cache-location sets where it goes)\n');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('still reports a draft that cannot be read, run after run', () => {
    const dir = setup();
    writeFileSync(join(dir, 'posts/c.md'), Buffer.from([0x41, 0x00, 0x42]));
    for (let run = 0; run < 2; run++) {
      const r = check(dir);
      expect(r.stdout).toBe(fresh(dir));
      expect(r.stderr).toContain('safepost: posts/c.md: file is binary, not a text draft');
    }
  });

  it('is not used with --show-matches, so that it never holds a matched text', () => {
    const dir = setup();
    check(dir, '--show-matches', '--cache-location', 'c.json');
    expect(() => readFileSync(join(dir, 'c.json'))).toThrow();
  });

  it('gives the report of a run without it whatever byte of the file is damaged, with the right exit code', async () => {
    const dir = setup();
    const file = join(dir, '.safepostcache');
    check(dir);
    const good = readFileSync(file);
    const options = { cwd: dir, cache: true, warn: () => {} };
    const uncached = await checkApi({ paths: ['posts'] }, { cwd: dir });
    const uncachedOutput = fresh(dir);
    expect(uncached.summary.errors).toBe(3);
    // A bit of each byte in turn, spread over the file when it is longer.
    const damages = Array.from({ length: 200 }, (_, i) => ({ at: Math.floor((i * good.length) / 200), bit: i % 8 }));
    for (const [i, { at, bit }] of damages.entries()) {
      const damaged = Buffer.from(good);
      damaged[at] ^= 1 << bit;
      writeFileSync(file, damaged);
      const where = `byte ${at}, bit ${bit}`;
      if (i % 50 === 0) {
        expect(check(dir), where).toMatchObject({ status: 1, stdout: uncachedOutput });
        // It was made again, whole and right.
        expect(check(dir), where).toMatchObject({ status: 1, stdout: uncachedOutput, stderr: '' });
      } else expect(await checkApi({ paths: ['posts'] }, options), where).toEqual(uncached);
    }
  }, 300_000);
});
