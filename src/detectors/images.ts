import type { DraftImage } from '../documents/index.js';
import { tokenize } from '../text/tokens.js';
import type { ImageWords } from '../lexicon/image-words.js';
import { defineDetector, type DetectorMatch } from './detector.js';
import { pupilNames } from './pupil-names.js';

/** The text that describes an image: alt, title, caption and file name (its words spaced out). */
function describe(image: DraftImage): string {
  const file = (image.src.split(/[?#]/)[0].split('/').pop() ?? '').replace(/\.[a-z0-9]+$/i, '').replace(/[-_.]+/g, ' ');
  return [image.alt, image.title, image.caption, file].filter(Boolean).join('. ');
}

function mentions(words: string[], phrases: string[][]): boolean {
  return phrases.some((p) => words.some((_, i) => p.every((w, k) => words[i + k] === w)));
}

/**
 * What each image of a draft shows - declared in front matter (`shows:`), or read from its alt
 * text, title, caption and file name - with whether consent is recorded and whether a pupil is
 * named with it. Each image is one match spanning the image in the source (`source: true`).
 */
export const images = defineDetector({
  needs: ['imageWords', 'names'],
  detect: (input, { imageWords: words, names: nameContext }) => {
    const found: DetectorMatch[] = [];
    for (const image of input.images) {
      const text = describe(image);
      const tokens = tokenize(text);
      const names = pupilNames.detect({ text, tokens, segments: [{ kind: 'image-alt', start: 0, end: text.length }], images: [] }, { names: nameContext }, {});
      const named = names.some((n) => n.data?.kind !== 'first') ? 'full' : names.length > 0 ? 'first' : 'none';
      const shows = new Set(image.shows ?? []);
      const declared = image.shows !== undefined;
      const has = (what: keyof ImageWords) => (declared ? shows.has(what) : mentions(tokens.words, words[what]) || (what === 'pupils' && named !== 'none'));
      const pupils = has('pupils');
      const uniform = has('uniform');
      const logo = has('logo');
      found.push({
        start: image.start,
        end: image.end,
        source: true,
        data: {
          pupils: pupils ? 'yes' : 'no',
          uniform: uniform ? 'yes' : 'no',
          logo: logo ? 'yes' : 'no',
          staff: has('staff') ? 'yes' : 'no',
          branded: uniform || logo ? 'yes' : 'no',
          consent: image.consent === true ? 'yes' : 'no',
          named,
        },
      });
    }
    return found;
  },
});
