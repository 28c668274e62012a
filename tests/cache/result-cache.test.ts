import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ResultCache } from '../../src/cache/result-cache.js';
import type { FileResult } from '../../src/results/schema.js';
import { loadClauses } from '../../src/rules/policy.js';
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
    for (const broken of ['{"format":"safepost-cache","version":2,"key":"k1","texts":[],"entries":', '[1,2]', '\u0000\u0001', '{"format":"safepost-cache","version":1,"key":"k1","entries":{}}']) {
      writeFileSync(file, broken);
      const seen: string[] = [];
      const reopened = open(file, 'k1', seen);
      expect(reopened.get('/site/a.md', 'a.md', bytes, none)).toBeUndefined();
      expect(seen).toEqual([expect.stringMatching(/is not one this version of safepost can read; it is made again$/)]);
      reopened.save();
      expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'safepost-cache', version: 2, key: 'k1', entries: {} });
    }
  });

  it('drops a kept result that names a clause the policy no longer has', () => {
    const file = join(tempFolder(), '.safepostcache');
    const cache = open(file);
    cache.set('/site/a.md', bytes, result('a.md'), null);
    cache.save();
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.texts[data.texts.indexOf('6(e)')] = '99.9';
    writeFileSync(file, JSON.stringify(data));
    expect(open(file).get('/site/a.md', 'a.md', bytes, none)).toBeUndefined();
  });
});
