import { formatOf, OBJECT, parseDocument, type Document, type SegmentKind, type TableCellPlace } from '../documents/index.js';
import { maskedExcerpt, openingWordsEnd } from '../engine/excerpt.js';
import type { Finding } from '../results/schema.js';
import type { Category } from '../rules/schema.js';
import { LineIndex } from '../text/positions.js';
import { escapeHtml } from './html-escape.js';

/** A finding where it is in the text, and the card (its group's first finding) that describes it. */
export interface Occurrence {
  f: Finding;
  id: number;
  card: number;
}

export interface DraftView {
  /** The draft as a reader sees it, its findings' words in marks, as HTML. */
  html: string;
  /** Where each finding is, by its id, in a reader's words: the heading above it and its paragraph's first words. */
  placeOf: Map<number, string>;
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

// The findings whose words a card's place masks, as a message does: a child's name, a contact
// detail. The rest (a topic, a result) are no one's personal details, and reading them helps.
const PERSONAL: ReadonlySet<Category> = new Set(['pupil-name', 'contact-details']);

/** A paragraph, heading, list item or table cell of the text as a reader sees it, in text offsets. */
interface Block {
  kind: SegmentKind;
  start: number;
  end: number;
  /** In a Word table: where it stands there. */
  cell?: TableCellPlace;
  /** A Word draft's paragraph outside its body: where it is ("in a comment by Jo Bloggs"). */
  aside?: string;
}

// How much of a paragraph or a heading says which one it is.
const OPENING_WORDS = 7;
const OPENING_CHARS = 60;
const HEADING_WORDS = 10;
const HEADING_CHARS = 80;

const WHAT: Partial<Record<SegmentKind, string>> = {
  'list-item': 'the list item',
  'table-cell': 'the table cell',
  quote: 'the quotation',
  caption: 'the caption',
  'image-alt': 'the picture’s description',
  'image-title': 'the picture’s title',
  'image-src': 'the picture’s file name',
  'front-matter': 'the post’s title or summary',
  byline: 'the byline',
};

/** The kind of each paragraph of a Word draft (by line, from 1), from the document as it was read. */
function wordKinds(doc: Document): SegmentKind[] {
  const lines = new LineIndex(doc.source);
  const kinds: SegmentKind[] = [];
  for (const segment of doc.segments) {
    // A picture's description stands for the picture in its paragraph: not the paragraph's kind.
    if (segment.kind === 'image-alt' || segment.start === segment.end) continue;
    kinds[lines.position(doc.prose.toSource(segment.start, segment.end).start).line] ??= segment.kind;
  }
  return kinds;
}

/**
 * The blocks of the text: a Word draft's are its paragraphs, one a line, with their kinds and
 * table places when the document is given; another draft's are its segments, split where a blank
 * line is (a plain text draft is one segment).
 */
function blocksOf(text: string, at: Int32Array, source: string, segments: Document['segments'], word: Document | undefined, isWord: boolean): Block[] {
  const blocks: Block[] = [];
  if (isWord) {
    const lines = new LineIndex(source);
    const kinds = word ? wordKinds(word) : [];
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      const end = nl < 0 ? text.length : nl;
      const line = lines.position(start < text.length ? at[start] : source.length).line;
      const cell = word?.tableCells?.[line];
      const aside = word?.asides?.find((a) => a.startLine <= line && line <= a.endLine)?.where;
      blocks.push({ kind: kinds[line] ?? 'paragraph', start, end, ...(cell ? { cell } : {}), ...(aside ? { aside } : {}) });
      if (nl < 0) break;
      start = nl + 1;
    }
    return blocks;
  }
  for (const segment of segments) {
    const blank = /\n[ \t]*\n/g;
    blank.lastIndex = segment.start;
    let start = segment.start;
    for (let found = blank.exec(text); found && found.index < segment.end; found = blank.exec(text)) {
      blocks.push({ kind: segment.kind, start, end: found.index });
      start = found.index + found[0].length;
    }
    blocks.push({ kind: segment.kind, start, end: segment.end });
  }
  return blocks.filter((b) => text.slice(b.start, b.end).trim() !== '').sort((a, b) => a.start - b.start);
}

/** Where a Word table's rows and cells begin and end: HTML for the line break between two blocks. */
function tableMarkup(blocks: Block[]): { before: string; between: Map<number, string>; after: string } {
  const between = new Map<number, string>();
  let before = '';
  const open = (c: TableCellPlace) => {
    const spans = `${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}`;
    return c.header ? `<th scope="col"${spans}>` : `<td${spans}>`;
  };
  const close = (c: TableCellPlace) => (c.header ? '</th>' : '</td>');
  blocks.forEach((block, i) => {
    const previous = i > 0 ? blocks[i - 1].cell : undefined;
    const cell = block.cell;
    const sameTable = previous && cell && previous.table === cell.table;
    let markup = '';
    if (previous && !sameTable) markup += `${close(previous)}</tr></table>`;
    if (cell && !sameTable) markup += `<table class="word-table"><tr>${open(cell)}`;
    else if (previous && cell && cell.row !== previous.row) markup += `${close(previous)}</tr><tr>${open(cell)}`;
    else if (previous && cell && cell.cell !== previous.cell) markup += `${close(previous)}${open(cell)}`;
    if (!markup) return;
    // In place of the line break before the block.
    if (i === 0) before = markup;
    else between.set(block.start - 1, markup);
  });
  const last = blocks[blocks.length - 1]?.cell;
  return { before, between, after: last ? `${close(last)}</tr></table>` : '' };
}

/**
 * The draft as a reader sees it (the text safepost checked: no markup, code or comments), with
 * the findings' words in marks, and where each finding is in words. A finding on something a
 * reader does not see (a link's address, a photo's file metadata) is marked where it stands by a
 * small flag. `word` is a Word draft as it was read, for its headings and tables.
 */
export function draftView(source: string, path: string, findings: Occurrence[], word?: Document): DraftView {
  const isWord = formatOf(path) === 'docx';
  const doc = parseDocument(source, isWord ? 'text' : formatOf(path));
  const text = doc.prose.text;
  const lines = new LineIndex(source);
  // Where each character of the reader's text stands in the file.
  const at = new Int32Array(text.length);
  for (let t = 0; t < text.length; t++) at[t] = doc.prose.toSource(t, t + 1).start;
  const spans = findings
    .map(({ f, id, card }) => ({ id, card, severity: f.severity, personal: PERSONAL.has(f.category), start: lines.offset(f.line, f.column), end: Math.max(lines.offset(f.endLine, f.endColumn), lines.offset(f.line, f.column) + 1) }))
    .sort((a, b) => a.start - b.start || RANK[a.severity] - RANK[b.severity]);
  type Span = (typeof spans)[number];
  // The text's characters by where they stand in the file, so that the characters of each
  // finding are found by binary search, not by looking at the whole text for every finding.
  const bySource = Int32Array.from(text.length ? at.keys() : []).sort((x, y) => at[x] - at[y] || x - y);
  const firstAtOrAfter = (offset: number) => {
    let lo = 0;
    let hi = bySource.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[bySource[mid]] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // The findings over each character (one shared empty list for the many with none): the loop
  // below cuts the text where they change.
  const NONE: Span[] = [];
  const cover: Span[][] = new Array<Span[]>(text.length).fill(NONE);
  // The furthest source offset reached by each prefix of the text: where a flag goes.
  const reached = new Int32Array(text.length);
  for (let t = 0, most = -1; t < text.length; t++) reached[t] = most = Math.max(most, at[t]);
  // Findings with no visible character get a flag before the first character after them.
  const flags = new Map<number, Span[]>();
  // Where in the text each finding is first seen: its first marked character, or its flag.
  const firstSeen = new Map<number, number>();
  for (const span of spans) {
    let k = firstAtOrAfter(span.start);
    if (k >= bySource.length || at[bySource[k]] >= span.end) {
      let lo = 0;
      let hi = text.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (reached[mid] < span.start) lo = mid + 1;
        else hi = mid;
      }
      const group = flags.get(lo);
      if (group) group.push(span);
      else flags.set(lo, [span]);
      firstSeen.set(span.id, lo);
      continue;
    }
    let first = text.length;
    for (; k < bySource.length && at[bySource[k]] < span.end; k++) {
      const t = bySource[k];
      if (text[t] === '\n') continue;
      first = Math.min(first, t);
      if (cover[t] === NONE) cover[t] = [span];
      else cover[t].push(span);
    }
    firstSeen.set(span.id, first);
  }
  const keys = cover.map((c) => (c === NONE ? '' : c.map((s) => s.id).join(' ')));
  const cardsOf = (group: Span[]) => [...new Set(group.map((c) => c.card))];
  const seen = new Set<number>();
  const open = (group: typeof spans, inner: string) => {
    const sorted = [...group].sort((x, y) => RANK[x.severity] - RANK[y.severity]);
    // Only the first piece of a finding takes focus, so Tab goes once through each finding (each
    // place of a group's); marks name the cards that describe them.
    const starts = sorted.filter((c) => !seen.has(c.id));
    const focus = starts.length ? ` tabindex="0" aria-describedby="${cardsOf(starts).map((card) => `f-${card}`).join(' ')}"` : '';
    for (const c of sorted) seen.add(c.id);
    // Where a finding starts, the number of its card, so that the text and the list match.
    const numbers = cardsOf(starts).map((card) => `<sup class="number" aria-hidden="true">${card}</sup>`).join('');
    return `${numbers}<mark class="${sorted[0].severity}" data-finding="${sorted[0].card}" data-findings="${cardsOf(sorted).join(' ')}"${focus}>${inner}</mark>`;
  };

  const blocks = blocksOf(text, at, source, doc.segments, word, isWord);
  // Headings and captions look like themselves, so the draft reads as it will be seen.
  const STYLE_CLASS = ['', 'heading', 'caption'];
  const style = new Uint8Array(text.length);
  for (const block of blocks) {
    const kind = block.kind === 'heading' ? 1 : block.kind === 'caption' || block.kind === 'image-alt' ? 2 : 0;
    if (kind) style.fill(kind, block.start, block.end);
  }
  // A Word draft's tables as tables: their markup in place of the line breaks between cells.
  const tables = isWord ? tableMarkup(blocks) : { before: '', between: new Map<number, string>(), after: '' };

  const out: string[] = [tables.before];
  let t = 0;
  while (t <= text.length) {
    const flagged = flags.get(t);
    if (flagged) out.push(open(flagged, '<span aria-label="finding here">⚑</span>'));
    if (t === text.length) break;
    const markup = tables.between.get(t);
    if (markup !== undefined) {
      out.push(markup);
      t++;
      continue;
    }
    const here = cover[t];
    let u = t + 1;
    while (u < text.length && !flags.has(u) && !tables.between.has(u) && style[u] === style[t] && keys[u] === keys[t]) u++;
    let piece = escapeHtml(text.slice(t, u)).split(OBJECT).join('[picture]');
    if (here.length) piece = open(here, piece);
    out.push(style[t] ? `<span class="${STYLE_CLASS[style[t]]}">${piece}</span>` : piece);
    t = u;
  }
  out.push(tables.after);
  return { html: out.join(''), placeOf: placesOf(text, blocks, cover, firstSeen) };
}

/**
 * Each finding's place in words: "Under “Sports day”, in the paragraph starting “Well done to
 * everyone who…”". The words quoted have every child's name and contact detail in them masked,
 * as a message masks what it found, so that they repeat no name or number.
 */
function placesOf(text: string, blocks: Block[], cover: Array<Array<{ personal: boolean }>>, firstSeen: Map<number, number>): Map<number, string> {
  // Many findings can share a paragraph: its words are cut and masked once.
  const excerpts = new Map<Block, { words: string; whole: boolean }>();
  const excerpt = (block: Block) => {
    const known = excerpts.get(block);
    if (known) return known;
    const paragraph = text.slice(block.start, block.end);
    const end = block.kind === 'heading' ? openingWordsEnd(paragraph, HEADING_WORDS, HEADING_CHARS) : openingWordsEnd(paragraph, OPENING_WORDS, OPENING_CHARS);
    // The personal details among the words shown, as runs of the paragraph's characters.
    const hidden: Array<[number, number]> = [];
    for (let t = block.start; t < block.start + end; t++) {
      if (!cover[t].some((span) => span.personal)) continue;
      const last = hidden[hidden.length - 1];
      if (last && last[1] === t - block.start) last[1]++;
      else hidden.push([t - block.start, t - block.start + 1]);
    }
    const cut = { words: maskedExcerpt(paragraph, 0, end, hidden), whole: end >= paragraph.trimEnd().length };
    excerpts.set(block, cut);
    return cut;
  };
  // The heading above each block (its own, for a heading).
  const headings: Array<Block | undefined> = [];
  blocks.forEach((block, i) => (headings[i] = block.kind === 'heading' && text.slice(block.start, block.end).trim() ? block : headings[i - 1]));
  const places = new Map<number, string>();
  for (const [id, t] of firstSeen) {
    // The last block that starts at or before the finding (the first, for one before them all).
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (blocks[mid].start <= t) lo = mid + 1;
      else hi = mid;
    }
    const i = Math.max(0, lo - 1);
    const block = blocks[i];
    if (!block) continue;
    const quoted = (s: string) => (s ? ` “${s}”` : '');
    // A comment, a header or deleted text is under no heading of the body.
    if (block.aside) {
      places.set(id, `${block.aside[0].toUpperCase()}${block.aside.slice(1)}${excerpt(block).words ? `:${quoted(excerpt(block).words)}` : ''}`);
      continue;
    }
    if (block.kind === 'heading') {
      places.set(id, `In the heading${quoted(excerpt(block).words)}`);
      continue;
    }
    const heading = i > 0 ? headings[i - 1] : undefined;
    const opening = excerpt(block);
    const what = WHAT[block.kind] ?? 'the paragraph';
    const under = heading ? `Under${quoted(excerpt(heading).words)}, in` : 'In';
    places.set(id, `${under} ${what}${opening.words ? `${opening.whole ? '' : ' starting'}${quoted(opening.words)}` : ''}`);
  }
  return places;
}
