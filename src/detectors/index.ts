import type { Detector } from './detector.js';
import { figures } from './figures.js';

export type { Detector, DetectorInput, DetectorMatch } from './detector.js';

/** Built-in detectors by the name a rule's `detector:` gives. */
export const DETECTORS: ReadonlyMap<string, Detector> = new Map<string, Detector>([['figures', figures]]);
