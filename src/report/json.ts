import type { Report } from '../results/schema.js';
import type { Formatter } from './formatter.js';

// Thirty drafts' results a piece (about 80 KB on the benchmark): one 28 MB string cost a cached run
// over ten thousand drafts more in garbage collection than in making it, and one call a draft
// costs a third more than one call a few dozen.
const DRAFTS_A_PIECE = 30;

/**
 * The JSON report a piece at a time: the same text as JSON.stringify of the whole report, key for
 * key. Compact, as ESLint's: reports of many drafts are large, and programs read them.
 */
export function* jsonPieces(report: Report): Generator<string> {
  let first = true;
  let open = '{';
  for (const [key, value] of Object.entries(report)) {
    if (value === undefined) continue;
    open += `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (key !== 'files') {
      open += JSON.stringify(value);
      continue;
    }
    yield `${open}[`;
    open = '';
    for (let i = 0; i < report.files.length; i += DRAFTS_A_PIECE) {
      // An array of a few results, without its brackets.
      const piece = JSON.stringify(report.files.slice(i, i + DRAFTS_A_PIECE));
      yield `${i === 0 ? '' : ','}${piece.slice(1, -1)}`;
    }
    open = ']';
  }
  yield `${open}}\n`;
}

export const json: Formatter = (report) => [...jsonPieces(report)].join('');
