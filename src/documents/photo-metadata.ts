import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { DraftImage } from './document.js';

/** Metadata read from a local photo, for the image it belongs to. */
export interface PhotoMetadata {
  /** The image in the source. */
  start: number;
  end: number;
  gps: boolean;
  /** Description, title, subject, keywords, artist and caption fields, joined. */
  text: string;
}

// Fields where a photo may carry a name: EXIF, Windows (XP*), IPTC and XMP captions and tags.
const TEXT_FIELDS = [
  'ImageDescription', 'XPTitle', 'XPSubject', 'XPKeywords', 'XPComment', 'Artist',
  'Caption', 'Headline', 'Keywords', 'ObjectName', 'description', 'title', 'subject',
];

// Files that mark a static site's root, and the folders its site paths ("/images/a.jpg") are served from.
const SITE_ROOTS: Array<{ markers: string[]; folders: string[] }> = [
  { markers: ['hugo.toml', 'hugo.yaml', 'hugo.json', 'config.toml'], folders: ['static', 'assets'] },
  { markers: ['_config.yml', '_config.yaml'], folders: ['.'] },
  { markers: ['eleventy.config.js', 'eleventy.config.mjs', 'eleventy.config.cjs', '.eleventy.js'], folders: ['.', 'src'] },
];
const siteFolders = new Map<string, string[]>();

/** The folders a site path is served from, for the site a draft is in (none outside a site). */
function servedFrom(draftDir: string): string[] {
  const cached = siteFolders.get(draftDir);
  if (cached) return cached;
  let found: string[] = [];
  for (let dir = draftDir; ; dir = dirname(dir)) {
    const site = SITE_ROOTS.find((s) => s.markers.some((m) => existsSync(join(dir, m))));
    if (site) {
      found = site.folders.map((f) => resolve(dir, f));
      break;
    }
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) break;
  }
  siteFolders.set(draftDir, found);
  return found;
}

function decoded(src: string): string {
  const path = src.split(/[?#]/)[0];
  try {
    return decodeURI(path);
  } catch {
    return path; // keep it as written
  }
}

/**
 * A local file an image's src points to: relative to the draft, or, for a site path
 * ("/images/a.jpg") in a Hugo, Jekyll or Eleventy site, the file the site serves (Hugo's static/
 * and assets/, the site's root); null for links and for site paths with no such file.
 */
export function localImagePath(src: string, draftPath: string): string | null {
  if (!src || /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(src)) return null;
  if (src.startsWith('/')) {
    const path = decoded(src).replace(/^\/+/, '');
    return servedFrom(dirname(draftPath)).map((folder) => resolve(folder, path)).find((p) => existsSync(p)) ?? null;
  }
  return resolve(dirname(draftPath), decoded(src));
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
  /**
   * Whether each folder photos were looked for in is there, as found so far in this run: the
   * drafts of a site often name photos in a folder that is not beside them, asked about once.
   */
  folders: Map<string, boolean> = new Map(),
): Promise<{ photos: PhotoMetadata[]; notes: string[] }> {
  const photos: PhotoMetadata[] = [];
  const notes: Array<[offset: number, note: string]> = [];
  await Promise.all(
    images.map(async (image) => {
      let input: string | Uint8Array | undefined = embedded?.get(image);
      if (!input) {
        const path = localImagePath(image.src, draftPath);
        if (!path) return;
        const folder = dirname(path);
        let folderThere = folders.get(folder);
        if (folderThere === undefined) folders.set(folder, (folderThere = existsSync(folder)));
        let stat;
        try {
          if (folderThere) stat = statSync(path, { throwIfNoEntry: false });
        } catch {
          // unreadable: as if missing
        }
        if (!stat) {
          // By its line, not its file name: a file name can hold a child's name.
          notes.push([image.start, `the image on line ${lineOf(image.start)} was not found next to the draft; its metadata was not checked`]);
          return;
        }
        // Only a regular file is read: a pipe or a device would hang the run.
        if (!stat.isFile()) {
          notes.push([image.start, `the image on line ${lineOf(image.start)} is not a regular file; its metadata was not checked`]);
          return;
        }
        input = path;
      }
      let data: Record<string, unknown> | undefined;
      // Loaded when a photo is first read: most runs read none, and loading it costs every run 5 ms.
      const { default: exifr } = await import('exifr');
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
