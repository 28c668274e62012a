import { parentPort, workerData } from 'node:worker_threads';
import type { DraftFile } from '../drafts/find.js';
import { createChecker, type CheckerOptions } from './checker.js';
import { packResult } from '../results/pack.js';
import { BATCH, claimBatch } from './parallel.js';

// A worker thread checks batches of drafts with its own copy of the rules until none are left.
const { options, files, counter } = workerData as { options: CheckerOptions; files: DraftFile[]; counter: Int32Array };
const checker = createChecker({ ...options, concurrency: 1 });
for (let start = claimBatch(counter, files.length); start >= 0; start = claimBatch(counter, files.length)) {
  const results: ReturnType<typeof packResult>[] = [];
  for (const file of files.slice(start, start + BATCH)) results.push(packResult(await checker.checkFile(file)));
  parentPort!.postMessage({ start, results });
}
