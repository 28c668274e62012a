import { statSync } from 'node:fs';
import { localImagePath, type DraftImage } from '../documents/index.js';
import { sha256 } from '../fs/hash.js';

/**
 * What a draft's local photos are now: for each image address, the file it names and that
 * file's size and times, or that there is none. A change to a photo, or a missing photo that
 * appears, gives another stamp. Null when the draft names no local photo. Hashed: the file
 * names can be a child's name.
 */
export function photoStamp(sources: string[], draftPath: string): string | null {
  const parts: string[] = [];
  for (const src of sources) {
    const path = localImagePath(src, draftPath);
    if (path === null) continue;
    let stat;
    try {
      stat = statSync(path, { throwIfNoEntry: false });
    } catch {
      // unreadable: as if missing
    }
    parts.push(`${path}\u0000${stat ? `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}` : 'missing'}`);
  }
  return parts.length > 0 ? sha256(parts.join('\n')) : null;
}

/**
 * Where each image's address stands in the draft's text, as [offset, length], so that a later
 * run can read the addresses of the same bytes again without parsing the draft; null when an
 * address is not written there as it is (an entity or an escape in it).
 */
export function addressPlaces(images: DraftImage[], source: string): Array<[number, number]> | null {
  const places: Array<[number, number]> = [];
  for (const image of images) {
    // Within the image's own markup: an address missing there is not looked for to the end.
    const within = image.src ? source.slice(image.start, image.end).indexOf(image.src) : -1;
    if (within < 0) return null;
    const at = image.start + within;
    places.push([at, image.src.length]);
  }
  return places;
}
