import type { FileResult, Summary } from '../results/schema.js';
import type { Formatter } from './formatter.js';

// Thirty drafts' results a piece: one call a draft costs a third more than one call a few dozen.
const DRAFTS_A_PIECE = 30;

/**
 * Writes the JSON report while drafts are checked, a few results at a time: the same text as
 * JSON.stringify of the whole report. Results are not kept once written, so that a report on
 * ten thousand drafts never holds them all. Compact, as ESLint's: programs read it.
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
    const piece = JSON.stringify(this.pending).slice(1, -1);
    this.write(this.written === 0 ? `{"files":[${piece}` : `,${piece}`);
    this.written += this.pending.length;
    this.pending = [];
  }
}

export const json: Formatter = (report) => {
  const parts: string[] = [];
  const writer = new JsonReportWriter((text) => parts.push(text));
  for (const file of report.files) writer.add(file);
  writer.end(report.summary);
  return parts.join('');
};
