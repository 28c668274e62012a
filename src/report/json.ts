import type { Report } from '../results/schema.js';
import type { Formatter } from './formatter.js';

// About a megabyte a piece: a cached run over ten thousand drafts spent more time collecting the
// garbage of one 28 MB string than making it.
const PIECE_LENGTH = 1 << 20;

/**
 * The JSON report a piece at a time, each draft's result made on its own: the same text as
 * JSON.stringify of the whole report, key for key. Compact, as ESLint's: reports of many drafts
 * are large, and programs read them.
 */
export function* jsonPieces(report: Report): Generator<string> {
  let parts: string[] = ['{'];
  let length = 0;
  let first = true;
  for (const [key, value] of Object.entries(report)) {
    if (value === undefined) continue;
    parts.push(`${first ? '' : ','}${JSON.stringify(key)}:`);
    first = false;
    if (key !== 'files') {
      parts.push(JSON.stringify(value));
      continue;
    }
    parts.push('[');
    for (let i = 0; i < report.files.length; i++) {
      const text = JSON.stringify(report.files[i]);
      parts.push(i === 0 ? text : `,${text}`);
      length += text.length;
      if (length >= PIECE_LENGTH) {
        yield parts.join('');
        parts = [];
        length = 0;
      }
    }
    parts.push(']');
  }
  parts.push('}\n');
  yield parts.join('');
}

export const json: Formatter = (report) => [...jsonPieces(report)].join('');
