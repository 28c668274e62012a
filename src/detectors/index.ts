import { contactDetails } from './contact-details/index.js';
import type { Detector } from './detector.js';
import { figures } from './figures.js';
import { pupilNames } from './pupil-names.js';

export type { OfficialDetails } from './contact-details/index.js';
export type { Detector, DetectorInput, DetectorMatch } from './detector.js';
export type { NameContext } from './pupil-names.js';

/** Built-in detectors by the name a rule's `detector:` gives. */
export const DETECTORS: ReadonlyMap<string, Detector> = new Map<string, Detector>([
  ['contact-details', contactDetails],
  ['figures', figures],
  ['pupil-names', pupilNames],
]);
