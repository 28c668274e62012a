import type { DraftImage, Segment } from '../documents/index.js';
import type { Tokens } from '../text/tokens.js';
import type { OfficialDetails } from './contact-details/types.js';
import type { ImageWords } from './images.js';
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
  /** The draft's images, in source offsets, and the words that say what an image shows. */
  images?: DraftImage[];
  imageWords?: ImageWords;
  /** What the draft's local photo files hold: location, and the text of their captions and tags. */
  photos?: PhotoMetadata[];
}

/** Metadata read from a local photo, for the image it belongs to. */
export interface PhotoMetadata {
  /** The image in the source. */
  start: number;
  end: number;
  gps: boolean;
  /** Description, title, subject, keywords, artist and caption fields, joined. */
  text: string;
}

/** A span of the text, end exclusive, with facts a rule can select on (`where`) or quote. */
export interface DetectorMatch {
  start: number;
  end: number;
  data?: Record<string, string>;
  /** The span is in source offsets (an image), not in the reader text. */
  source?: boolean;
}

/** A pure function from text to spans: no I/O, no paths, no state between calls. */
export type Detector = (input: DetectorInput, options: Record<string, unknown>) => DetectorMatch[];
