import type { Document } from '../documents/index.js';
import { LineIndex } from '../text/positions.js';
import type { Edit } from './plan.js';
import { stripPhotoMetadata, UnsupportedPhotoError } from './strip-photo.js';

/**
 * A redacted copy of a Word file that is still the same document: the words are changed inside
 * their runs (so bold stays bold and a heading stays a heading), comments are taken out, tracked
 * changes are accepted (deleted text leaves the file), and the pictures lose their metadata in
 * place. Everything else (styles, tables, numbering, layout) is copied as it is.
 */

/** One change to a paragraph's text: offsets in the paragraph as safepost reads it, pictures left out. */
export interface ParagraphEdit {
  start: number;
  end: number;
  replacement: string;
}

/** Which of the file's paragraphs an edit is for. */
export type EditTarget =
  /** The body's paragraphs and its notes' (footnotes, endnotes), in safepost's order, from 0. */
  | { in: 'body'; index: number; text: string }
  /** Every paragraph of this text in the headers, or the footers. */
  | { in: 'header' | 'footer'; text: string }
  /** The links to this address: the link goes, its words stay. */
  | { in: 'link'; text: string };

export interface ParagraphEdits {
  target: EditTarget;
  /** The paragraph's line in safepost's text of the draft. */
  line: number;
  edits: ParagraphEdit[];
  /** The planned edits these are, in the same order. */
  planned: Edit[];
}

export interface RedactedDocx {
  bytes: Uint8Array;
  comments: number;
  changes: number;
  /** Pictures whose metadata was taken out, and those it could not be taken out of (by part name, with why). */
  photos: { cleaned: number; notCleaned: Array<{ name: string; reason: string }> };
  /** Edits whose paragraph was not found in the file, left for its writer. */
  unplaced: ParagraphEdits[];
}

// The parts of an XML DOM used here (xmldom's).
interface XmlNode {
  nodeType: number;
  nodeName: string;
  parentNode: XmlNode | null;
  firstChild: XmlNode | null;
  nextSibling: XmlNode | null;
  childNodes: ArrayLike<XmlNode>;
  textContent: string | null;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  getElementsByTagName(name: string): ArrayLike<XmlNode>;
  removeChild(child: XmlNode): XmlNode;
  insertBefore(node: XmlNode, before: XmlNode | null): XmlNode;
  appendChild(node: XmlNode): XmlNode;
}

const ELEMENT = 1;
const children = (node: XmlNode) => Array.from(node.childNodes).filter((c) => c.nodeType === ELEMENT);
const firstNamed = (node: XmlNode, name: string) => children(node).find((c) => c.nodeName === name);

// Not read as the paragraph's text, as mammoth does not read them: properties, deleted and
// moved-away text, the choice of alternate content that has a fallback, field codes.
const NOT_TEXT = new Set(['w:pPr', 'w:rPr', 'w:del', 'w:moveFrom', 'mc:Choice', 'w:instrText', 'w:delText', 'w:sdtPr', 'w:fldData', 'w:tblPr', 'w:trPr', 'w:tcPr']);
const OBJECT = /\uFFFC/g;

/** A paragraph's text as safepost reads it, and the `w:t` elements it is made of, with where each begins. */
interface XmlParagraph {
  nodes: XmlNode[];
  text: string;
  pieces: Array<{ node: XmlNode | null; start: number; end: number }>;
}

function readParagraph(paragraphs: XmlNode[]): XmlParagraph {
  const out: XmlParagraph = { nodes: paragraphs, text: '', pieces: [] };
  const add = (node: XmlNode | null, text: string) => {
    out.pieces.push({ node, start: out.text.length, end: out.text.length + text.length });
    out.text += text;
  };
  const walk = (node: XmlNode) => {
    for (const child of children(node)) {
      if (NOT_TEXT.has(child.nodeName)) continue;
      if (child.nodeName === 'w:t') add(child, (child.textContent ?? '').replace(/[\r\n\uFFFC]/g, ' '));
      else if (child.nodeName === 'w:tab') add(null, '\t');
      else if (child.nodeName === 'w:br') add(null, ' ');
      else if (child.nodeName === 'w:noBreakHyphen') add(null, '\u2011');
      else if (child.nodeName === 'w:softHyphen') add(null, '\u00AD');
      else walk(child);
    }
  };
  for (const p of paragraphs) walk(p);
  return out;
}

const hasAncestor = (node: XmlNode, names: Set<string>) => {
  for (let up = node.parentNode; up; up = up.parentNode) if (names.has(up.nodeName)) return true;
  return false;
};
const IN_PARAGRAPH_OR_CHOICE = new Set(['w:p', 'mc:Choice']);
/** The element at the end of a path of child names, if every step is there. */
const childAt = (node: XmlNode | undefined, ...names: string[]) => names.reduce<XmlNode | undefined>((at, name) => at && firstNamed(at, name), node);
/** A paragraph mark deleted with Track Changes. */
const deletedMarkOf = (p: XmlNode) => childAt(p, 'w:pPr', 'w:rPr', 'w:del');
const deletedMark = (p: XmlNode) => deletedMarkOf(p) !== undefined;
const deletedRow = (p: XmlNode) => {
  for (let up = p.parentNode; up; up = up.parentNode) {
    if (up.nodeName === 'w:tr') {
      return childAt(up, 'w:trPr', 'w:del') !== undefined;
    }
  }
  return false;
};

/**
 * A part's paragraphs as mammoth reads them (and so as safepost checks them): a paragraph inside
 * another (a text box) is part of it; one whose mark was deleted with Track Changes runs on into
 * the next; a deleted table row is not there.
 */
function paragraphsOf(root: XmlNode): XmlParagraph[] {
  const out: XmlParagraph[] = [];
  let pending: XmlNode[] = [];
  for (const p of Array.from(root.getElementsByTagName('w:p'))) {
    if (hasAncestor(p, IN_PARAGRAPH_OR_CHOICE) || deletedRow(p)) continue;
    if (deletedMark(p)) {
      pending.push(p);
      continue;
    }
    out.push(readParagraph([...pending, p]));
    pending = [];
  }
  return out;
}

/** Makes the edits (from the last, so offsets hold) in the paragraph's `w:t` elements. */
function editParagraph(paragraph: XmlParagraph, edits: ParagraphEdit[]): boolean {
  // safepost's offsets count each picture as one character; the XML's text has none.
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    const touched = paragraph.pieces.filter((p) => p.node && p.start < edit.end && edit.start < p.end);
    if (touched.length === 0) return false;
    touched.forEach((piece, k) => {
      const text = piece.node!.textContent ?? '';
      const from = Math.max(0, edit.start - piece.start);
      const to = Math.min(text.length, edit.end - piece.start);
      const rest = text.slice(0, from) + (k === 0 ? edit.replacement : '') + text.slice(to);
      setText(piece.node!, rest);
      // A run left with no text (the surname of a name split across runs) goes, with its formatting.
      const run = piece.node!.parentNode;
      if (rest === '' && run?.nodeName === 'w:r' && children(run).every((c) => c === piece.node || c.nodeName === 'w:rPr')) remove(run);
    });
  }
  return true;
}

function setText(node: XmlNode, text: string): void {
  while (node.firstChild) node.removeChild(node.firstChild);
  node.appendChild((node as unknown as { ownerDocument: { createTextNode(t: string): XmlNode } }).ownerDocument.createTextNode(text));
  node.setAttribute('xml:space', 'preserve');
}

const remove = (node: XmlNode) => node.parentNode?.removeChild(node);
function unwrap(node: XmlNode): void {
  const parent = node.parentNode;
  if (!parent) return;
  while (node.firstChild) parent.insertBefore(node.firstChild, node);
  parent.removeChild(node);
}
const all = (root: XmlNode, name: string) => Array.from(root.getElementsByTagName(name));

// The records of formatting changed with Track Changes: accepting them keeps the new formatting.
const FORMAT_CHANGES = ['w:rPrChange', 'w:pPrChange', 'w:sectPrChange', 'w:tblPrChange', 'w:trPrChange', 'w:tcPrChange', 'w:tblGridChange', 'w:numberingChange', 'w:cellIns', 'w:cellDel', 'w:cellMerge'];
const MOVE_MARKS = ['w:moveFromRangeStart', 'w:moveFromRangeEnd', 'w:moveToRangeStart', 'w:moveToRangeEnd'];

/** Accepts every tracked change in a part, as Review, Accept All Changes does; gives how many there were. */
function acceptChanges(root: XmlNode): number {
  let count = 0;
  // Deleted rows first: their paragraphs go with them.
  for (const row of all(root, 'w:tr')) {
    if (childAt(row, 'w:trPr', 'w:del')) {
      remove(row);
      count++;
    }
  }
  // A deleted paragraph mark joins the paragraph to the next, as mammoth reads it.
  for (const p of all(root, 'w:p')) {
    if (!p.parentNode || !deletedMark(p)) continue;
    let next = p.nextSibling;
    while (next && next.nodeType !== ELEMENT) next = next.nextSibling;
    remove(deletedMarkOf(p)!);
    count++;
    if (next && next.nodeName === 'w:p') {
      const nextProps = firstNamed(next, 'w:pPr');
      const at = nextProps ? nextProps.nextSibling : next.firstChild;
      for (const child of Array.from(p.childNodes)) if (child.nodeName !== 'w:pPr') next.insertBefore(child, at);
      remove(p);
    }
  }
  for (const name of ['w:del', 'w:moveFrom']) {
    for (const node of all(root, name)) {
      if (!node.parentNode) continue;
      remove(node);
      count++;
    }
  }
  for (const name of ['w:ins', 'w:moveTo']) {
    for (const node of all(root, name)) {
      if (!node.parentNode) continue;
      count++;
      // An inserted paragraph mark or row is a marker in properties; inserted text is wrapped.
      if (node.parentNode.nodeName === 'w:rPr' || node.parentNode.nodeName === 'w:trPr') remove(node);
      else unwrap(node);
    }
  }
  for (const name of [...FORMAT_CHANGES, ...MOVE_MARKS]) {
    for (const node of all(root, name)) {
      if (!node.parentNode) continue;
      if (FORMAT_CHANGES.includes(name)) count++;
      remove(node);
    }
  }
  return count;
}

/** Takes out where comments are anchored and referred to in a part. */
function removeCommentMarks(root: XmlNode): void {
  for (const name of ['w:commentRangeStart', 'w:commentRangeEnd']) for (const node of all(root, name)) remove(node);
  for (const ref of all(root, 'w:commentReference')) {
    const run = ref.parentNode;
    remove(ref);
    // A run that held only the reference (and its properties) goes too.
    if (run && run.nodeName === 'w:r' && children(run).every((c) => c.nodeName === 'w:rPr')) remove(run);
  }
}

// As Word writes a file: no entries of their own for folders.
const KEEP_FOLDERS = { createFolders: false };
const COMMENT_PARTS = /^word\/(?:_rels\/)?comments(?:Extended|Ids|Extensible)?\.xml(?:\.rels)?$/;
const TEXT_PARTS = /^word\/(?:document|footnotes|endnotes|header\d*|footer\d*)\.xml$/;

/** Edits a Word file's bytes; the input is never changed. */
export async function redactDocx(bytes: Uint8Array, edits: ParagraphEdits[]): Promise<RedactedDocx> {
  const { default: Zip } = await import('jszip');
  // CommonJS packages: their exports are the default export.
  const { DOMParser, XMLSerializer } = ((await import('@xmldom/xmldom')) as unknown as { default: typeof import('@xmldom/xmldom') }).default;
  const zip = await Zip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const parts = new Map<string, XmlNode>();
  for (const name of names.filter((n) => TEXT_PARTS.test(n)).sort()) {
    parts.set(name, new DOMParser().parseFromString(await zip.file(name)!.async('string'), 'text/xml') as unknown as XmlNode);
  }

  // The text first, on the paragraphs as they are read, before the changes are accepted.
  const unplaced: ParagraphEdits[] = [];
  const body = ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml'].flatMap((n) => (parts.has(n) ? paragraphsOf(parts.get(n)!) : []));
  const bodyText = body.map((p) => p.text);
  const margins = (kind: 'header' | 'footer') => [...parts].filter(([n]) => new RegExp(`^word/${kind}\\d*\\.xml$`).test(n)).flatMap(([, root]) => paragraphsOf(root));
  const margin = { header: margins('header'), footer: margins('footer') };
  const matched = new Set<number>();
  const unlinked = new Set<string>();
  let cursor = 0;
  for (const item of [...edits].sort((a, b) => (a.target.in === 'body' ? a.target.index : Infinity) - (b.target.in === 'body' ? b.target.index : Infinity))) {
    const wanted = item.target.text.replace(OBJECT, '');
    const toXml = (edit: ParagraphEdit): ParagraphEdit => {
      const before = (at: number) => (item.target.text.slice(0, at).match(OBJECT) ?? []).length;
      return { start: edit.start - before(edit.start), end: edit.end - before(edit.end), replacement: edit.replacement };
    };
    const xmlEdits = item.edits.map(toXml);
    if (item.target.in === 'body') {
      // In order, as both read the file from the start; then anywhere, should the orders differ.
      let at = bodyText.indexOf(wanted, cursor);
      if (at < 0) at = bodyText.findIndex((t, k) => t === wanted && !matched.has(k));
      if (at < 0 || !editParagraph(body[at], xmlEdits)) {
        unplaced.push(item);
        continue;
      }
      matched.add(at);
      cursor = at + 1;
    } else if (item.target.in === 'link') {
      unlinked.add(item.target.text);
    } else {
      const same = margin[item.target.in].filter((p) => p.text === wanted);
      if (same.length === 0 || !same.every((p) => editParagraph(p, xmlEdits))) unplaced.push(item);
    }
  }

  if (unlinked.size > 0) await removeLinks(zip, parts, unlinked, DOMParser, XMLSerializer);
  let changes = 0;
  for (const root of parts.values()) {
    changes += acceptChanges(root);
    removeCommentMarks(root);
  }
  const commentsPart = zip.file('word/comments.xml');
  const comments = commentsPart ? all(new DOMParser().parseFromString(await commentsPart.async('string'), 'text/xml') as unknown as XmlNode, 'w:comment').length : 0;
  const removed = names.filter((n) => COMMENT_PARTS.test(n));
  for (const name of removed) zip.remove(name);
  for (const [name, root] of parts) zip.file(name, new XMLSerializer().serializeToString(root as never), KEEP_FOLDERS);
  if (removed.length > 0) await unlink(zip, removed, DOMParser, XMLSerializer);

  const photos: RedactedDocx['photos'] = { cleaned: 0, notCleaned: [] };
  for (const name of names.filter((n) => /^word\/media\//.test(n))) {
    const picture = await zip.file(name)!.async('uint8array');
    try {
      zip.file(name, stripPhotoMetadata(picture), KEEP_FOLDERS);
      photos.cleaned++;
    } catch (error) {
      if (!(error instanceof UnsupportedPhotoError)) throw error;
      photos.notCleaned.push({ name: name.slice('word/media/'.length), reason: error.message });
    }
  }
  const out = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  return { bytes: out, comments, changes, photos, unplaced };
}

/** Unwraps the links to these addresses, keeping their words, and drops their relationships. */
async function removeLinks(
  zip: import('jszip'),
  parts: Map<string, XmlNode>,
  addresses: Set<string>,
  DOMParser: typeof import('@xmldom/xmldom').DOMParser,
  XMLSerializer: typeof import('@xmldom/xmldom').XMLSerializer,
): Promise<void> {
  for (const [name, root] of parts) {
    const relsName = name.replace(/^word\//, 'word/_rels/') + '.rels';
    const file = zip.file(relsName);
    if (!file) continue;
    const rels = new DOMParser().parseFromString(await file.async('string'), 'text/xml') as unknown as XmlNode;
    const gone = new Set<string>();
    for (const rel of all(rels, 'Relationship')) {
      if (/\/hyperlink$/.test(rel.getAttribute('Type') ?? '') && addresses.has(rel.getAttribute('Target') ?? '')) {
        gone.add(rel.getAttribute('Id') ?? '');
        remove(rel);
      }
    }
    if (gone.size === 0) continue;
    for (const link of all(root, 'w:hyperlink')) if (gone.has(link.getAttribute('r:id') ?? '')) unwrap(link);
    zip.file(relsName, new XMLSerializer().serializeToString(rels as never), KEEP_FOLDERS);
  }
}

/** Takes the removed parts out of the relationships and the content types, which name them. */
async function unlink(
  zip: import('jszip'),
  removed: string[],
  DOMParser: typeof import('@xmldom/xmldom').DOMParser,
  XMLSerializer: typeof import('@xmldom/xmldom').XMLSerializer,
): Promise<void> {
  const edit = async (name: string, tag: string, points: (node: XmlNode) => boolean) => {
    const file = zip.file(name);
    if (!file) return;
    const root = new DOMParser().parseFromString(await file.async('string'), 'text/xml') as unknown as XmlNode;
    for (const node of all(root, tag)) if (points(node)) remove(node);
    zip.file(name, new XMLSerializer().serializeToString(root as never), KEEP_FOLDERS);
  };
  const targets = new Set(removed.map((n) => n.slice('word/'.length)));
  await edit('word/_rels/document.xml.rels', 'Relationship', (r) => targets.has((r.getAttribute('Target') ?? '').replace(/^\/?word\//, '')));
  const paths = new Set(removed.map((n) => `/${n}`));
  await edit('[Content_Types].xml', 'Override', (o) => paths.has(o.getAttribute('PartName') ?? ''));
}

/**
 * The edits planned on a Word draft's text, by the paragraph of the file each is in. Edits in a
 * comment or in deleted text are not needed: those leave the file whole.
 */
export function paragraphEditsOf(doc: Document, edits: Edit[]): ParagraphEdits[] {
  const lines = new LineIndex(doc.source);
  const texts = doc.source.split('\n');
  const byLine = new Map<number, ParagraphEdits>();
  for (const edit of edits) {
    const { line, column } = lines.position(edit.start);
    const end = lines.position(edit.end);
    if (end.line !== line) continue;
    const part = doc.asides?.find((a) => a.startLine <= line && line <= a.endLine)?.part ?? 'body';
    if (part === 'comment' || part === 'deletion') continue;
    const text = texts[line - 1];
    let item = byLine.get(line);
    if (!item) {
      const target: EditTarget = part === 'body' ? { in: 'body', index: line - 1, text } : { in: part, text };
      item = { target, line, edits: [], planned: [] };
      byLine.set(line, item);
    }
    item.edits.push({ start: column - 1, end: end.column - 1, replacement: edit.replacement });
    item.planned.push(edit);
  }
  return [...byLine.values()];
}
