import { extname } from 'node:path';
import type { Document, DocumentFormat } from './document.js';
import { parseHtml } from './html.js';
import { parseMarkdown } from './markdown.js';
import { parseText } from './text.js';

export type { Document, DocumentFormat, DraftImage, SuppressionComment } from './document.js';
export { readDocx, UnreadableDocxError } from './docx.js';
export type { Segment, SegmentKind, SourceText } from './source-text.js';

/** File extensions safepost reads when it walks a folder, by format. */
export const DRAFT_EXTENSIONS: Record<string, DocumentFormat> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.txt': 'text',
  '.docx': 'docx',
};

export const MAX_DRAFT_BYTES = 10 * 1024 * 1024;

/** The format of a draft from its name; anything unknown is read as plain text. */
export function formatOf(path: string): DocumentFormat {
  return DRAFT_EXTENSIONS[extname(path).toLowerCase()] ?? 'text';
}

export function parseDocument(source: string, format: DocumentFormat): Document {
  switch (format) {
    case 'markdown':
      return parseMarkdown(source);
    case 'html':
      return parseHtml(source);
    default:
      return parseText(source);
  }
}

export class UnreadableDraftError extends Error {}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes a draft's bytes, refusing what is not a text draft, with a message saying what to do. */
export function decodeDraft(bytes: Uint8Array): string {
  if (bytes.length > MAX_DRAFT_BYTES) {
    throw new UnreadableDraftError(
      `file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, over the 10 MB limit for a draft; split it or check that it is a draft`,
    );
  }
  const probe = bytes.subarray(0, 8000);
  if (probe.includes(0)) {
    throw new UnreadableDraftError('file is binary, not a text draft; pass Markdown, HTML, plain-text or Word (.docx) files');
  }
  try {
    return utf8.decode(bytes);
  } catch {
    throw new UnreadableDraftError('file is not UTF-8 text; save it as UTF-8 and check again');
  }
}
