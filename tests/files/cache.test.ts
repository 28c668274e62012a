import * as fs from 'node:fs';
import { appendFileSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ResultCache } from '../../src/files/cache.js';
import { resultJson } from '../../src/results/deferred.js';
import { summarize, type FileResult } from '../../src/results/schema.js';
import { loadClauses } from '../../src/rules/policy.js';
import { tempFolder } from '../helpers/temp.js';

// Counts the drafts the cache reads: an unchanged draft must be taken on its stamp alone.
vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  return { ...real, readFileSync: vi.fn(real.readFileSync) };
});
const reads = (path: string) => vi.mocked(fs.readFileSync).mock.calls.filter(([p]) => p === path).length;

const clauses = loadClauses();
const result = (path: string): FileResult => ({
  path,
  channel: 'official',
  findings: [
    {
      ruleId: 'exam-results',
      category: 'sensitive-topic',
      severity: 'warning',
      message: 'Mentions exam results: "SATs results"',
      clause: clauses.get('6(e)')!,
      line: 1,
      column: 5,
      endLine: 1,
      endColumn: 17,
      suggestion: 'Leave them out.',
    },
  ],
  note: 'the image on line 3 was not found next to the draft; its metadata was not checked',
});

describe('the result cache', () => {
  let dir: string;
  let file: string;
  const env = () => ({ XDG_CACHE_HOME: join(dir, 'user-cache') });
  const hourAgo = new Date(Date.now() - 3600_000);
  const draft = (i: number) => join(dir, `post-${i}.md`);
  const lineCount = () => readFileSync(file, 'utf8').trim().split('\n').length;

  // A cache of `count` drafts, written an hour after the drafts were.
  const fill = (count: number) => {
    const cache = new ResultCache(file, 'fingerprint', clauses, env());
    for (let i = 0; i < count; i++) {
      writeFileSync(draft(i), `Our SATs results ${i}.`);
      utimesSync(draft(i), hourAgo, hourAgo);
      const found = cache.lookup(draft(i), `post-${i}.md`);
      if (!found || 'result' in found) throw new Error('expected a miss');
      cache.set(draft(i), found.bytes, found.stamp, result(`post-${i}.md`), []);
    }
    cache.save();
  };

  beforeEach(() => {
    dir = tempFolder();
    file = join(dir, '.safepostcache');
    vi.mocked(fs.readFileSync).mockClear();
  });

  it('takes an unchanged draft on its size and times, without reading it', () => {
    fill(3);
    const cache = new ResultCache(file, 'fingerprint', clauses, env());
    const found = cache.lookup(draft(1), 'post-1.md');
    expect(found).toEqual({ result: { path: 'post-1.md', channel: 'official', findings: result('').findings, note: result('').note } });
    expect(reads(draft(1))).toBe(1); // when it was first checked
  });

  it('reads a draft whose times changed, and keeps its result when its content did not', () => {
    fill(2);
    utimesSync(draft(0), new Date(), new Date(Date.now() - 60_000));
    const cache = new ResultCache(file, 'fingerprint', clauses, env());
    expect(cache.lookup(draft(0), 'post-0.md')).toHaveProperty('result');
    expect(reads(draft(0))).toBe(2);
  });

  it('is empty for another fingerprint (rules, config or roster changed)', () => {
    fill(2);
    const cache = new ResultCache(file, 'another', clauses, env());
    expect(cache.lookup(draft(0), 'post-0.md')).toHaveProperty('bytes');
  });

  it('adds a few lines for a few changed drafts, and writes itself afresh when they grow many', () => {
    fill(10);
    expect(lineCount()).toBe(1 + 1 + 10); // header, strings, entries
    const change = (i: number, time = 0) => {
      const cache = new ResultCache(file, 'fingerprint', clauses, env());
      writeFileSync(draft(i), `Our SATs results, changed at ${time}.`);
      const found = cache.lookup(draft(i), `post-${i}.md`);
      if (!found || 'result' in found) throw new Error('expected a miss');
      cache.set(draft(i), found.bytes, found.stamp, result(`post-${i}.md`), []);
      cache.save();
    };
    change(3);
    expect(lineCount()).toBe(12 + 2); // the entry, and when it was added
    for (let n = 1; n <= 300; n++) change(n % 10, n);
    // 200 added lines at most before the file is written afresh: never more than that beyond its entries.
    expect(lineCount()).toBeLessThanOrEqual(12 + 200);
    // Every change is still there; drafts written moments ago are read again to be sure of them.
    const cache = new ResultCache(file, 'fingerprint', clauses, env());
    vi.mocked(fs.readFileSync).mockClear();
    for (let i = 0; i < 10; i++) expect(cache.lookup(draft(i), `post-${i}.md`)).toHaveProperty('result');
    for (let i = 0; i < 10; i++) expect(reads(draft(i))).toBe(1);
  });

  it('saves twice from one checker without writing a text or an entry twice', () => {
    fill(2);
    const cache = new ResultCache(file, 'fingerprint', clauses, env());
    const change = (i: number, message: string) => {
      writeFileSync(draft(i), `Changed to ${message}.`);
      const found = cache.lookup(draft(i), `post-${i}.md`);
      if (!found || 'result' in found) throw new Error('expected a miss');
      const changed = result(`post-${i}.md`);
      changed.findings[0].message = message;
      cache.set(draft(i), found.bytes, found.stamp, changed, []);
      cache.save();
    };
    change(0, 'first new message');
    change(1, 'second new message');
    const again = new ResultCache(file, 'fingerprint', clauses, env());
    const messages = [0, 1].map((i) => {
      const found = again.lookup(draft(i), `post-${i}.md`);
      return found && 'result' in found ? found.result.findings[0].message : null;
    });
    expect(messages).toEqual(['first new message', 'second new message']);
    const texts = readFileSync(file, 'utf8');
    expect(texts.split('first new message')).toHaveLength(2);
  });

  it('adds a photo-table line only when photos changed, and writes itself afresh past a few', () => {
    const photoLines = () => readFileSync(file, 'utf8').split('\n').filter((line) => line.startsWith('["p",')).length;
    const photo = (n: number) => {
      const path = join(dir, `photo-${n}.jpg`);
      writeFileSync(path, `jpeg ${n}`);
      utimesSync(path, hourAgo, hourAgo);
      return path;
    };
    const check = (text: string, photos: string[]) => {
      const cache = new ResultCache(file, 'fingerprint', clauses, env());
      writeFileSync(draft(0), text);
      const found = cache.lookup(draft(0), 'post-0.md');
      if (!found || 'result' in found) throw new Error('expected a miss');
      cache.set(draft(0), found.bytes, found.stamp, result('post-0.md'), photos);
      cache.save();
    };
    const first = photo(0);
    check('First.', [first]);
    expect(photoLines()).toBe(1);
    check('Second, the same photo.', [first]);
    expect(photoLines()).toBe(1);
    for (let n = 1; n <= 16; n++) check(`Photo ${n}.`, [photo(n)]);
    expect(photoLines()).toBe(17);
    check('One more photo.', [photo(17)]);
    expect(photoLines()).toBe(1);
    expect(lineCount()).toBe(1 + 1 + 1 + 1); // header, strings, the entry, the photo table
  });

  it('writes a cached result out as JSON.stringify would, and makes its findings only when asked', () => {
    const finding = result('').findings[0];
    const results: FileResult[] = [
      result('post-0.md'),
      { path: 'post-1.md', channel: 'parent', findings: [] },
      {
        path: 'post-2.md',
        channel: 'staff-personal',
        findings: [
          { ...finding, severity: 'error', message: 'Caf\u00e9 \u201cquoted\u201d \\ "x"\n' },
          { ...finding, suppressed: true },
          { ...finding, severity: 'info', fingerprint: 'abc123' },
        ],
        error: 'front matter is not valid YAML',
        errorLine: 2,
        note: 'a note',
        positions: 'paragraphs',
      },
      { path: 'post-3.md', channel: 'official', findings: [], error: 'file cannot be read (EACCES)' },
    ];
    const cache = new ResultCache(file, 'fingerprint', clauses, env());
    results.forEach((r, i) => {
      writeFileSync(draft(i), `Draft ${i}.`);
      utimesSync(draft(i), hourAgo, hourAgo);
      const found = cache.lookup(draft(i), r.path);
      if (!found || 'result' in found) throw new Error('expected a miss');
      cache.set(draft(i), found.bytes, found.stamp, r, []);
    });
    cache.save();
    const again = new ResultCache(file, 'fingerprint', clauses, env());
    results.forEach((r, i) => {
      const found = again.lookup(draft(i), r.path);
      if (!found || !('result' in found)) throw new Error('expected a hit');
      expect(resultJson(found.result)).toBe(JSON.stringify(r));
      expect(summarize([found.result])).toEqual(summarize([r]));
      // Asked for, the findings are made, and the text is no longer used: they may change.
      expect(found.result.findings).toEqual(r.findings);
      expect(resultJson(found.result)).toBeUndefined();
      found.result.findings.pop();
      expect(JSON.stringify(found.result)).toBe(JSON.stringify({ ...r, findings: r.findings.slice(0, -1) }));
    });
    // A copy is a plain result, key for key.
    const copy = again.lookup(draft(2), 'post-2.md');
    if (!copy || !('result' in copy)) throw new Error('expected a hit');
    expect(Object.keys({ ...copy.result })).toEqual(Object.keys(results[2]));
    expect(resultJson({ ...copy.result })).toBeUndefined();
    // And console.log shows it as one.
    expect(inspect(copy.result, { depth: 5 })).toBe(inspect(results[2], { depth: 5 }));
  });

  it('keeps texts beyond ASCII, in a file that is all ASCII', () => {
    fill(1);
    const cache = new ResultCache(file, 'fingerprint', clauses, env());
    writeFileSync(draft(0), 'Caf\u00e9 news.');
    const found = cache.lookup(draft(0), 'post-0.md');
    if (!found || 'result' in found) throw new Error('expected a miss');
    const changed = result('post-0.md');
    changed.findings[0].message = 'Mentions \u201cSATs results\u201d \u2014 caf\u00e9 \ud83c\udf89';
    changed.note = 'photo \u00e9t\u00e9.jpg not found';
    cache.set(draft(0), found.bytes, found.stamp, changed, []);
    cache.save();
    expect(readFileSync(file).findIndex((byte) => byte > 0x7f)).toBe(-1);
    utimesSync(draft(0), hourAgo, hourAgo);
    const again = new ResultCache(file, 'fingerprint', clauses, env()).lookup(draft(0), 'post-0.md');
    expect(again).toEqual({ result: changed });
  });

  it('leaves the file alone on a run that changed nothing, even where no key can be kept for the photo table', () => {
    const noKey = { XDG_CACHE_HOME: '/dev/null/cannot' };
    const elsewhere = join(tempFolder(), '.safepostcache');
    writeFileSync(draft(0), 'A lovely day.');
    // The photo is missing: it is watched through its nearest folder, here the draft's own.
    for (const path of [draft(0), dir]) utimesSync(path, hourAgo, hourAgo);
    const cache = new ResultCache(elsewhere, 'fingerprint', clauses, noKey);
    const found = cache.lookup(draft(0), 'post-0.md');
    if (!found || 'result' in found) throw new Error('expected a miss');
    cache.set(draft(0), found.bytes, found.stamp, { path: 'post-0.md', channel: 'official', findings: [] }, [join(dir, 'img', 'x.jpg')]);
    cache.save();
    const before = readFileSync(elsewhere, 'utf8');
    for (let run = 0; run < 2; run++) {
      const again = new ResultCache(elsewhere, 'fingerprint', clauses, noKey);
      expect(again.lookup(draft(0), 'post-0.md')).toHaveProperty('result');
      again.save();
    }
    expect(readFileSync(elsewhere, 'utf8')).toBe(before);
  });

  it('keeps what came before a line cut short by a stopped run', () => {
    fill(3);
    appendFileSync(file, '["e","abc",{"c":"x","s":[1,');
    const cache = new ResultCache(file, 'fingerprint', clauses, env());
    expect(cache.lookup(draft(2), 'post-2.md')).toHaveProperty('result');
    writeFileSync(draft(2), 'All fine.');
    const found = cache.lookup(draft(2), 'post-2.md');
    if (!found || 'result' in found) throw new Error('expected a miss');
    cache.set(draft(2), found.bytes, found.stamp, { path: 'post-2.md', channel: 'official', findings: [] }, []);
    cache.save();
    // Written afresh: every line whole again.
    for (const line of readFileSync(file, 'utf8').trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
    expect(lineCount()).toBe(1 + 1 + 3);
  });
});
