import { resultJson } from '../results/deferred.js';
import type { FileResult, Summary } from '../results/schema.js';
import type { Formatter } from './formatter.js';

// Thirty drafts' results a piece (about 80 KB on the benchmark): one call a draft costs a third
// more than one call a few dozen.
const DRAFTS_A_PIECE = 30;

/**
 * Writes the JSON report while drafts are checked, a few results at a time: the same text as
 * JSON.stringify of the whole report, key for key. Results are not kept once written, so that a
 * report on ten thousand drafts never holds them all (holding them cost a cached run more in
 * garbage collection than making the report). Compact, as ESLint's: programs read it.
 */
export class JsonReportWriter {
  private pending: FileResult[] = [];
  private written = 0;

  // Nothing is written before the first piece: a check that fails before any result writes none.
  constructor(private readonly write: (text: string) => void) {}

  add(file: FileResult): void {
    this.pending.push(file);
    if (this.pending.length === DRAFTS_A_PIECE) this.flush();
  }

  end(summary: Summary): void {
    this.flush();
    this.write(`${this.written === 0 ? '{"files":[' : ''}],"summary":${JSON.stringify(summary)}}\n`);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const piece = resultsJson(this.pending);
    this.write(this.written === 0 ? `{"files":[${piece}` : `,${piece}`);
    this.written += this.pending.length;
    this.pending = [];
  }
}

/**
 * A few results as JSON, without the array's brackets: results read back from the cache as the
 * text it gives, the others stringified together.
 */
function resultsJson(files: FileResult[]): string {
  const parts: string[] = [];
  let plain: FileResult[] = [];
  const stringifyPlain = () => {
    if (plain.length > 0) parts.push(JSON.stringify(plain).slice(1, -1));
    plain = [];
  };
  for (const file of files) {
    const text = resultJson(file);
    if (text === undefined) plain.push(file);
    else {
      stringifyPlain();
      parts.push(text);
    }
  }
  stringifyPlain();
  return parts.join(',');
}

export const json: Formatter = (report) => {
  const parts: string[] = [];
  const writer = new JsonReportWriter((text) => parts.push(text));
  for (const file of report.files) writer.add(file);
  writer.end(report.summary);
  return parts.join('');
};
