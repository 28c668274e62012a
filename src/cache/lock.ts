import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

/** How long a run waits for another run to finish saving: saving takes well under a second. */
const WAIT_MS = 2000;
/** A lock this old is left by a run that stopped while saving. */
const STALE_MS = 10_000;

interface Holder {
  pid: number;
  host: string;
  time: number;
  token: string;
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Takes the lock file `path` (created exclusively, holding who took it and when), waiting a
 * little for another run to let it go; gives the function that lets it go, or null when it stays
 * taken. A lock is taken over when it is old, or when its process is gone from this machine.
 */
export function takeLock(path: string): (() => void) | null {
  const holder: Holder = { pid: process.pid, host: hostname(), time: Date.now(), token: randomBytes(8).toString('hex') };
  const mine = JSON.stringify(holder);
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      const fd = openSync(path, 'wx');
      try {
        writeFileSync(fd, mine);
      } finally {
        closeSync(fd);
      }
      return () => {
        // Only our own: a lock taken over while we were slow is the other run's now.
        if (readText(path) === mine) rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return null;
    }
    if (isStale(path)) {
      rmSync(path, { force: true });
      continue;
    }
    if (Date.now() >= deadline) return null;
    pause(20);
  }
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function isStale(path: string): boolean {
  let age: number;
  try {
    age = Date.now() - statSync(path).mtimeMs;
  } catch {
    return false; // gone already: taken again at once
  }
  if (age > STALE_MS) return true;
  let holder: Partial<Holder> | null = null;
  try {
    holder = JSON.parse(readText(path) ?? '') as Partial<Holder>;
  } catch {
    return false; // being written now, or a stray file: left to age
  }
  // A process id means something only on the machine (and in the container) that took the lock.
  if (holder?.host !== hostname() || typeof holder.pid !== 'number') return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
