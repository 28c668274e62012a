import type { Segment, SourceText } from './source-text.js';

export type DocumentFormat = 'markdown' | 'html' | 'text' | 'docx';

/** An image in a draft, in source offsets of the original file. */
export interface DraftImage {
  origin: 'markdown' | 'html' | 'front-matter' | 'template' | 'docx';
  src: string;
  alt?: string;
  title?: string;
  caption?: string;
  consent?: boolean;
  shows?: string[];
  /** The whole image: `![..](..)`, `<img ...>`, a template tag, or the front-matter `src` value. */
  start: number;
  end: number;
}

/** A link's target as written (`mailto:jo@example.com`), in source offsets. */
export interface LinkTarget {
  start: number;
  end: number;
}

/** A `safepost-disable…` comment, in source offsets. */
export interface SuppressionComment {
  kind: 'disable-next-line' | 'disable-line' | 'disable' | 'enable';
  /** Rule ids or categories named; empty means every rule. */
  targets: string[];
  start: number;
  end: number;
}

export interface Document {
  format: DocumentFormat;
  /** The file as read, BOM included, so offsets are those of the file on disk. */
  source: string;
  /** What a reader sees, with a map back to the source. */
  prose: SourceText;
  segments: Segment[];
  images: DraftImage[];
  /**
   * Link targets that are contact details themselves (`mailto:`, `tel:`, `sms:`, a social network's
   * profile or invite link), whole, in source
   * offsets: their address is in the reader text after the link's words, so that it is checked.
   */
  linkTargets: LinkTarget[];
  /** Parsed front matter, when the draft has a valid block. */
  frontMatter: Record<string, unknown> | null;
  suppressions: SuppressionComment[];
  /** Problems that did not stop the check (a broken front-matter block). */
  problems: Array<{ message: string; offset: number }>;
  /**
   * Lines of a Word draft that are not its body but travel with the file: comments, deleted text
   * of tracked changes, headers and footers. `where` says so in a finding ("in a comment by Jo
   * Bloggs"), and `advice` what to do about it before the file is shared.
   */
  asides?: Aside[];
  /** A Word draft's heading above each of its paragraphs (by line, from 1), where there is one. */
  headings?: Array<string | undefined>;
  /**
   * Where each paragraph of a Word draft's tables stands in its table (by line, from 1; none for a
   * paragraph outside a table), so that a report can show the table as a table.
   */
  tableCells?: Array<TableCellPlace | undefined>;
}

/**
 * A table-cell paragraph's place: its table (numbered from 0 in the file), row and cell in the
 * row (from 0), as Word has them after merged cells are joined. A table inside a cell is read as
 * paragraphs of that cell.
 */
export interface TableCellPlace {
  table: number;
  row: number;
  cell: number;
  colSpan: number;
  rowSpan: number;
  /** A row Word repeats at the top of each page: the table's header. */
  header: boolean;
}

export interface Aside {
  /** What it is: a comment, deleted text, a header, a footer, or the addresses of the file's links. */
  part: 'comment' | 'deletion' | 'header' | 'footer' | 'link';
  startLine: number;
  endLine: number;
  where: string;
  advice: string;
}
