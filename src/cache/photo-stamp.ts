import { statSync } from 'node:fs';
import { localImagePath, type DraftImage } from '../documents/index.js';
import { sha256 } from '../fs/hash.js';

/**
 * What a draft's local photos are now: for each image, the file it names and that file's size
 * and times, or that there is none. A change to a photo, or a missing photo that appears, gives
 * another stamp. Null when the draft names no local photo. Hashed: the file names can be a
 * child's name.
 */
export function photoStamp(images: DraftImage[], draftPath: string): string | null {
  const parts: string[] = [];
  for (const image of images) {
    const path = localImagePath(image.src, draftPath);
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
