import { decodeDraft, formatOf, parseDocument, type Document } from '../documents/index.js';
import { readDraftFile } from '../drafts/changed.js';
import type { DraftFile } from '../drafts/find.js';
import type { FileResult } from '../results/schema.js';
import { addressPlaces, photoStamp } from './photo-stamp.js';
import type { ResultCache } from './result-cache.js';

/** How a draft is checked without the cache (its bytes, when read), with the document it read. */
export type Inspect = (draft: DraftFile, bytes?: Uint8Array) => Promise<{ result: FileResult; doc?: Document }>;

/**
 * Checks drafts through the cache: each is read once, a kept result is used while the draft's
 * bytes and its photos are as they were, any other draft is checked and kept. Results go to
 * `visit` in order; the cache is saved at the end.
 */
export async function checkWithCache(cache: ResultCache, drafts: DraftFile[], visit: (result: FileResult) => void, inspect: Inspect): Promise<void> {
  for (const draft of drafts) {
    let bytes: Buffer | undefined;
    try {
      bytes = readDraftFile(draft);
    } catch {
      // checked below, to say why it cannot be read
    }
    const format = formatOf(draft.absolute);
    // The addresses of the photos a kept draft names: read where they stood, else parsed again.
    const photosNow = (text: string, at?: Array<[number, number]>) =>
      photoStamp(at ? at.map(([start, length]) => text.slice(start, start + length)) : parseDocument(text, format).images.map((i) => i.src), draft.absolute);
    const kept = bytes && cache.get(draft.absolute, draft.shown, bytes, (at) => photosNow(decodeDraft(bytes), at));
    if (kept) {
      visit(kept);
      continue;
    }
    const { result, doc } = await inspect(draft, bytes);
    // A Word draft's photos are inside it, and so in its bytes.
    const stamp = bytes && doc && format !== 'docx' ? photoStamp(doc.images.map((i) => i.src), draft.absolute) : null;
    const at = stamp && doc ? addressPlaces(doc.images, doc.source) : null;
    if (bytes) cache.set(draft.absolute, bytes, result, stamp ? { stamp, ...(at ? { at } : {}) } : null);
    visit(result);
  }
  cache.save();
}
