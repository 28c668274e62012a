import { contactDetails } from './contact-details/index.js';
import type { Detector } from './detector.js';
import { figures } from './figures.js';
import { images } from './images.js';
import { photoMetadata } from './photo-metadata.js';
import { pupilNames } from './pupil-names.js';

export type { OfficialDetails } from './contact-details/index.js';
export type { Detector, DetectorInput, DetectorMatch, PhotoMetadata } from './detector.js';
export type { NameContext } from './pupil-names.js';

/** Built-in detectors by the name a rule's `detector:` gives. */
export const DETECTORS: ReadonlyMap<string, Detector> = new Map<string, Detector>([
  ['contact-details', contactDetails],
  ['figures', figures],
  ['images', images],
  ['photo-metadata', photoMetadata],
  ['pupil-names', pupilNames],
]);
