import { createDecipheriv, createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
  // The key of the photo table is kept in the user's cache folder: one a test, or one a "machine".
  const check = (dir: string, ...extra: string[]) =>
    runCli(['check', 'posts', '--cache', '--format', 'json', ...extra], { cwd: dir, env: { XDG_CACHE_HOME: join(dir, machine) } });
  let machine = 'home-1';
  // The cached report must be the one a run without the cache gives.
  const fresh = (dir: string) => runCli(['check', 'posts', '--format', 'json'], { cwd: dir }).stdout;
  const same = (dir: string) => {
    const cached = check(dir).stdout;
    expect(cached).toBe(fresh(dir));
    return summary(cached);
  };

  it('gives the same report from the cache, and holds no personal detail', () => {
    const dir = setup();
    const cold = check(dir);
    const warm = check(dir);
    expect(warm.stdout).toBe(cold.stdout);
    expect(summary(warm.stdout).errors).toBe(3);
    const file = readFileSync(join(dir, '.safepostcache'), 'utf8');
    for (const detail of ['07700', '900123', 'Kayode', 'Adeyemi', 'a.md', 'x.jpg', 'posts']) expect(file).not.toContain(detail);
    // The draft's photo list is sealed with a key made from the draft itself (not its plain
    // hash); the photo table with a key kept in the user's cache folder, not in this file.
    const lines = file.trim().split('\n').slice(1).map((line) => JSON.parse(line) as [string, string, { c: string; i?: string }]);
    // An entry's later line wins.
    const byKey = new Map(lines.filter((line) => line[0] === 'e').map((line) => [line[1], line[2]]));
    const entries = [...byKey.values()].filter((e) => e.i);
    expect(entries).toHaveLength(1);
    const draft = readFileSync(join(dir, 'posts/b.md'));
    const unseal = (sealed: string, key: Buffer) => {
      const data = Buffer.from(sealed, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('latin1');
    };
    expect(() => unseal(entries[0].i!, createHash('sha256').update(draft).digest())).toThrow();
    expect(unseal(entries[0].i!, createHash('sha256').update('safepost photo list\u0000').update(draft).digest())).toContain('img/x.jpg');
    const table = lines.find((line) => line[0] === 'p')![1];
    const machineKey = readFileSync(join(dir, machine, 'safepost', 'photo-list-key'));
    expect(inflateRawSync(Buffer.from(unseal(table, machineKey), 'latin1')).toString('utf8')).toContain('img/x.jpg');
  });

  it('is emptied by a change to a draft, a photo, the config, the roster or the rules', () => {
    const dir = setup();
    check(dir);
    writeFileSync(join(dir, 'posts/a.md'), 'All fine here.');
    expect(same(dir).errors).toBe(0);

    writeFileSync(join(dir, 'posts/img/x.jpg'), makePhoto({ gps: { latitude: 52.6, longitude: -1.1 } }));
    utimesSync(join(dir, 'posts/img/x.jpg'), new Date(), new Date(Date.now() + 5000));
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
  });

  it('trusts an old draft by its size and times, and reads again one rewritten with its old times', () => {
    const dir = setup();
    const draft = join(dir, 'posts/a.md');
    const hourAgo = new Date(Date.now() - 3600_000);
    utimesSync(draft, hourAgo, hourAgo);
    expect(check(dir).status).toBe(1);
    expect(same(dir).errors).toBe(3);
    // Same size, same modification time: only the change time tells.
    writeFileSync(draft, 'Call 07700 900123 about Kayode Adeyemi and the legal report.'.padEnd(readFileSync(draft).length, ' '));
    expect(readFileSync(draft).length).toBe('Call 07700 900123 about Kayode Adeyemi and the legal action.'.length);
    utimesSync(draft, hourAgo, hourAgo);
    expect(same(dir).errors).toBe(2);
  });

  it('looks for a missing photo again when a file appears in its folder', () => {
    const dir = setup();
    writeFileSync(join(dir, 'posts/b.md'), '---\nimages:\n  - src: img/new/y.jpg\n    alt: The field\n---\nA lovely day.');
    const hourAgo = new Date(Date.now() - 3600_000);
    for (const path of ['posts', 'posts/img', 'posts/a.md', 'posts/b.md']) utimesSync(join(dir, path), hourAgo, hourAgo);
    check(dir);
    expect(same(dir).errors).toBe(3);
    makeFolder(join(dir, 'posts/img/new'));
    writeFileSync(join(dir, 'posts/img/new/y.jpg'), makePhoto({ gps: { latitude: 52.6, longitude: -1.1 } }));
    expect(same(dir).errors).toBe(4);
  });

  it('works from a cache made on another machine, whose photo table it cannot open', () => {
    const dir = setup();
    const hourAgo = new Date(Date.now() - 3600_000);
    for (const path of ['posts/a.md', 'posts/b.md', 'posts/img/x.jpg']) utimesSync(join(dir, path), hourAgo, hourAgo);
    machine = 'home-1';
    check(dir);
    machine = 'home-2';
    expect(same(dir).errors).toBe(3);
    writeFileSync(join(dir, 'posts/img/x.jpg'), makePhoto({ gps: { latitude: 52.6, longitude: -1.1 } }));
    machine = 'home-1';
    expect(same(dir).errors).toBe(4);
  });

  it('starts afresh from a file that is not a cache, and says clearly when it cannot write one', () => {
    const dir = setup();
    writeFileSync(join(dir, '.safepostcache'), 'not a cache');
    expect(same(dir).errors).toBe(3);
    expect(readFileSync(join(dir, '.safepostcache'), 'utf8')).toMatch(/^\{"format":"safepost-cache"/);
    makeFolder(join(dir, 'a-folder'));
    const r = check(dir, '--cache-location', 'a-folder');
    expect(r).toMatchObject({ status: 2, stdout: '' });
    expect(r.stderr).toBe('safepost: cannot write the cache file a-folder (EISDIR); give --cache-location a file in a folder you can write to\n');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('is not used with --show-matches, so that it never holds a matched text', () => {
    const dir = setup();
    check(dir, '--show-matches', '--cache-location', 'c.json');
    expect(() => readFileSync(join(dir, 'c.json'))).toThrow();
  });
});
