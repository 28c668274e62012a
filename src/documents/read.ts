import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { Document, DocumentFormat, DraftImage } from './document.js';
import { OBJECT, readDocx, UnreadableDocxError } from './docx.js';
import { parseHtml } from './html.js';
import { parseMarkdown } from './markdown.js';
import { parseText } from './text.js';

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
// Word files carry their photos: a larger limit than for text drafts.
const MAX_DOCX_BYTES = 50 * 1024 * 1024;

/** The format of a draft from its name; anything unknown is read as plain text. */
export function formatOf(path: string): DocumentFormat {
  return DRAFT_EXTENSIONS[extname(path).toLowerCase()] ?? 'text';
}

/** Parses a text draft (a Word draft's text is read as plain text: its paragraphs, one a line). */
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

/** A draft that cannot be checked; the message says why and what to do, for the report. */
export class UnreadableDraftError extends Error {}

// The byte-order mark is kept as U+FEFF, so that columns count from the file's own start.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });
const utf16be = new TextDecoder('utf-16be', { fatal: true, ignoreBOM: true });

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** How a text draft is encoded: UTF-16 (as Notepad's "Unicode" saves) by its byte-order mark, else UTF-8. */
export function encodingOf(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** A draft's text as bytes in the encoding it was read from, for a copy written back in kind. */
export function encodeDraft(text: string, encoding: TextEncoding): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text);
  const bytes = Buffer.from(text, 'utf16le');
  return encoding === 'utf-16be' ? bytes.swap16() : bytes;
}

/** Whether bytes look like UTF-16 text without a byte-order mark: a zero in every other byte, on one side. */
function looksLikeUtf16(probe: Uint8Array): boolean {
  if (probe.length < 4) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < probe.length; i += 2) {
    if (probe[i] === 0) evenZeros++;
    if (probe[i + 1] === 0) oddZeros++;
  }
  const pairs = Math.floor(probe.length / 2);
  return (oddZeros >= pairs * 0.9 && evenZeros === 0) || (evenZeros >= pairs * 0.9 && oddZeros === 0);
}

/** Decodes a text draft's bytes, refusing what is not a text draft, with a message saying what to do. */
export function decodeDraft(bytes: Uint8Array): string {
  if (bytes.length > MAX_DRAFT_BYTES) {
    throw new UnreadableDraftError(
      `file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, over the 10 MB limit for a draft; split it or check that it is a draft`,
    );
  }
  const encoding = encodingOf(bytes);
  if (encoding !== 'utf-8') {
    try {
      return (encoding === 'utf-16le' ? utf16le : utf16be).decode(bytes);
    } catch {
      throw new UnreadableDraftError(`file starts as UTF-16 text but is damaged (an odd number of bytes or a broken character); save it again as UTF-8 and check again`);
    }
  }
  const probe = bytes.subarray(0, 8000);
  if (probe.includes(0)) {
    if (looksLikeUtf16(probe)) throw new UnreadableDraftError('file is UTF-16 text without a byte-order mark; save it as UTF-8 and check again');
    throw new UnreadableDraftError('file is binary, not a text draft; pass Markdown, HTML, plain-text or Word (.docx) files');
  }
  try {
    return utf8.decode(bytes);
  } catch {
    throw new UnreadableDraftError('file is not UTF-8 text; save it as UTF-8 and check again');
  }
}

/** A draft read from disk: its document, or `empty` when it has nothing to check. */
export interface Draft {
  format: DocumentFormat;
  doc: Document;
  empty: boolean;
  /** A Word draft's photos, by image: their bytes are inside the file. */
  embedded?: Map<DraftImage, Uint8Array>;
  /** How a text draft was encoded, so that a copy of it can be written the same way. */
  encoding?: TextEncoding;
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/**
 * A draft's bytes, read only when it is a regular file within the size limit for its format,
 * so that a device, a pipe or a huge file never hangs or swamps the run.
 */
export function readDraftBytes(path: string): Buffer {
  const stat = statSync(path);
  if (!stat.isFile()) throw new UnreadableDraftError('file is not a regular file (a device, a pipe or a socket); give safepost drafts only');
  checkDraftSize(path, stat.size);
  return readWhole(path, stat.size);
}

/** Fails a draft (named by `path`, for its format) over the size limit for its format. */
export function checkDraftSize(path: string, size: number): void {
  const docx = formatOf(path) === 'docx';
  if (size <= (docx ? MAX_DOCX_BYTES : MAX_DRAFT_BYTES)) return;
  throw new UnreadableDraftError(
    docx
      ? `file is ${megabytes(size)} MB, over the 50 MB limit for a Word draft`
      : `file is ${megabytes(size)} MB, over the 10 MB limit for a draft; split it or check that it is a draft`,
  );
}

/**
 * A file's bytes, given its size from the stat above: readFileSync would stat it once more, a
 * fifth of the system calls of reading a site's drafts. A file cut short since is read as it is.
 */
function readWhole(path: string, size: number): Buffer {
  // A file that says it is empty may still hold something (as /proc's do): read to its end.
  if (size === 0) return readFileSync(path);
  const fd = openSync(path, 'r');
  try {
    const bytes = Buffer.allocUnsafe(size);
    let done = 0;
    while (done < size) {
      const read = readSync(fd, bytes, done, size - done, null);
      if (read === 0) break;
      done += read;
    }
    return done < size ? bytes.subarray(0, done) : bytes;
  } finally {
    closeSync(fd);
  }
}

const reason = (error: unknown) => `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;

/**
 * Reads a draft of any format (its bytes, when already read): Markdown, HTML, plain text or
 * Word. Anything that stops it being checked is an UnreadableDraftError whose message is the
 * report's.
 */
/** Documents of other word processors, which safepost cannot read: what to do with each. */
const OTHER_DOCUMENTS: Record<string, string> = {
  '.doc': 'is an old Word .doc file, which safepost cannot read; open it in Word and save it as .docx (File, Save As, Word Document), then check that',
  '.odt': 'is an OpenDocument file, which safepost cannot read; save it as .docx (File, Save As, Word) and check that',
  '.rtf': 'is a Rich Text file, which safepost cannot read; save it as .docx and check that',
  '.pages': 'is a Pages file, which safepost cannot read; export it as Word (.docx) and check that',
};

export async function readDraft(path: string, bytes?: Uint8Array): Promise<Draft> {
  const other = OTHER_DOCUMENTS[extname(path).toLowerCase()];
  if (other) throw new UnreadableDraftError(`file ${other}`);
  const format = formatOf(path);
  if (format === 'docx') {
    try {
      const data = bytes ?? readDraftBytes(path);
      if (data.length > MAX_DOCX_BYTES) throw new UnreadableDocxError(`is ${(data.length / 1024 / 1024).toFixed(1)} MB, over the 50 MB limit for a Word draft`);
      const { doc, embedded } = await readDocx(data);
      const empty = doc.images.length === 0 && !/\S/.test(doc.source.split(OBJECT).join(''));
      return { format, doc, empty, embedded };
    } catch (error) {
      if (error instanceof UnreadableDraftError) throw error;
      throw new UnreadableDraftError(`file ${error instanceof UnreadableDocxError ? error.message : reason(error)}`);
    }
  }
  let source: string;
  let encoding: TextEncoding;
  try {
    const data = bytes ?? readDraftBytes(path);
    source = decodeDraft(data);
    encoding = encodingOf(data);
  } catch (error) {
    if (error instanceof UnreadableDraftError) throw error;
    throw new UnreadableDraftError(reason(error));
  }
  return { format, doc: parseDocument(source, format), empty: /^\uFEFF?\s*$/.test(source), encoding };
}
