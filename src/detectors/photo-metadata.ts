import { tokenize } from '../text/tokens.js';
import { defineDetector, type DetectorMatch } from './detector.js';
import { pupilNames } from './pupil-names.js';

/**
 * What a draft's local photo files give away: their location (GPS), and pupils' names in their
 * description, title, keywords or caption fields. One match a photo and finding, spanning the
 * image in the source.
 */
export const photoMetadata = defineDetector({
  needs: ['photos', 'names'],
  detect: (_input, { photos, names: nameContext }) => {
    const found: DetectorMatch[] = [];
    for (const photo of photos) {
      if (photo.gps) found.push({ start: photo.start, end: photo.end, source: true, data: { kind: 'gps', detail: 'location (GPS)' } });
      if (photo.text) {
        const tokens = tokenize(photo.text);
        const names = pupilNames.detect({ text: photo.text, tokens, segments: [], images: [] }, { names: nameContext }, {});
        if (names.length > 0) {
          const full = names.some((n) => n.data?.kind !== 'first');
          found.push({ start: photo.start, end: photo.end, source: true, data: { kind: 'name', detail: full ? 'a pupil\'s full name' : 'a pupil\'s name' } });
        }
      }
    }
    return found;
  },
});
