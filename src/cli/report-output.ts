import { closeSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SafepostError } from '../errors.js';
import type { CliIO } from './io.js';

/** Where a report goes while drafts are checked: standard output, or the file of --output-file. */
export interface ReportOutput {
  write(text: string): void;
  /** The report is whole: put it in place. */
  finish(): void;
  /** The check did not finish: leave no partial report. */
  abandon(): void;
}

/**
 * Standard output, or a file written beside its place and renamed into it once whole, so that a
 * check that stops half way leaves the last report as it was rather than part of a new one.
 */
export function reportOutput(file: string | undefined, io: CliIO): ReportOutput {
  if (!file) return { write: io.stdout, finish() {}, abandon() {} };
  const target = resolve(io.cwd, file);
  const temporary = `${target}.${process.pid}.tmp`;
  const fail = (error: unknown): never => {
    throw new SafepostError(`cannot write the report to ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  };
  let fd: number | undefined;
  const close = () => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
  };
  const abandon = () => {
    close();
    rmSync(temporary, { force: true });
  };
  try {
    // Found now rather than after checking a whole site.
    if (statSync(target, { throwIfNoEntry: false })?.isDirectory()) fail({ code: 'EISDIR' });
    mkdirSync(dirname(target), { recursive: true });
    fd = openSync(temporary, 'w');
  } catch (error) {
    if (error instanceof SafepostError) throw error;
    fail(error);
  }
  return {
    write(text) {
      try {
        writeSync(fd!, text);
      } catch (error) {
        abandon();
        fail(error);
      }
    },
    finish() {
      try {
        close();
        renameSync(temporary, target);
      } catch (error) {
        abandon();
        fail(error);
      }
    },
    abandon,
  };
}
