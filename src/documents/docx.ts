import type { Aside, Document, DraftImage, TableCellPlace } from './document.js';
import { MissingPartError, openDocx, UnreadableDocxError, type DocxFile } from './docx-zip.js';
import { SourceTextBuilder, type SegmentKind } from './source-text.js';

/**
 * Word drafts (.docx, as Word and Google Docs save them), read with mammoth's document model.
 *
 * A .docx has no lines, so safepost gives it a text of its own: one line a paragraph (body,
 * table cells, then footnotes and endnotes), so that a finding's `line` is the paragraph number
 * and its `column` the UTF-16 offset in the paragraph. An image counts as one character,
 * U+FFFC, where it stands, as in Word's and Google Docs' own plain text. After the body come
 * the comments, the deleted text of tracked changes, the headers and the footers (`asides`):
 * no reader of the post sees them, but they go wherever the file goes.
 */

// The parts of mammoth's document model read here (it has no types of its own for them).
interface DocxElement {
  type: string;
  children?: DocxElement[];
  value?: string;
  styleName?: string | null;
  numbering?: unknown;
  altText?: string;
  contentType?: string;
  breakType?: string;
  href?: string;
  colSpan?: number;
  rowSpan?: number;
  isHeader?: boolean;
  readAsBuffer?: () => Promise<Buffer>;
}

interface DocxDocument extends DocxElement {
  notes?: { _notes?: Record<string, DocxElement> };
  comments?: Array<{ body?: DocxElement[]; authorName?: string | null }>;
}

// The parts of an XML DOM read here (xmldom's, which mammoth reads Word's XML with).
interface XmlNode {
  nodeName: string;
  parentNode: XmlNode | null;
  childNodes?: ArrayLike<XmlNode>;
  textContent: string | null;
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<XmlNode>;
}

/** The text of a paragraph or a run in Word's XML: its runs' text (`w:t`, or `w:delText` in deleted runs) and tabs. */
function xmlText(node: XmlNode, textTag: 'w:t' | 'w:delText'): string {
  let text = '';
  const walk = (parent: XmlNode) => {
    for (const child of Array.from(parent.childNodes ?? [])) {
      if (child.nodeName === textTag) text += (child.textContent ?? '').replace(/[\r\n\uFFFC]/g, ' ');
      else if (child.nodeName === 'w:tab') text += '\t';
      else if (child.nodeName === 'w:br' || child.nodeName === 'w:cr') text += ' ';
      else walk(child);
    }
  };
  walk(node);
  return text;
}

/** Paragraphs of a Word file outside its body, with where they are and what to do about them. */
interface AsidePart {
  part: Aside['part'];
  paragraphs: Paragraph[];
  where: string;
  advice: string;
}

const plainParagraph = (text: string): Paragraph => ({ text, kind: 'paragraph', images: [], styleName: '' });

/**
 * What a Word file holds besides its body, which a reader of the post never sees but which goes
 * wherever the file is sent: comments (from mammoth's model), the deleted text of tracked changes
 * (which mammoth leaves out) and headers and footers (which it does not read), each as paragraphs
 * with what to say of them.
 */
async function asidesOf(document: DocxDocument, file: DocxFile): Promise<AsidePart[]> {
  const out: AsidePart[] = [];
  for (const comment of document.comments ?? []) {
    const paragraphs: Paragraph[] = [];
    collectParagraphs({ type: 'comment', children: comment.body ?? [] }, paragraphs);
    const author = comment.authorName?.trim();
    out.push({ part: 'comment', paragraphs, where: author ? `in a comment by ${author}` : 'in a comment', advice: 'delete the comment before the file is shared' });
  }
  // A CommonJS package: its exports are the default export, as for mammoth.
  const { DOMParser } = ((await import('@xmldom/xmldom')) as unknown as { default: typeof import('@xmldom/xmldom') }).default;
  const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml') as unknown as XmlNode;
  const read = async (name: string) => String(await file.read(name, 'utf-8'));
  // Deleted runs, a paragraph's together, with who deleted them; the body is parsed again only when it has some.
  const bodyXml = await read('word/document.xml');
  const deletions = bodyXml.includes('<w:del ') || bodyXml.includes('<w:del>') ? Array.from(parse(bodyXml).getElementsByTagName('w:del')) : [];
  const deleted = new Map<XmlNode, { text: string; author: string }>();
  for (const del of deletions) {
    let paragraph = del.parentNode;
    while (paragraph && paragraph.nodeName !== 'w:p') paragraph = paragraph.parentNode;
    if (!paragraph) continue;
    const entry = deleted.get(paragraph) ?? { text: '', author: del.getAttribute('w:author')?.trim() ?? '' };
    entry.text += `${entry.text ? ' ' : ''}${xmlText(del, 'w:delText')}`;
    deleted.set(paragraph, entry);
  }
  for (const { text, author } of deleted.values()) {
    out.push({
      part: 'deletion',
      paragraphs: [plainParagraph(text)],
      where: author ? `in text deleted by ${author} with Track Changes` : 'in text deleted with Track Changes',
      advice: 'accept the change (Review, Accept) so that the deleted text leaves the file, before it is shared',
    });
  }
  for (const kind of ['header', 'footer'] as const) {
    const seen = new Set<string>();
    const parts = file.names().filter((name) => new RegExp(`^word/${kind}\\d*\\.xml$`).test(name)).sort();
    for (const name of parts) {
      const paragraphs = Array.from(parse(await read(name)).getElementsByTagName('w:p'))
        .map((p) => xmlText(p, 'w:t'))
        // A header repeated (first page, odd and even pages) is checked once.
        .filter((text) => text.trim() !== '' && !seen.has(text) && Boolean(seen.add(text)));
      if (paragraphs.length > 0) out.push({ part: kind, paragraphs: paragraphs.map(plainParagraph), where: `in the ${kind}`, advice: `take it out of the ${kind}` });
    }
  }
  return out;
}

export const OBJECT = '\uFFFC';

interface Paragraph {
  text: string;
  kind: SegmentKind;
  images: Array<{ at: number; element: DocxElement }>;
  styleName: string;
  /** In a table: where it stands there, its table known by the object, numbered once all are read. */
  cell?: CellOf;
}

type CellOf = Omit<TableCellPlace, 'table'> & { table: object };

export { UnreadableDocxError };

// As for other drafts: more text than this is not a post.
const MAX_TEXT_CHARS = 10 * 1024 * 1024;

/** Thrown once mammoth has read the document model, to stop its conversion there. */
const MODEL_READ = new Error('document model read');

function kindOf(style: string, numbered: boolean, inTable: boolean): SegmentKind {
  if (/^(heading|title|subtitle)/i.test(style)) return 'heading';
  if (/caption/i.test(style)) return 'caption';
  if (inTable) return 'table-cell';
  if (numbered || /list/i.test(style)) return 'list-item';
  if (/quote/i.test(style)) return 'quote';
  return 'paragraph';
}

function collectParagraphs(root: DocxElement, out: Paragraph[], cell?: CellOf): void {
  for (const element of root.children ?? []) {
    if (element.type === 'paragraph') {
      const paragraph: Paragraph = {
        text: '',
        kind: kindOf(element.styleName ?? '', Boolean(element.numbering), cell !== undefined),
        images: [],
        styleName: element.styleName ?? '',
        ...(cell ? { cell } : {}),
      };
      const walk = (node: DocxElement) => {
        for (const child of node.children ?? []) {
          if (child.type === 'text') paragraph.text += (child.value ?? '').replace(/[\r\n\uFFFC]/g, ' ');
          else if (child.type === 'tab') paragraph.text += '\t';
          else if (child.type === 'break') paragraph.text += ' ';
          else if (child.type === 'image') {
            paragraph.images.push({ at: paragraph.text.length, element: child });
            paragraph.text += OBJECT;
          } else if (child.type !== 'comment' && child.type !== 'note') walk(child);
        }
      };
      walk(element);
      out.push(paragraph);
    } else if (element.type === 'table' && !cell) {
      // Rows and cells counted as Word lays them out; anything else in a table is read as a cell's.
      const table = {};
      let row = 0;
      for (const child of element.children ?? []) {
        if (child.type !== 'tableRow') {
          collectParagraphs({ type: 'table-part', children: [child] }, out, { table, row, cell: 0, colSpan: 1, rowSpan: 1, header: false });
          continue;
        }
        let column = 0;
        for (const part of child.children ?? []) {
          const place = { table, row, cell: column, colSpan: part.colSpan ?? 1, rowSpan: part.rowSpan ?? 1, header: Boolean(child.isHeader) };
          collectParagraphs(part.type === 'tableCell' ? part : { type: 'table-part', children: [part] }, out, place);
          if (part.type === 'tableCell') column++;
        }
        row++;
      }
    } else if (element.children) {
      collectParagraphs(element, out, cell);
    }
  }
}

const CONTACT_LINK = /^(?:mailto|tel|sms|callto):/i;

/** The targets of a document's links, in the order they come (in the body and its notes). */
function linksOf(document: DocxDocument): string[] {
  const out: string[] = [];
  const walk = (node: DocxElement) => {
    if (node.type === 'hyperlink' && node.href) out.push(node.href.replace(/[\r\n\uFFFC]/g, ' '));
    for (const child of node.children ?? []) walk(child);
  };
  walk(document);
  for (const note of Object.values(document.notes?._notes ?? {})) walk(note);
  return out;
}

/** Each paragraph's place in its table, by line from 1, the tables numbered in the order of the file. */
function tableCellsOf(paragraphs: Paragraph[]): Array<TableCellPlace | undefined> | undefined {
  if (!paragraphs.some((p) => p.cell)) return undefined;
  const numbers = new Map<object, number>();
  return [
    undefined,
    ...paragraphs.map(({ cell }) => {
      if (!cell) return undefined;
      if (!numbers.has(cell.table)) numbers.set(cell.table, numbers.size);
      return { ...cell, table: numbers.get(cell.table)! };
    }),
  ];
}

/** Whether the bytes begin as a zip file does (a .docx is one). */
const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

const incomplete = (damage: string) => new UnreadableDocxError(`is not a complete Word document (${damage}); open it in Word and save it again`);

/** What is wrong with a .docx, from the zip and XML readers' complaints. */
function damageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error ?? '');
  if (/central directory|corrupted zip|end of data/i.test(message)) return 'it is cut short';
  if (/main document part/i.test(message)) return 'it has no word/document.xml';
  if (/body element/i.test(message)) return 'its word/document.xml has no document body';
  if (/xmldom|xml/i.test(message)) return 'one of its XML parts is malformed';
  return 'its parts do not fit together';
}

/** Whether the bytes are an OLE compound file: an encrypted .docx or an old .doc. */
const isCompoundFile = (bytes: Uint8Array) => bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;

export interface DocxDraft {
  doc: Document;
  /** The bytes of each embedded photo, for its metadata. */
  embedded: Map<DraftImage, Uint8Array>;
}

export async function readDocx(bytes: Uint8Array): Promise<DocxDraft> {
  if (isCompoundFile(bytes)) {
    throw new UnreadableDocxError('is password-protected or an old Word .doc file; remove the password or save it as .docx, and check again');
  }
  if (!isZip(bytes)) {
    throw new UnreadableDocxError(
      bytes.length === 0
        ? 'is empty, not a Word document; open the original in Word and save it again as .docx'
        : 'is not a Word document (a .docx is a zip file, and this is not one); if it is one, open it in Word and save it again as .docx',
    );
  }
  let model: DocxDocument | null = null;
  let failure: unknown;
  // Loaded on the first Word draft only: most runs have none, and it is a large package.
  const { default: mammoth } = await import('mammoth');
  let file: Awaited<ReturnType<typeof openDocx>>;
  try {
    file = await openDocx(bytes);
  } catch (error) {
    if (error instanceof UnreadableDocxError) throw error;
    throw incomplete(damageOf(error));
  }
  try {
    await mammoth.convertToHtml(
      { file } as unknown as { buffer: Buffer },
      {
        // The document model is all that is needed: stop before mammoth makes HTML of it, which
        // would take as much time and memory again.
        transformDocument: (document: DocxDocument) => {
          model = document;
          throw MODEL_READ;
        },
        // The HTML is not used: no need to encode the pictures.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
  } catch (error) {
    if (error instanceof UnreadableDocxError) throw error;
    if (error !== MODEL_READ) {
      failure = error;
      model = null;
    }
  }
  if (!model) throw incomplete(damageOf(failure));
  const document: DocxDocument = model;
  const paragraphs: Paragraph[] = [];
  collectParagraphs(document, paragraphs);
  for (const note of Object.values(document.notes?._notes ?? {})) collectParagraphs(note, paragraphs);
  const asides: Aside[] = [];
  let asideParts: AsidePart[];
  try {
    asideParts = await asidesOf(document, file);
  } catch (error) {
    if (error instanceof UnreadableDocxError) throw error;
    throw incomplete(damageOf(error));
  }
  // The addresses behind links that write or ring someone: the text shown may not say who.
  const addresses = [...new Set(linksOf(document).filter((href) => CONTACT_LINK.test(href)))];
  if (addresses.length > 0) {
    asideParts.push({ part: 'link', paragraphs: addresses.map(plainParagraph), where: "in a link's address", advice: 'remove the link, or point it at the school office' });
  }
  for (const { part, paragraphs: more, where, advice } of asideParts) {
    if (!more.some((p) => p.text.trim() !== '')) continue;
    asides.push({ part, startLine: paragraphs.length + 1, endLine: paragraphs.length + more.length, where, advice });
    paragraphs.push(...more);
  }
  let length = 0;
  for (const paragraph of paragraphs) length += paragraph.text.length + 1;
  if (length > MAX_TEXT_CHARS) {
    throw new UnreadableDocxError(`has ${(length / 1024 / 1024).toFixed(1)} MB of text, over the 10 MB limit for a draft; split it into shorter drafts`);
  }

  const builder = new SourceTextBuilder();
  const images: DraftImage[] = [];
  const embedded = new Map<DraftImage, Uint8Array>();
  const reads: Array<Promise<void>> = [];
  let offset = 0;
  let last: { image: DraftImage; paragraph: number } | null = null;
  paragraphs.forEach((paragraph, index) => {
    const start = offset;
    builder.beginSegment(paragraph.kind);
    let at = 0;
    for (const { at: imageAt } of paragraph.images) {
      builder.verbatim(paragraph.text.slice(at, imageAt), start + at);
      at = imageAt + 1;
    }
    builder.verbatim(paragraph.text.slice(at), start + at);
    builder.endSegment();
    builder.separator();
    // A caption paragraph right after a picture is its caption.
    if (last && last.paragraph === index - 1 && paragraph.kind === 'caption' && !last.image.caption) last.image.caption = paragraph.text;
    for (const { at: imageAt, element } of paragraph.images) {
      const alt = element.altText?.trim() || undefined;
      const image: DraftImage = { origin: 'docx', src: '', alt, start: start + imageAt, end: start + imageAt + 1 };
      if (alt) {
        builder.beginSegment('image-alt');
        builder.replaced(alt, image.start, image.end);
        builder.endSegment();
        builder.separator();
      }
      // Rest of the picture's paragraph, when it has words, is its caption.
      const words = paragraph.text.split(OBJECT).join('').trim();
      if (words) image.caption = words;
      images.push(image);
      last = { image, paragraph: index };
      if (element.readAsBuffer) {
        const number = images.length;
        reads.push(
          element.readAsBuffer().then(
            (data) => void embedded.set(image, data),
            (error) => {
              // A picture the document points to but the file does not hold; a linked picture
              // outside the file is not read (nothing of it to check).
              if (error instanceof MissingPartError) throw incomplete(`picture ${number} is missing from it`);
            },
          ),
        );
      }
    }
    offset += paragraph.text.length + 1;
  });
  await Promise.all(reads);
  const source = paragraphs.map((p) => p.text).join('\n');
  // The heading over each paragraph of the body (an aside has none of its own).
  const headings: Array<string | undefined> = [undefined];
  let heading: string | undefined;
  const bodyEnd = asides.length > 0 ? asides[0].startLine - 1 : paragraphs.length;
  paragraphs.forEach((p, i) => {
    if (p.kind === 'heading' && p.text.trim()) heading = p.text.trim();
    headings.push(i < bodyEnd ? heading : undefined);
  });
  const tableCells = tableCellsOf(paragraphs);
  return {
    doc: {
      format: 'docx',
      source,
      prose: builder.build(),
      segments: builder.segments,
      images,
      frontMatter: null,
      suppressions: [],
      linkTargets: [],
      problems: [],
      ...(asides.length > 0 ? { asides } : {}),
      headings,
      ...(tableCells ? { tableCells } : {}),
    },
    embedded,
  };
}
