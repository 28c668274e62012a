import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import exifr from 'exifr';
import type { PhotoMetadata } from '../detectors/index.js';
import type { DraftImage } from '../documents/index.js';

// Fields where a photo may carry a name: EXIF, Windows (XP*), IPTC and XMP captions and tags.
const TEXT_FIELDS = [
  'ImageDescription', 'XPTitle', 'XPSubject', 'XPKeywords', 'XPComment', 'Artist',
  'Caption', 'Headline', 'Keywords', 'ObjectName', 'description', 'title', 'subject',
];

/** A local file an image's src points to, relative to the draft; null for links and site paths. */
export function localImagePath(src: string, draftPath: string): string | null {
  if (!src || /^(?:[a-z][a-z0-9+.-]*:|\/\/|\/|#)/i.test(src)) return null;
  let path = src.split(/[?#]/)[0];
  try {
    path = decodeURI(path);
  } catch {
    // keep it as written
  }
  return resolve(dirname(draftPath), path);
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textOf).join(', ');
  if (value && typeof value === 'object' && 'value' in value) return textOf((value as { value: unknown }).value);
  return '';
}

/**
 * Reads the metadata of a draft's local photos (not their pixels): whether each holds a GPS
 * position, and the text of its caption and tag fields. Links are never fetched. A missing or
 * unreadable photo is reported in `notes`, never thrown.
 */
export async function readPhotoMetadata(
  images: DraftImage[],
  draftPath: string,
  lineOf: (offset: number) => number,
  /** Photos inside the draft itself (a Word document's), by image. */
  embedded?: Map<DraftImage, Uint8Array>,
): Promise<{ photos: PhotoMetadata[]; notes: string[] }> {
  const photos: PhotoMetadata[] = [];
  const notes: Array<[offset: number, note: string]> = [];
  await Promise.all(
    images.map(async (image) => {
      let input: string | Uint8Array | undefined = embedded?.get(image);
      if (!input) {
        const path = localImagePath(image.src, draftPath);
        if (!path) return;
        if (!existsSync(path)) {
          // By its line, not its file name: a file name can hold a child's name.
          notes.push([image.start, `the image on line ${lineOf(image.start)} was not found next to the draft; its metadata was not checked`]);
          return;
        }
        input = path;
      }
      let data: Record<string, unknown> | undefined;
      try {
        data = (await exifr.parse(input, { gps: true, iptc: true, xmp: true, ifd0: {}, mergeOutput: true })) as Record<string, unknown> | undefined;
      } catch {
        notes.push([image.start, `the image on line ${lineOf(image.start)} could not be read as a photo; its metadata was not checked`]);
        return;
      }
      if (!data) return;
      const gps = typeof data.latitude === 'number' && typeof data.longitude === 'number';
      const text = TEXT_FIELDS.map((f) => textOf(data![f])).filter(Boolean).join('. ');
      if (gps || text) photos.push({ start: image.start, end: image.end, gps, text });
    }),
  );
  photos.sort((a, b) => a.start - b.start);
  return { photos, notes: notes.sort((a, b) => a[0] - b[0]).map(([, note]) => note) };
}
