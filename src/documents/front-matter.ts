import { alignInto } from './align.js';
import { addImageFileName } from './image-file-name.js';
import type { DraftImage } from './document.js';
import type { SegmentKind, SourceTextBuilder } from './source-text.js';
import { readSimpleYaml, readYamlWithLibrary, type TreeNode } from './yaml-tree.js';

export interface FrontMatter {
  data: Record<string, unknown> | null;
  /** Offset in the source where the Markdown body starts. */
  bodyStart: number;
  problem?: { message: string; offset: number };
}

// A line ends at LF, CRLF or a lone CR; nothing else (not U+2028, as a multiline `^` would).
const OPEN = /^(?:\uFEFF)?---[ \t]*(?:\r\n?|\n)/;
const CLOSE = /(?<=[\r\n])(?:---|\.\.\.)[ \t]*(?:\r\n?|\n|$)/g;

// Front matter is a few lines of settings. The YAML library's memory and time grow fast on
// megabytes of it (a list of many thousands of images), so more than this is the draft's error.
const MAX_FRONT_MATTER_CHARS = 1024 * 1024;

/** Keys whose text a reader sees on the page or in a link preview. */
const PROSE_KEYS = ['title', 'subtitle', 'description', 'summary', 'excerpt', 'caption'];
/** Keys that name the post's writers. */
const PEOPLE_KEYS = ['author', 'authors', 'byline', 'by', 'writer', 'written_by', 'contributor', 'contributors'];
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
  if (yamlEnd - yamlStart > MAX_FRONT_MATTER_CHARS) {
    const megabytes = ((yamlEnd - yamlStart) / 1024 / 1024).toFixed(1);
    return {
      data: null,
      bodyStart,
      problem: { message: `front matter is ${megabytes} MB, over the 1 MB limit; keep the post's text in its body, below the closing ---`, offset: 0 },
    };
  }
  // The YAML library knows no lone CR: read it as LF, one character for one, so offsets hold.
  const yamlText = source.slice(yamlStart, yamlEnd).replace(/\r(?!\n)/g, '\n');
  const read = readSimpleYaml(yamlText) ?? readYamlWithLibrary(yamlText);
  if ('error' in read) {
    const { message, offset } = read.error;
    return { data: null, bodyStart, problem: { message: `front matter is not valid YAML: ${message}`, offset: yamlStart + offset } };
  }
  const root = read.root;
  if (root === null) return { data: {}, bodyStart };
  if (root.kind !== 'map') {
    return {
      data: null,
      bodyStart,
      problem: { message: 'front matter must be a YAML mapping of keys to values', offset: yamlStart },
    };
  }

  const addText = (node: TreeNode | undefined, kind: SegmentKind) => {
    if (node?.kind !== 'scalar' || typeof node.value !== 'string') return;
    const start = yamlStart + node.start;
    const end = yamlStart + node.end;
    builder.beginSegment(kind);
    if (alignInto(builder, node.value, source, start, end) < 0) builder.replaced(node.value, start, end);
    builder.endSegment();
    builder.separator();
  };
  for (const key of PROSE_KEYS) addText(root.entries.get(key), 'front-matter');
  // Who wrote the post: a name on its own, shown as its byline.
  for (const key of PEOPLE_KEYS) {
    const node = root.entries.get(key);
    if (node?.kind === 'seq') for (const item of node.items) addText(item, 'byline');
    else addText(node, 'byline');
  }

  const addImage = (node: TreeNode | undefined) => {
    const addFileName = (n: TreeNode & { kind: 'scalar' }) => {
      const quoted = /^["']/.test(source[yamlStart + n.start]) ? 1 : 0;
      addImageFileName(builder, source, yamlStart + n.start + quoted, yamlStart + n.end - quoted);
    };
    if (node?.kind === 'scalar' && typeof node.value === 'string') {
      images.push({ origin: 'front-matter', src: node.value, start: yamlStart + node.start, end: yamlStart + node.end });
      addFileName(node);
      return;
    }
    if (node?.kind !== 'map') return;
    const src = node.entries.get('src');
    if (src?.kind !== 'scalar' || typeof src.value !== 'string') return;
    const value = (k: string) => {
      const v = node.entries.get(k);
      return v?.kind === 'scalar' ? v.value : undefined;
    };
    const text = (k: string) => (typeof value(k) === 'string' ? (value(k) as string) : undefined);
    const shows = node.entries.get('shows');
    const consent = value('consent');
    images.push({
      origin: 'front-matter',
      src: src.value,
      alt: text('alt'),
      title: text('title'),
      caption: text('caption'),
      consent: typeof consent === 'boolean' ? consent : undefined,
      shows: shows?.kind === 'seq' ? shows.items.map((i) => String(i.kind === 'scalar' ? i.value : '')) : undefined,
      start: yamlStart + src.start,
      end: yamlStart + src.end,
    });
    addFileName(src);
    addText(node.entries.get('alt'), 'image-alt');
    addText(node.entries.get('title'), 'image-title');
    addText(node.entries.get('caption'), 'caption');
  };
  const list = root.entries.get('images');
  if (list?.kind === 'seq') for (const item of list.items) addImage(item);
  for (const key of IMAGE_KEYS) addImage(root.entries.get(key));

  return { data: read.data as Record<string, unknown>, bodyStart };
}
