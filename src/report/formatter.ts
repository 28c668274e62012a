import type { Document } from '../documents/index.js';
import type { Report } from '../results/schema.js';
import type { LoadedRule } from '../rules/schema.js';

export interface FormatOptions {
  /** Colour and symbols for a terminal. */
  color: boolean;
  /** Every rule of the run, for formats that describe rules (SARIF). */
  rules: LoadedRule[];
  /** The text of a draft by its path in the report, for formats that show drafts (HTML). */
  sourceOf?: (path: string) => string | undefined;
  /**
   * A Word draft as it was read, for what its text alone does not say: which paragraphs are
   * headings and captions, and how its tables are laid out (HTML shows them as tables).
   */
  documentOf?: (path: string) => Document | undefined;
  /**
   * Formats for people (stylish, HTML) show the findings of one rule on the same words in a file
   * once, with their count and lines, when `sourceOf` gives the file's text. On unless false.
   */
  group?: boolean;
}

/** One output format: a pure function from results to text. */
export type Formatter = (report: Report, options: FormatOptions) => string;
