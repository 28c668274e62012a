import type { Segment } from '../documents/index.js';
import type { Tokens } from '../engine/tokens.js';
import type { OfficialDetails } from './contact-details/types.js';
import type { NameContext } from './pupil-names.js';

/** What a detector sees: the reader-visible text of one document, its words, and settings. */
export interface DetectorInput {
  text: string;
  tokens: Tokens;
  /** The pieces of the text (headings, alt text, captions, image file names), in order. */
  segments: Segment[];
  /** The organisation's own contact details, from the config. */
  official: OfficialDetails;
  /** The roster, the name lexicon and who may be named; absent when no rule needs names. */
  names?: NameContext;
}

/** A span of the text, end exclusive, with facts a rule can select on (`where`) or quote. */
export interface DetectorMatch {
  start: number;
  end: number;
  data?: Record<string, string>;
}

/** A pure function from text to spans: no I/O, no paths, no state between calls. */
export type Detector = (input: DetectorInput, options: Record<string, unknown>) => DetectorMatch[];
