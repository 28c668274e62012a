import { contactDetails } from './contact-details/index.js';
import type { Detector } from './detector.js';
import { figures } from './figures.js';
import { grades } from './grades.js';
import { images } from './images.js';
import { inspectionGrades } from './inspection-grades.js';
import { photoMetadata } from './photo-metadata.js';
import { pupilNames } from './pupil-names.js';
import { resultsTable } from './results-table.js';

export type { OfficialDetails } from './contact-details/index.js';
export type { ContextName, Detector, DetectorContext, DetectorInput, DetectorMatch } from './detector.js';

/** Built-in detectors by the name a rule's `detector:` gives. A new detector is one file and one line here. */
export const DETECTORS: ReadonlyMap<string, Detector> = new Map<string, Detector>([
  ['contact-details', contactDetails],
  ['figures', figures],
  ['grades', grades],
  ['images', images],
  ['inspection-grades', inspectionGrades],
  ['photo-metadata', photoMetadata],
  ['pupil-names', pupilNames],
  ['results-table', resultsTable],
]);

/** The detector whose matches are pupils' names: what `near: { names: true }` counts as near words. */
export const NAMES_DETECTOR: Detector = pupilNames;
