import { tokenize } from '../text/tokens.js';
import type { Detector, DetectorInput, DetectorMatch } from './detector.js';
import { pupilNames } from './pupil-names.js';

/**
 * What a draft's local photo files give away: their location (GPS), and pupils' names in their
 * description, title, keywords or caption fields. One match a photo and finding, spanning the
 * image in the source.
 */
export const photoMetadata: Detector = (input) => {
  const found: DetectorMatch[] = [];
  for (const photo of input.photos ?? []) {
    if (photo.gps) found.push({ start: photo.start, end: photo.end, source: true, data: { kind: 'gps', detail: 'location (GPS)' } });
    if (photo.text && input.names) {
      const tokens = tokenize(photo.text);
      const names = pupilNames({ ...input, text: photo.text, tokens, segments: [] } as DetectorInput, {});
      if (names.length > 0) {
        const full = names.some((n) => n.data?.kind !== 'first');
        found.push({ start: photo.start, end: photo.end, source: true, data: { kind: 'name', detail: full ? 'a pupil\'s full name' : 'a pupil\'s name' } });
      }
    }
  }
  return found;
};
