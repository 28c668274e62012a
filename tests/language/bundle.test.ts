// The layer as the package ships it: the tagger and its model bundled into dist/, in chunks that
// only a check that uses the layer reads.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const DIST = join(ROOT, 'dist');

/** The files a module loads when it starts: its static imports, and theirs. */
function loadedAtStart(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(entry, 'utf8');
  for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?"(\.{1,2}\/[^"]+)"/g)) loadedAtStart(resolve(dirname(entry), m[1]), seen);
  return seen;
}

/** The chunks a module loads with import() when it needs them. */
const loadedLater = (entry: string) => [...readFileSync(entry, 'utf8').matchAll(/import\("(\.{1,2}\/[^"]+)"\)/g)].map((m) => resolve(dirname(entry), m[1]));

describe('the bundled linguistic layer', () => {
  it('runs from dist/ with its model inside the package', () => {
    expect(existsSync(join(DIST, 'index.js'))).toBe(true);
    const script = `const { loadLanguage } = await import(${JSON.stringify(pathToFileURL(join(DIST, 'index.js')).href)});
      const a = (await loadLanguage()).analyse('Will and Amir won. we’ll be at the museum till half three');
      console.log(JSON.stringify({ pos: a.tokens.map((t) => t.pos), tense: a.sentences.map((s) => s.tense), times: a.entities.map((e) => a.text.slice(e.start, e.end) + ' ' + e.type) }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: ROOT });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      pos: ['PROPN', 'CCONJ', 'PROPN', 'VERB', 'PUNCT', 'PRON', 'AUX', 'AUX', 'ADP', 'DET', 'NOUN', 'ADP', 'NOUN', 'NUM'],
      tense: ['past', 'future'],
      times: ['half three TIME'],
    });
  });

  it('is not read by a check that does not use it: the tagger and model are chunks of their own', () => {
    // The import() may sit in a chunk that index.js shares with the checker.
    const later = [...loadedAtStart(join(DIST, 'index.js'))].flatMap(loadedLater);
    expect(later.length).toBeGreaterThanOrEqual(2);
    const model = later.find((f) => readFileSync(f, 'utf8').includes('brotliDecompressSync'));
    expect(model).toBeDefined();
    for (const entry of ['cli/main.js', 'index.js', 'api/worker.js']) {
      const atStart = loadedAtStart(join(DIST, entry));
      expect(later.filter((f) => atStart.has(f))).toEqual([]);
    }
  });
});
