import type { Document } from '../../src/documents/index.js';

/** Where the nth occurrence of `needle` in a document's reader text comes from in its source. */
export function sourceSpan(doc: Document, needle: string, nth = 1): { start: number; end: number; text: string } {
  let at = -1;
  for (let k = 0; k < nth; k++) {
    at = doc.prose.text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (${nth}) is not in the reader text: ${JSON.stringify(doc.prose.text)}`);
  }
  const { start, end } = doc.prose.toSource(at, at + needle.length);
  return { start, end, text: doc.source.slice(start, end) };
}
