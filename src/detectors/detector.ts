import type { Tokens } from '../engine/tokens.js';

/** What a detector sees: the reader-visible text of one document and its words. */
export interface DetectorInput {
  text: string;
  tokens: Tokens;
}

/** A span of the text, end exclusive. */
export interface DetectorMatch {
  start: number;
  end: number;
}

/** A pure function from text to spans: no I/O, no paths, no state between calls. */
export type Detector = (input: DetectorInput, options: Record<string, unknown>) => DetectorMatch[];
