import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { LineIndex } from '../text/positions.js';
import { SafepostError } from '../errors.js';
import type { FileResult, Finding } from './schema.js';
import { sha256 } from '../fs/hash.js';
import { shownPath } from '../text/shown-path.js';
import { writeFailureReason, writeFileAtomic } from '../fs/write-file.js';

/** `.safepost-baseline.json`: findings accepted for now, as salted hashes and counts. */
export interface BaselineFile {
  format: 'safepost-baseline';
  version: 1;
  salt: string;
  /** How many findings of each fingerprint are accepted. */
  findings: Record<string, number>;
}

const LINE_BREAK = /[\r\n]/g;

export const BASELINE_FILE = '.safepost-baseline.json';

/**
 * A finding's fingerprint: a salted hash of its rule, its file, its text and the line it stands
 * on, so that it survives lines added or removed around it (not a change to its own line), and
 * the file holds no name, number or address.
 */
export function fingerprint(salt: string, path: string, finding: Finding, source: string, lines: LineIndex): string {
  const start = lines.offset(finding.line, finding.column);
  const end = lines.offset(finding.endLine, finding.endColumn);
  const lineStart = lines.offset(finding.line, 1);
  LINE_BREAK.lastIndex = end;
  const lineEnd = LINE_BREAK.exec(source)?.index ?? source.length;
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
  const neighbourhood = `${squash(source.slice(lineStart, start))}|${squash(source.slice(start, end))}|${squash(source.slice(end, lineEnd))}`;
  return sha256(`${salt}\u0000${finding.ruleId}\u0000${path}\u0000${neighbourhood}`);
}

export function newBaseline(): BaselineFile {
  return { format: 'safepost-baseline', version: 1, salt: randomBytes(16).toString('hex'), findings: {} };
}

export function readBaseline(path: string, cwd: string): BaselineFile {
  let data: BaselineFile;
  try {
    data = JSON.parse(readFileSync(path, 'utf8')) as BaselineFile;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new SafepostError(
      missing
        ? `baseline ${shownPath(path, cwd)} not found; write one with "safepost baseline"`
        : `baseline ${shownPath(path, cwd)} is not a baseline safepost can read; write it again with "safepost baseline"`,
    );
  }
  if (data.format !== 'safepost-baseline' || data.version !== 1 || typeof data.salt !== 'string' || typeof data.findings !== 'object') {
    throw new SafepostError(`baseline ${shownPath(path, cwd)} is not a baseline safepost can read; write it again with "safepost baseline"`);
  }
  return data;
}

/** Writes a baseline whole or not at all; a failure is a one-line SafepostError naming the file. */
export function writeBaseline(path: string, baseline: BaselineFile, cwd = process.cwd()): void {
  const sorted = Object.fromEntries(Object.entries(baseline.findings).sort(([a], [b]) => (a < b ? -1 : 1)));
  try {
    writeFileAtomic(path, `${JSON.stringify({ ...baseline, findings: sorted }, null, 1)}\n`);
  } catch (error) {
    throw new SafepostError(`cannot write the baseline to ${shownPath(path, cwd)}: ${writeFailureReason(error)}`);
  }
}

/** Hides, a draft at a time, the findings a baseline accepts (each fingerprint as many times as it was counted). */
export class BaselineFilter {
  private left: Record<string, number>;
  /** Findings hidden so far. */
  hidden = 0;

  constructor(baseline: BaselineFile) {
    this.left = { ...baseline.findings };
  }

  hide(file: FileResult): void {
    file.findings = file.findings.filter((f) => {
      const print = f.fingerprint;
      if (!print || !this.left[print]) return true;
      this.left[print]--;
      this.hidden++;
      return false;
    });
  }

  /** The fingerprints the run no longer found. */
  stale(): string[] {
    return Object.entries(this.left)
      .filter(([, count]) => count > 0)
      .map(([print]) => print);
  }
}
