import type { DraftImage } from './document.js';
import { addImageFileName } from './image-file-name.js';
import type { SegmentKind, SourceTextBuilder } from './source-text.js';

/**
 * Site-generator template tags in a draft: Hugo shortcodes (`{{< figure … >}}`, `{{% … %}}`),
 * Liquid and Nunjucks tags (`{% include image.html … %}`, Eleventy's `{% image "…", "…" %}`) and
 * output tags (`{{ page.title }}`). None of them is prose; those that place an image give it with
 * its alt text and caption, so the imagery and pupil-name checks see them.
 */
export interface TemplateTag {
  start: number;
  end: number;
  /** The tag's name: `figure`, `include`, `image`, `/gallery`; empty for an output tag. */
  name: string;
  image?: TemplateImage;
}

/** A quoted or bare value inside a tag, in source offsets (quotes excluded). */
export interface TagValue {
  value: string;
  start: number;
  end: number;
}

export interface TemplateImage {
  src?: TagValue;
  alt?: TagValue;
  caption?: TagValue;
  title?: TagValue;
}

// The character a masked tag is written as: the parsers read it as text, the builder drops it.
export const MASK = '\uE000';

const TAG = /\{\{[<%]([\s\S]*?)[>%]\}\}|\{%-?([\s\S]*?)-?%\}|\{\{-?([\s\S]*?)-?\}\}/g;
const ARGUMENT = /([A-Za-z_][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^\s"',]+))|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^\s"',=]+)/g;
const IMAGE_TAG = /^(?:figure|image|img|picture|photo|responsive-?image|eleventy-?image)$/i;
const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|avif|heic|tiff?|svg)(?:[?#].*)?$/i;
const SOURCE_KEYS = ['src', 'file', 'image', 'url', 'path', 'photo', 'img'];

function readImage(name: string, named: Map<string, TagValue>, positional: TagValue[]): TemplateImage | undefined {
  const lower = name.toLowerCase();
  const keyed = SOURCE_KEYS.map((k) => named.get(k)).find((v) => v !== undefined);
  // An include is an image when it is given one: `{% include figure.html file="a.jpg" %}`.
  const includesImage = lower === 'include' || lower === 'include_relative' || lower === 'render';
  const imageTag = IMAGE_TAG.test(lower);
  if (!imageTag && !(includesImage && (keyed || named.has('caption') || named.has('alt')))) return undefined;
  // Eleventy's image shortcode takes the source and the alt text as its first two arguments.
  const quoted = positional.filter((p) => p.value.length > 0);
  const src = keyed ?? (imageTag ? quoted.find((p) => IMAGE_FILE.test(p.value)) ?? quoted[0] : undefined);
  const alt = named.get('alt') ?? (imageTag && !keyed && quoted.length > 1 ? quoted[1] : undefined);
  return { src, alt, caption: named.get('caption'), title: named.get('title') };
}

/** The template tags in source[from, to). */
export function findTemplateTags(source: string, from = 0, to = source.length): TemplateTag[] {
  const tags: TemplateTag[] = [];
  if (source.indexOf('{{', from) < 0 && source.indexOf('{%', from) < 0) return tags;
  TAG.lastIndex = from;
  for (let m = TAG.exec(source); m && m.index < to; m = TAG.exec(source)) {
    const end = m.index + m[0].length;
    if (end > to) break;
    const inner = m[1] ?? m[2];
    if (inner === undefined) {
      tags.push({ start: m.index, end, name: '' });
      continue;
    }
    const innerStart = m.index + m[0].indexOf(inner);
    const named = new Map<string, TagValue>();
    const positional: TagValue[] = [];
    let name = '';
    ARGUMENT.lastIndex = 0;
    for (let a = ARGUMENT.exec(inner); a; a = ARGUMENT.exec(inner)) {
      const at = (text: string | undefined) => {
        const offset = innerStart + a!.index + a![0].lastIndexOf(text ?? '');
        return { value: text ?? '', start: offset, end: offset + (text ?? '').length };
      };
      if (a[1] !== undefined) named.set(a[1].toLowerCase(), at(a[2] ?? a[3] ?? a[4]));
      else if (!name && a[7] !== undefined) name = a[7];
      else positional.push(at(a[5] ?? a[6] ?? a[7]));
    }
    if (!name && /^\s*\//.test(inner)) name = `/${inner.trim().slice(1).split(/\s/)[0]}`;
    tags.push({ start: m.index, end, name, image: readImage(name, named, positional) });
  }
  return tags;
}

/** The source with every tag written as MASK characters (line breaks kept), so offsets stay. */
export function maskTemplateTags(source: string, tags: TemplateTag[]): string {
  if (tags.length === 0) return source;
  const parts: string[] = [];
  let at = 0;
  for (const tag of tags) {
    parts.push(source.slice(at, tag.start), source.slice(tag.start, tag.end).replace(/[^\r\n]/g, MASK));
    at = tag.end;
  }
  parts.push(source.slice(at));
  return parts.join('');
}

/** A tag's image as the checks see it, spanning the whole tag. */
export function templateDraftImage(tag: TemplateTag): DraftImage | null {
  const image = tag.image;
  if (!image) return null;
  return {
    origin: 'template',
    src: image.src?.value ?? '',
    alt: image.alt?.value,
    title: image.title?.value,
    caption: image.caption?.value,
    start: tag.start,
    end: tag.end,
  };
}

/**
 * Adds the prose of template tags before `upTo` (an image's alt text, title and caption, and its
 * file name) and their images; tags in code are dropped. Returns the index of the next tag.
 */
export function emitTemplateTags(
  tags: TemplateTag[],
  next: number,
  upTo: number,
  builder: SourceTextBuilder,
  source: string,
  images: DraftImage[],
  drop = false,
): number {
  const add = (kind: SegmentKind, value: TagValue | undefined) => {
    if (!value || !value.value.trim()) return;
    builder.separator();
    builder.beginSegment(kind);
    builder.verbatim(source.slice(value.start, value.end), value.start);
    builder.endSegment();
    builder.separator();
  };
  for (; next < tags.length && tags[next].start < upTo; next++) {
    const tag = tags[next];
    const image = drop ? null : templateDraftImage(tag);
    if (!image || !tag.image) continue;
    add('image-alt', tag.image.alt);
    add('image-title', tag.image.title);
    add('caption', tag.image.caption);
    if (tag.image.src) addImageFileName(builder, source, tag.image.src.start, tag.image.src.end);
    images.push(image);
  }
  return next;
}

