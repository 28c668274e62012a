import { resolve } from 'node:path';
import { SafepostError } from '../errors.js';
import { openFileWriter, writeFailureReason, type FileWriter } from '../fs/write-file.js';
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
 * Standard output, or a file written whole or not at all (see openFileWriter), so that a check
 * that stops half way leaves the last report as it was rather than part of a new one.
 */
export function reportOutput(file: string | undefined, io: CliIO): ReportOutput {
  if (!file) return { write: io.stdout, finish() {}, abandon() {} };
  const fail = (error: unknown): never => {
    throw new SafepostError(`cannot write the report to ${file}: ${writeFailureReason(error)}`);
  };
  let writer: FileWriter;
  try {
    // Opened now, so that a report that cannot be written is found before checking a whole site.
    writer = openFileWriter(resolve(io.cwd, file), { createFolder: true });
  } catch (error) {
    return fail(error);
  }
  const attempt = (step: () => void) => {
    try {
      step();
    } catch (error) {
      writer.abandon();
      fail(error);
    }
  };
  return {
    write: (text) => attempt(() => writer.write(text)),
    finish: () => attempt(() => writer.commit()),
    abandon: () => writer.abandon(),
  };
}
