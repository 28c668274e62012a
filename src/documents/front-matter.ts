import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { alignInto } from './align.js';
import type { DraftImage } from './document.js';
import type { SourceTextBuilder } from './source-text.js';

export interface FrontMatter {
  data: Record<string, unknown> | null;
  /** Offset in the source where the Markdown body starts. */
  bodyStart: number;
  problem?: { message: string; offset: number };
}

const OPEN = /^(?:\uFEFF)?---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/gm;

/** Keys whose text a reader sees on the page or in a link preview. */
const PROSE_KEYS = ['title', 'subtitle', 'description', 'summary', 'excerpt', 'caption'];
/** Single-image keys of Jekyll, Hugo and Eleventy themes. */
const IMAGE_KEYS = ['image', 'cover', 'thumbnail', 'featured_image', 'og_image'];

/**
 * Reads a YAML front-matter block at the top of a Markdown draft, adds its reader-visible
 * values to the text, and collects the images it declares.
 */
export function readFrontMatter(source: string, builder: SourceTextBuilder, images: DraftImage[]): FrontMatter {
  const open = OPEN.exec(source);
  if (!open) return { data: null, bodyStart: source.charCodeAt(0) === 0xfeff ? 1 : 0 };
  const yamlStart = open[0].length;
  CLOSE.lastIndex = yamlStart;
  let close: RegExpExecArray | null;
  let yamlEnd = -1;
  let bodyStart = -1;
  while ((close = CLOSE.exec(source))) {
    yamlEnd = close.index;
    bodyStart = close.index + close[0].length;
    break;
  }
  if (yamlEnd < 0) {
    return {
      data: null,
      bodyStart: 0,
      problem: { message: 'front matter starts with --- but has no closing --- line; add one', offset: 0 },
    };
  }
  const yamlText = source.slice(yamlStart, yamlEnd);
  const doc = parseDocument(yamlText, { uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const offset = yamlStart + (err.pos?.[0] ?? 0);
    const firstLine = err.message.split('\n')[0];
    return { data: null, bodyStart, problem: { message: `front matter is not valid YAML: ${firstLine}`, offset } };
  }
  const root = doc.contents;
  if (root === null || root === undefined) return { data: {}, bodyStart };
  if (!isMap(root)) {
    return {
      data: null,
      bodyStart,
      problem: { message: 'front matter must be a YAML mapping of keys to values', offset: yamlStart },
    };
  }
  const data = doc.toJS() as Record<string, unknown>;

  const addScalar = (node: unknown) => {
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return;
    const [s, e] = node.range;
    builder.beginSegment('front-matter');
    if (alignInto(builder, node.value, source, yamlStart + s, yamlStart + e) < 0) {
      builder.replaced(node.value, yamlStart + s, yamlStart + e);
    }
    builder.endSegment();
    builder.separator();
  };
  // One pass over the keys, in the order the author wrote them.
  const byKey = new Map<string, unknown>();
  for (const pair of root.items) if (isScalar(pair.key)) byKey.set(String(pair.key.value), pair.value);
  for (const key of PROSE_KEYS) addScalar(byKey.get(key));

  const addImage = (node: YamlNode | unknown) => {
    if (isScalar(node) && typeof node.value === 'string' && node.range) {
      images.push({
        origin: 'front-matter',
        src: node.value,
        start: yamlStart + node.range[0],
        end: yamlStart + node.range[1],
      });
      return;
    }
    if (!isMap(node)) return;
    const src = node.get('src', true);
    if (!isScalar(src) || typeof src.value !== 'string' || !src.range) return;
    const str = (k: string) => {
      const v = node.get(k);
      return typeof v === 'string' ? v : undefined;
    };
    const shows = node.get('shows', true);
    const consent = node.get('consent');
    images.push({
      origin: 'front-matter',
      src: src.value,
      alt: str('alt'),
      title: str('title'),
      caption: str('caption'),
      consent: typeof consent === 'boolean' ? consent : undefined,
      shows: isSeq(shows) ? shows.items.map((i) => String(isScalar(i) ? i.value : i)) : undefined,
      start: yamlStart + src.range[0],
      end: yamlStart + src.range[1],
    });
    for (const k of ['alt', 'title', 'caption']) {
      const v = node.get(k, true);
      if (isScalar(v)) {
        builder.beginSegment(k === 'alt' ? 'image-alt' : k === 'title' ? 'image-title' : 'caption');
        if (typeof v.value === 'string' && v.range && alignInto(builder, v.value, source, yamlStart + v.range[0], yamlStart + v.range[1]) < 0) {
          builder.replaced(v.value, yamlStart + v.range[0], yamlStart + v.range[1]);
        }
        builder.endSegment();
        builder.separator();
      }
    }
  };
  const list = byKey.get('images');
  if (isSeq(list)) for (const item of list.items) addImage(item);
  for (const key of IMAGE_KEYS) addImage(byKey.get(key));

  return { data, bodyStart };
}
