import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';
import { appendDecodedHtml } from './align.js';
import { addImageFileName } from './image-file-name.js';
import { addContactLinkTarget } from './link-target.js';
import type { Document, DraftImage, LinkTarget } from './document.js';
import { SourceTextBuilder, type SegmentKind } from './source-text.js';
import { readFrontMatter } from './front-matter.js';
import { findSuppressionComments } from './suppressions.js';
import { emitTemplateTags, findTemplateTags, MASK, maskTemplateTags } from './templates.js';

/** Elements whose content is not prose. */
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'code', 'pre', 'svg', 'math', 'textarea', 'iframe']);
/** Elements that start a new block of text. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'dd', 'details', 'dialog', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header',
  'hr', 'html', 'li', 'main', 'nav', 'ol', 'p', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
  'title', 'tr', 'ul', 'img', 'picture', 'button', 'label', 'option', 'select',
]);
const KIND_OF: Record<string, SegmentKind> = {
  h1: 'heading', h2: 'heading', h3: 'heading', h4: 'heading', h5: 'heading', h6: 'heading', title: 'heading',
  p: 'paragraph', li: 'list-item', td: 'table-cell', th: 'table-cell', figcaption: 'caption', caption: 'caption', blockquote: 'quote',
};

const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

interface AttributeValue {
  value: string;
  start: number;
  end: number;
}

/** Attribute values of a start tag with their source positions (htmlparser2 gives values only). */
function attributePositions(source: string, tagStart: number, tagEnd: number): Map<string, AttributeValue> {
  const found = new Map<string, AttributeValue>();
  const nameEnd = source.slice(tagStart, tagEnd).search(/[\s/>]/);
  ATTRIBUTE.lastIndex = 0;
  const body = source.slice(tagStart + (nameEnd < 0 ? 0 : nameEnd), tagEnd);
  const base = tagStart + (nameEnd < 0 ? 0 : nameEnd);
  for (const m of body.matchAll(ATTRIBUTE)) {
    const raw = m[2] ?? m[3] ?? m[4];
    if (raw === undefined) continue;
    const name = m[1].toLowerCase();
    if (found.has(name)) continue;
    const valueOffset = m[0].length - raw.length - (m[2] !== undefined || m[3] !== undefined ? 1 : 0);
    const start = base + m.index + valueOffset;
    found.set(name, { value: decodeHTML(raw), start, end: start + raw.length });
  }
  return found;
}

/**
 * Adds the reader-visible text of the HTML in source[from, to) to the builder: text nodes,
 * image alt text and titles, figure captions. Used for whole HTML drafts and for the HTML
 * blocks inside Markdown.
 */
export function readHtmlInto(
  builder: SourceTextBuilder,
  source: string,
  from: number,
  to: number,
  images: DraftImage[],
  linkTargets: LinkTarget[] = [],
): void {
  let hiddenDepth = 0;
  // The contact targets of the links open now, added to the text when each link closes.
  const openLinks: Array<{ start: number; end: number } | null> = [];
  let cellsInRow = 0;
  const figures: DraftImage[][] = [];
  const kinds: SegmentKind[] = [];
  let captionParts: string[] | null = null;
  const parser = new Parser(
    {
      onopentag(name) {
        const start = from + parser.startIndex;
        const end = from + parser.endIndex + 1;
        if (HIDDEN.has(name)) hiddenDepth++;
        if (hiddenDepth > 0) return;
        if (name === 'tr') cellsInRow = 0;
        if (BLOCK.has(name)) {
          builder.endSegment();
          // The cells of a row read as one line: "10.00 | Jewry Wall Museum".
          builder.separator((name === 'td' || name === 'th') && cellsInRow++ > 0 ? SourceTextBuilder.CELL : undefined);
        }
        const kind = KIND_OF[name];
        if (kind) {
          kinds.push(kind);
          builder.beginSegment(kind);
        }
        if (name === 'a') {
          const href = attributePositions(source, start, end).get('href');
          openLinks.push(href ? { start: href.start, end: href.end } : null);
        }
        if (name === 'figure') figures.push([]);
        if (name === 'figcaption') captionParts = [];
        if (name === 'img') {
          const attrs = attributePositions(source, start, end);
          const image: DraftImage = {
            origin: 'html',
            src: attrs.get('src')?.value ?? attrs.get('srcset')?.value.split(/\s+/)[0] ?? '',
            alt: attrs.get('alt')?.value,
            title: attrs.get('title')?.value,
            start,
            end,
          };
          images.push(image);
          figures[figures.length - 1]?.push(image);
          const src = attrs.get('src');
          if (src) addImageFileName(builder, source, src.start, src.end);
          for (const [attr, kindOf] of [['alt', 'image-alt'], ['title', 'image-title']] as const) {
            const a = attrs.get(attr);
            if (!a || a.value.trim() === '') continue;
            builder.beginSegment(kindOf);
            appendDecodedHtml(builder, source, a.start, a.end);
            builder.endSegment();
            builder.separator();
          }
        }
      },
      ontext() {
        if (hiddenDepth > 0) return;
        const start = from + parser.startIndex;
        const end = from + parser.endIndex + 1;
        appendDecodedHtml(builder, source, start, end);
        if (captionParts) captionParts.push(decodeHTML(source.slice(start, end)));
      },
      onclosetag(name, isImplied) {
        if (HIDDEN.has(name)) {
          hiddenDepth = Math.max(0, hiddenDepth - 1);
          return;
        }
        if (hiddenDepth > 0) return;
        if (name === 'a') {
          const href = openLinks.pop();
          // A link closed only by the piece's end (Markdown's inline HTML comes a tag at a time)
          // has its words still to come.
          if (href) addContactLinkTarget(builder, source, href.start, href.end, linkTargets, true, isImplied && parser.endIndex >= to - from - 1);
        }
        if (KIND_OF[name]) {
          kinds.pop();
          builder.endSegment();
          const outer = kinds[kinds.length - 1];
          if (outer) builder.beginSegment(outer);
        }
        if (name === 'figcaption' && captionParts) {
          const caption = captionParts.join('').replace(/\s+/g, ' ').trim();
          for (const image of figures[figures.length - 1] ?? []) image.caption = caption;
          captionParts = null;
        }
        if (name === 'figure') figures.pop();
        if (BLOCK.has(name) && name !== 'td' && name !== 'th') {
          builder.endSegment();
          builder.separator();
        }
      },
    },
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(source.slice(from, to));
  parser.end();
  builder.endSegment();
}

export function parseHtml(source: string): Document {
  const builder = new SourceTextBuilder();
  const images: DraftImage[] = [];
  const linkTargets: LinkTarget[] = [];
  // A static site's HTML page may open with front matter, as Jekyll's and Hugo's do: read as in Markdown.
  const front = readFrontMatter(source, builder, images);
  // Liquid and other template tags in a site's HTML pages are masked out, as in Markdown.
  const tags = findTemplateTags(source, front.bodyStart);
  if (tags.length > 0) builder.maskedBy = MASK;
  readHtmlInto(builder, maskTemplateTags(source, tags), front.bodyStart, source.length, images, linkTargets);
  emitTemplateTags(tags, 0, source.length, builder, source, images);
  if (tags.length > 0) {
    const unmask = (v: string | undefined) => v?.split(MASK).join('');
    for (const image of images) Object.assign(image, { src: unmask(image.src) ?? '', alt: unmask(image.alt), title: unmask(image.title) });
  }
  const prose = builder.build();
  return {
    format: 'html',
    source,
    prose,
    segments: builder.segments,
    images,
    linkTargets,
    frontMatter: front.data,
    suppressions: findSuppressionComments(source),
    problems: front.problem ? [front.problem] : [],
  };
}
