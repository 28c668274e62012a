import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ResultCache } from '../../src/cache/result-cache.js';
import type { FileResult } from '../../src/results/schema.js';
import { loadClauses } from '../../src/rules/policy.js';
import { readCache, writeCache } from '../helpers/cache-file.js';
import { tempFolder } from '../helpers/temp.js';

const clauses = loadClauses();
const result = (path: string): FileResult => ({
  path,
  channel: 'official',
  findings: [
    {
      ruleId: 'exam-results',
      category: 'sensitive-topic',
      severity: 'warning',
      message: 'Mentions test or exam results: "SATs results"',
      clause: clauses.get('6(e)')!,
      line: 1,
      column: 5,
      endLine: 1,
      endColumn: 17,
      suggestion: 'Share results privately.',
    },
  ],
});

describe('ResultCache', () => {
  const bytes = Buffer.from('Our SATs results are in!');
  const none = () => null;
  const open = (file: string, key = 'k1', notes: string[] = []) => new ResultCache(file, key, clauses, (n) => notes.push(n));

  it('gives back a result for the same path and bytes, under the path it is shown by now', () => {
    const file = join(tempFolder(), '.safepostcache');
    const cache = open(file);
    cache.set('/site/a.md', bytes, result('a.md'), null);
    cache.save();
    const again = open(file);
    expect(again.get('/site/a.md', 'site/a.md', bytes, none)).toEqual(result('site/a.md'));
    expect(again.get('/site/a.md', 'a.md', Buffer.from('Our SATs results are in.'), none)).toBeUndefined();
    expect(again.get('/site/b.md', 'b.md', bytes, none)).toBeUndefined();
    // The clause is kept by its id, the words come from the policy; each text once.
    const written = readFileSync(file, 'utf8');
    expect(written).not.toContain(clauses.get('6(e)')!.text);
    cache.set('/site/b.md', bytes, result('b.md'), null);
    cache.save();
    expect(readFileSync(file, 'utf8').split('Share results privately.')).toHaveLength(2);
  });

  it('gives back a draft with local photos only while their stamp is the same, and keeps nothing for a draft that could not be read', () => {
    const file = join(tempFolder(), '.safepostcache');
    const cache = open(file);
    cache.set('/site/a.md', bytes, result('a.md'), { stamp: 'photos-1', at: [[4, 8]] });
    cache.set('/site/b.md', bytes, result('b.md'), null);
    cache.set('/site/b.md', bytes, { ...result('b.md'), error: 'file is binary' }, null);
    cache.save();
    const again = open(file);
    let asked = 0;
    expect(again.get('/site/a.md', 'a.md', bytes, (at) => (asked++, expect(at).toEqual([[4, 8]]), 'photos-1'))).toEqual(result('a.md'));
    expect(again.get('/site/a.md', 'a.md', bytes, () => (asked++, 'photos-2'))).toBeUndefined();
    expect(again.get('/site/a.md', 'a.md', bytes, () => (asked++, null))).toBeUndefined();
    expect(asked).toBe(3);
    expect(again.get('/site/b.md', 'b.md', bytes, none)).toBeUndefined();
  });

  it('is emptied by another key, and made again from a file that is not a cache, with a note', () => {
    const file = join(tempFolder(), '.safepostcache');
    const cache = open(file);
    cache.set('/site/a.md', bytes, result('a.md'), null);
    cache.save();
    const notes: string[] = [];
    expect(open(file, 'k2', notes).get('/site/a.md', 'a.md', bytes, none)).toBeUndefined();
    expect(notes).toEqual([]);
    const old = '{"format":"safepost-cache","version":2,"key":"k1","texts":[],"entries":{}}';
    for (const broken of [old, old.slice(0, -5), '[1,2]', '\u0000\u0001', '{"format":"safepost-cache","version":1,"key":"k1","entries":{}}']) {
      writeFileSync(file, broken);
      const seen: string[] = [];
      const reopened = open(file, 'k1', seen);
      expect(reopened.get('/site/a.md', 'a.md', bytes, none)).toBeUndefined();
      expect(seen).toEqual([expect.stringMatching(/is not one this version of safepost can read; it is made again$/)]);
      reopened.save();
      expect(readCache(file)).toMatchObject({ header: { format: 'safepost-cache', version: 3 }, payload: { key: 'k1', entries: {} } });
    }
  });

  it('drops a kept result that names a clause the policy no longer has', () => {
    const file = join(tempFolder(), '.safepostcache');
    const cache = open(file);
    cache.set('/site/a.md', bytes, result('a.md'), null);
    cache.save();
    const { payload } = readCache(file);
    payload.texts[payload.texts.indexOf('6(e)')] = '99.9';
    writeCache(file, payload);
    const notes: string[] = [];
    expect(open(file, 'k1', notes).get('/site/a.md', 'a.md', bytes, none)).toBeUndefined();
    expect(notes).toEqual([]);
  });

  it('does not trust a damaged file: a changed byte anywhere is noted, and the file made again', () => {
    const file = join(tempFolder(), '.safepostcache');
    const cache = open(file);
    cache.set('/site/a.md', bytes, result('a.md'), null);
    cache.save();
    const good = readFileSync(file);
    // Each field of a finding is a small number; any of them changed would give another finding.
    const places = [good.indexOf('"sha256"') + 12, good.indexOf('\n') + 3, good.indexOf('[[') + 2, good.indexOf(']]') - 1, good.length - 2];
    for (const at of places) {
      const damaged = Buffer.from(good);
      damaged[at] ^= 0x01;
      writeFileSync(file, damaged);
      const notes: string[] = [];
      const reopened = open(file, 'k1', notes);
      expect(reopened.get('/site/a.md', 'a.md', bytes, none)).toBeUndefined();
      expect(notes).toEqual([expect.stringMatching(/^the cache file .*\.safepostcache is (damaged|not one this version of safepost can read); it is made again$/)]);
      reopened.save();
      expect(readCache(file).payload.entries).toEqual({});
    }
  });

  it('keys entries by a hash of the path with a salt of its own, so that a shared cache does not tell which paths were checked', () => {
    const ids = [0, 1].map(() => {
      const file = join(tempFolder(), '.safepostcache');
      const cache = open(file);
      cache.set('/site/a.md', bytes, result('a.md'), null);
      cache.save();
      expect(readFileSync(file, 'utf8')).not.toContain(createHash('sha256').update('/site/a.md').digest('base64url'));
      const { payload } = readCache(file);
      expect(payload.salt).toMatch(/^[\w-]{22}$/);
      // The salt stays with the file: the entry is found again.
      expect(open(file).get('/site/a.md', 'a.md', bytes, none)).toEqual(result('a.md'));
      return Object.keys(payload.entries)[0];
    });
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('writes through a temporary file of its own, never through one that is there', () => {
    const dir = tempFolder({ 'victim.txt': 'keep me' });
    const file = join(dir, '.safepostcache');
    // A link where a temporary file of a guessable name would go.
    symlinkSync(join(dir, 'victim.txt'), `${file}.${process.pid}.tmp`);
    const cache = open(file);
    cache.set('/site/a.md', bytes, result('a.md'), null);
    cache.save();
    expect(readFileSync(join(dir, 'victim.txt'), 'utf8')).toBe('keep me');
    expect(open(file).get('/site/a.md', 'a.md', bytes, none)).toEqual(result('a.md'));
    expect(readdirSync(dir).sort()).toEqual(['.safepostcache', `.safepostcache.${process.pid}.tmp`, 'victim.txt']);
  });

  it('keeps what another run saved since it was opened, each entry with its own texts', () => {
    const other = (path: string): FileResult => ({
      path,
      channel: 'official',
      findings: [{ ...result(path).findings[0], ruleId: 'personal-phone-number', category: 'contact-details', severity: 'error', message: 'Personal mobile number 07*** ***123', clause: clauses.get('1.8(b)')!, suggestion: 'Remove the number.' }],
    });
    for (const before of [false, true]) {
      const file = join(tempFolder(), '.safepostcache');
      if (before) {
        const first = open(file);
        first.set('/site/old.md', bytes, result('old.md'), null);
        first.save();
      }
      // Both opened before either saves: the second to save reads the first's file again.
      const one = open(file);
      const two = open(file);
      one.set('/site/a.md', bytes, other('a.md'), null);
      two.set('/site/b.md', bytes, result('b.md'), null);
      two.set('/site/a.md', Buffer.from('older'), result('a.md'), null);
      two.save();
      one.save();
      const again = open(file);
      expect(again.get('/site/a.md', 'a.md', bytes, none)).toEqual(other('a.md'));
      expect(again.get('/site/b.md', 'b.md', bytes, none)).toEqual(result('b.md'));
      if (before) expect(again.get('/site/old.md', 'old.md', bytes, none)).toEqual(result('old.md'));
      expect(Object.keys(readCache(file).payload.entries)).toHaveLength(before ? 3 : 2);
    }
  });

  it('does not save while another run holds the lock, and takes over a lock left by a run that stopped', () => {
    const dir = tempFolder();
    const file = join(dir, '.safepostcache');
    const lock = `${file}.lock`;
    const hold = (pid: number) => writeFileSync(lock, JSON.stringify({ pid, host: hostname(), time: Date.now(), token: 't' }));
    hold(process.pid);
    const cache = open(file);
    cache.set('/site/a.md', bytes, result('a.md'), null);
    cache.save();
    expect(existsSync(file)).toBe(false);
    expect(readFileSync(lock, 'utf8')).toContain('"token":"t"');
    // Its process has ended.
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    hold(Number(ended.stdout));
    cache.save();
    expect(open(file).get('/site/a.md', 'a.md', bytes, none)).toEqual(result('a.md'));
    expect(existsSync(lock)).toBe(false);
    // Old, whoever holds it.
    writeFileSync(lock, 'not ours');
    utimesSync(lock, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    cache.set('/site/b.md', bytes, result('b.md'), null);
    cache.save();
    expect(open(file).get('/site/b.md', 'b.md', bytes, none)).toEqual(result('b.md'));
    expect(readdirSync(dir)).toEqual(['.safepostcache']);
  });
});
