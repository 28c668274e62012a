import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from '../package-root.js';
import type { DraftFile } from '../drafts/find.js';
import type { FileResult } from '../results/schema.js';
import { loadClauses } from '../rules/policy.js';
import { unpackResult, type PackedResult } from '../results/pack.js';

/**
 * Below this many drafts a second thread costs more than it saves: measured on a 2-core
 * machine, where a thread's start-up (its own rules, name lists and tagger, and code not yet
 * compiled) outweighs the gain on 1,000 newsletter-sized drafts (4.9 s against 4.65 s), and
 * two threads take 0.87 times as long on 3,000 and 0.8 times on 5,000 and 10,000.
 * `--concurrency` overrides it.
 */
export const PARALLEL_THRESHOLD = 2000;
/** Drafts a thread claims at a time: small enough to balance, large enough to be cheap. */
export const BATCH = 50;

// From the package, not beside this module: the command line runs from a bundle elsewhere in dist/.
const WORKER = join(PACKAGE_ROOT, 'dist', 'api', 'worker.js');

/** How many threads to use for a number of drafts: `concurrency` as asked, or one a core. */
export function threadsFor(fileCount: number, concurrency: number | 'auto' = 1): number {
  if (concurrency !== 'auto') return Math.max(1, Math.min(concurrency, Math.ceil(fileCount / BATCH)));
  if (fileCount < PARALLEL_THRESHOLD) return 1;
  return Math.max(1, Math.min(availableParallelism(), 8));
}


/**
 * Claims the next batch of drafts from a counter shared by all threads; returns the index
 * of its first draft, or -1 when none are left. Threads that finish early take more.
 */
export function claimBatch(counter: Int32Array, total: number): number {
  const start = Atomics.add(counter, 0, BATCH);
  return start < total ? start : -1;
}

/**
 * Checks drafts on several threads. Every thread, this one included, claims batches from
 * a shared counter until none are left; results come back in the original order.
 */
export async function checkInThreads(
  files: DraftFile[],
  threads: number,
  workerOptions: object,
  checkHere: (file: DraftFile) => Promise<FileResult>,
): Promise<FileResult[]> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const results: FileResult[] = new Array(files.length);
  const clauses = loadClauses();
  const workers = Array.from(
    { length: threads - 1 },
    () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(WORKER, {
          workerData: { options: workerOptions, files, counter },
        });
        worker.on('message', (batch: { start: number; results: PackedResult[] }) => {
          batch.results.forEach((r, k) => (results[batch.start + k] = unpackResult(r, clauses)!));
        });
        worker.once('error', reject);
        worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a worker thread stopped with code ${code}`))));
      }),
  );
  for (let start = claimBatch(counter, files.length); start >= 0; start = claimBatch(counter, files.length)) {
    for (let i = start; i < Math.min(start + BATCH, files.length); i++) results[i] = await checkHere(files[i]);
  }
  await Promise.all(workers);
  return results;
}
