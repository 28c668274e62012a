// npm run bench: checks a deterministic corpus of 10,000 newsletter-sized posts and reports
// files/s and MB/s for the whole command line and for parsing alone.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus, generateRoster } from './generate.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const count = Number(process.env.BENCH_FILES ?? 10_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const dir = join(tmpdir(), `safepost-bench-${count}`);
mkdirSync(dir, { recursive: true });
const { bytes, texts } = generateCorpus(dir, count);
const config = join(dir, 'safepost.config.yaml');
writeFileSync(config, 'channel: official\n');
const mb = bytes / 1e6;
console.log(`corpus: ${count} posts, ${mb.toFixed(1)} MB in ${dir}`);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const report = (label, ms) =>
  console.log(`${label.padEnd(28)} ${ms.toFixed(0).padStart(6)} ms  ${((count / ms) * 1000).toFixed(0).padStart(6)} files/s  ${(mb / (ms / 1000)).toFixed(1).padStart(6)} MB/s`);

// The whole command line, as CI runs it: start-up, walking the folder, reading, parsing, rules,
// and the JSON report written to a file.
const output = join(dir, '..', `safepost-bench-${count}.json`);
function wholeCli(extra, before = () => {}, env = process.env) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    before(i);
    const fd = openSync(output, 'w');
    const start = performance.now();
    const configArgs = extra.includes('--config') ? [] : ['--config', config];
    const r = spawnSync(process.execPath, [join(root, 'bin', 'safepost.js'), 'check', dir, ...configArgs, '--format', 'json', ...extra], {
      stdio: ['ignore', fd, 'pipe'],
      encoding: 'utf8',
      env,
    });
    times.push(performance.now() - start);
    closeSync(fd);
    if (r.status !== 0 && r.status !== 1) {
      console.error(r.stderr);
      process.exit(1);
    }
  }
  return median(times);
}
const plain = wholeCli([]);
report('whole CLI (median)', plain);
console.log(`findings: ${JSON.parse(readFileSync(output, 'utf8')).files.reduce((n, f) => n + f.findings.length, 0)}`);

// What the linguistic layer's rules cost: the same run with every sequence rule turned off, and
// one small draft (the start-up a user waits for) with and without them.
const sequenceIds = readdirSync(join(root, 'rules', 'location'))
  .map((f) => readFileSync(join(root, 'rules', 'location', f), 'utf8'))
  .filter((yaml) => /^kind: sequence$/m.test(yaml))
  .map((yaml) => /^id: (.+)$/m.exec(yaml)[1]);
const withoutLayer = join(dir, '..', 'safepost-bench-no-sequence.config.yaml');
writeFileSync(withoutLayer, `channel: official\nrules:\n${sequenceIds.map((id) => `  ${id}: off\n`).join('')}`);
const noSequence = wholeCli(['--config', withoutLayer]);
report('the same, no sequence rules', noSequence);
console.log(`the sequence rules cost ${(plain / noSequence).toFixed(2)}x a run without them`);
const small = join(dir, 'term-0', 'post-00001.md');
const oneDraft = (configFile) => {
  const times = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    spawnSync(process.execPath, [join(root, 'bin', 'safepost.js'), 'check', small, '--config', configFile], { stdio: 'ignore' });
    times.push(performance.now() - start);
  }
  return median(times);
};
const smallWith = oneDraft(config);
const smallWithout = oneDraft(withoutLayer);
console.log(`one small draft: ${smallWith.toFixed(0)} ms, ${smallWithout.toFixed(0)} ms with no sequence rules (${(smallWith / smallWithout).toFixed(2)}x)`);
report('whole CLI, 2 threads', wholeCli(['--concurrency', '2']));

// The cost of a roster must not grow with it: the same posts with 100, 10,000 and 100,000
// pupils, generated here from name lists, the sizes run in turn.
const rosterSizes = [100, 10_000, 100_000];
const rosterPaths = {};
for (const size of rosterSizes) writeFileSync((rosterPaths[size] = join(dir, '..', `safepost-bench-roster-${size}.csv`)), generateRoster(size));
const rosterTimes = Object.fromEntries(rosterSizes.map((size) => [size, []]));
for (let i = 0; i < runs; i++) {
  for (const size of rosterSizes) {
    const fd = openSync(output, 'w');
    const start = performance.now();
    const r = spawnSync(process.execPath, [join(root, 'bin', 'safepost.js'), 'check', dir, '--config', config, '--format', 'json', '--roster', rosterPaths[size]], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
    rosterTimes[size].push(performance.now() - start);
    closeSync(fd);
    if (r.status !== 0 && r.status !== 1) {
      console.error(r.stderr);
      process.exit(1);
    }
  }
}
const rosters = Object.fromEntries(rosterSizes.map((size) => [size, median(rosterTimes[size])]));
for (const size of rosterSizes) report(`whole CLI, ${size.toLocaleString('en-GB')}-pupil roster`, rosters[size]);
console.log(`a 10,000-pupil roster costs ${(rosters[10_000] / rosters[100]).toFixed(2)}x a 100-pupil one, a 100,000-pupil one ${(rosters[100_000] / rosters[100]).toFixed(2)}x`);

// A hashed roster: each distinct pair asked about is hashed once a run, at scrypt's cost.
const hashedRoster = join(dir, '..', 'safepost-bench-roster-10000.safepost');
spawnSync(process.execPath, [join(root, 'bin', 'safepost.js'), 'roster', 'hash', join(dir, '..', 'safepost-bench-roster-10000.csv'), '-o', hashedRoster]);
const hashed = wholeCli(['--roster', hashedRoster]);
report('whole CLI, the same hashed', hashed);
console.log(`the hashed 10,000-pupil roster costs ${(hashed / rosters[10_000]).toFixed(2)}x the plain one`);

// The cache: a first run with --cache, then runs with one post changed each time.
const cacheFile = join(dir, '..', `safepost-bench-${count}.cache`);
const cold = wholeCli(['--cache-location', cacheFile], () => rmSync(cacheFile, { force: true }));
const changed = join(dir, readdirSync(dir).find((d) => d.startsWith('term-')), 'post-00000.md');
const original = readFileSync(changed, 'utf8');
const warm = wholeCli(['--cache-location', cacheFile], (i) => writeFileSync(changed, `${original}\nOne more line, ${i}.\n`));
// As in CI: the cache restored on a fresh runner, where a fresh checkout gave every draft new times
// and the user's cache folder is empty (the cache must not depend on either).
const restored = readFileSync(cacheFile);
const drafts = readdirSync(dir)
  .filter((d) => d.startsWith('term-'))
  .flatMap((d) => readdirSync(join(dir, d)).map((f) => join(dir, d, f)));
const runner = join(dir, '..', 'safepost-bench-runner');
const checkout = wholeCli(
  ['--cache-location', cacheFile],
  (i) => {
    writeFileSync(cacheFile, restored);
    writeFileSync(changed, `${original}\nAnother line, ${i}.\n`);
    const now = new Date();
    for (const draft of drafts) utimesSync(draft, now, now);
    rmSync(runner, { recursive: true, force: true });
  },
  { ...process.env, XDG_CACHE_HOME: runner },
);
writeFileSync(changed, original);
report('first run with --cache', cold);
report('one post changed, cached', warm);
report('the same in CI (new checkout, runner)', checkout);
console.log(
  `a cached run with one post changed takes ${((warm / cold) * 100).toFixed(1)}% of the first run, ${((warm / plain) * 100).toFixed(1)}% of a run without --cache`,
);

// Parsing alone, in this process, on texts already in memory.
const { parseDocument } = await import(join(root, 'dist', 'index.js'));
const parse = [];
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  for (const text of texts) parseDocument(text, 'markdown');
  parse.push(performance.now() - start);
}
report('parsing alone (median)', median(parse));

// Parsing and every rule, in this process, without start-up or file reading.
const { createChecker } = await import(join(root, 'dist', 'index.js'));
const checker = createChecker({ config });
await checker.ready();
// The same with five pattern rules of a user's, which run on the linear-time engine (re2js),
// alternated with the runs without them.
const userRules = join(dir, '..', 'safepost-bench-user-rules');
mkdirSync(userRules, { recursive: true });
const userPatterns = [
  '\\b(?:ofsted|inspection|inspectors?)\\b',
  '\\b(?:detention|excluded|exclusion|suspended)\\b',
  '\\b(?:Mr|Mrs|Ms|Miss|Dr)\\.?\\s+[A-Z][\\w\'’-]+',
  '(?<=£)\\d+(?:\\.\\d{2})?',
  '[^.!?\\n]{0,40}\\bdiagnos(?:ed|is)\\b',
];
userPatterns.forEach((pattern, i) =>
  writeFileSync(
    join(userRules, `user-${i}.yaml`),
    `id: user-${i}\ncategory: conduct\nseverity: info\nclause: 6(c)\nmessage: m\nsuggestion: s\nkind: pattern\npatterns:\n  - ${JSON.stringify(pattern)}\n`,
  ),
);
const withUserRules = createChecker({ config, ruleFolders: [userRules] });
await withUserRules.ready();
const engine = [];
const engineWithUser = [];
for (let i = 0; i < runs; i++) {
  for (const [c, times] of [[checker, engine], [withUserRules, engineWithUser]]) {
    const start = performance.now();
    for (const text of texts) c.checkText(text, 'post.md');
    times.push(performance.now() - start);
  }
}
report('parse + rules (median)', median(engine));
report('the same, 5 user pattern rules', median(engineWithUser));

// The linguistic layer on every post's reader text, in this process: the tagger and its model
// load once (timed apart), then each text is analysed as a rule that needs it would have it.
const { loadLanguage } = await import(join(root, 'dist', 'index.js'));
const loadStart = performance.now();
const language = await loadLanguage();
const loadMs = performance.now() - loadStart;
const readerTexts = texts.map((text) => parseDocument(text, 'markdown').prose.text);
const readerMb = readerTexts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
const layer = [];
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  // The layer remembers only the last few texts: every post here is analysed afresh.
  for (const text of readerTexts) language.analyse(text);
  layer.push(performance.now() - start);
}
const layerMs = median(layer);
console.log(`linguistic layer: model loaded in ${loadMs.toFixed(0)} ms; ${readerMb.toFixed(1)} MB of reader text in ${layerMs.toFixed(0)} ms, ${(readerMb / (layerMs / 1000)).toFixed(2)} MB/s, ${((layerMs / count) * 1000).toFixed(0)} µs a post`);
