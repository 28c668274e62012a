import type { Language } from '../language/index.js';
import type { Channel } from '../types/channels.js';
import type { DraftImage, PhotoMetadata, Segment } from '../documents/index.js';
import type { ImageWords } from '../lexicon/image-words.js';
import type { NameContext } from '../roster/name-context.js';
import type { Tokens } from '../text/tokens.js';
import type { OfficialDetails } from './contact-details/types.js';

/** What a detector sees of one draft: its reader-visible text and words, its pieces and its images. */
export interface DetectorInput {
  text: string;
  tokens: Tokens;
  /** The pieces of the text (headings, alt text, captions, image file names), in order. */
  segments: Segment[];
  /** The draft's images, in source offsets. */
  images: DraftImage[];
  /** Who is posting, when known: a chat's speakers are pupils in a pupil's chat, adults in a parents' group. */
  channel?: Channel;
}

/**
 * What a detector may need besides the draft, by name. A detector declares the names it
 * needs; the checker provides those (and only those) once a run, or once a draft for photos.
 */
export interface DetectorContext {
  /** The organisation's own contact details, from the config. */
  official: OfficialDetails;
  /** The roster, the name lexicon and who may be named. */
  names: NameContext;
  /** Words that say what an image shows. */
  imageWords: ImageWords;
  /** What the draft's local photo files hold: location, and the text of their captions and tags. */
  photos: PhotoMetadata[];
  /** The linguistic layer, loaded before the run when a rule needs it. */
  language: Language;
}
export type ContextName = keyof DetectorContext;

/** A span of the text, end exclusive, with facts a rule can select on (`where`) or quote. */
export interface DetectorMatch {
  start: number;
  end: number;
  data?: Record<string, string>;
  /** The span is in source offsets (an image), not in the reader text. */
  source?: boolean;
}

/** A pure function from a draft to spans (no I/O, no paths, no state between calls), and what it needs. */
export interface Detector<N extends ContextName = ContextName> {
  needs: readonly N[];
  detect(input: DetectorInput, context: Pick<DetectorContext, N>, options: Record<string, unknown>): DetectorMatch[];
}

/** Declares a detector, typing its context by what it needs. */
export const defineDetector = <N extends ContextName>(detector: Detector<N>): Detector<N> => detector;
