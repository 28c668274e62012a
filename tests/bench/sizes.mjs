// npm run bench, after run.mjs: one draft of 100 KB, 1 MB and 10 MB, checked in this process.
// Every stage takes time linear in its input, so MB/s stays about the same as drafts grow.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDraft } from './generate.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 3);
const config = join(tmpdir(), 'safepost-bench-sizes.config.yaml');
writeFileSync(config, 'channel: official\n');
const { createChecker } = await import(join(root, 'dist', 'index.js'));
const checker = createChecker({ config });
await checker.ready();
// Loading the name lexicon and compiling come once a run: not part of any draft's time.
checker.checkText(generateDraft(20_000), 'warm-up.md');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

for (const [label, bytes] of [['100 KB', 100_000], ['1 MB', 1_000_000], ['10 MB', 10_000_000]]) {
  const text = generateDraft(bytes);
  const mb = Buffer.byteLength(text) / 1e6;
  const times = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    findings = checker.checkText(text, 'draft.md').findings.length;
    times.push(performance.now() - start);
  }
  const ms = median(times);
  console.log(`one ${label.padEnd(6)} draft (median) ${ms.toFixed(0).padStart(7)} ms  ${(mb / (ms / 1000)).toFixed(2).padStart(6)} MB/s  ${findings} findings`);
}
