import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { lineStarts } from '../text/positions.js';
import { alignInto, indexWithin } from './align.js';
import { addImageFileName } from './image-file-name.js';
import { addContactLinkTarget } from './link-target.js';
import type { Document, DraftImage, LinkTarget } from './document.js';
import { readFrontMatter } from './front-matter.js';
import { readHtmlInto } from './html.js';
import { SourceTextBuilder, type SegmentKind } from './source-text.js';
import { findSuppressionComments } from './suppressions.js';
import { emitTemplateTags, findTemplateTags, MASK, maskTemplateTags } from './templates.js';

// One parser for the whole run: CommonMark with GFM tables and strikethrough, raw HTML kept.
const markdown = new MarkdownIt('default', { html: true, linkify: false, typographer: false });

/** Skips a balanced `( ... )` or `[ ... ]` starting at `at`; returns the offset after it, or -1. */
function skipBracketed(source: string, at: number, limit: number): number {
  const open = source[at];
  const close = open === '(' ? ')' : ']';
  let depth = 0;
  let quote = '';
  for (let i = at; i < limit; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (open === '(' && (c === '"' || c === "'") && depth === 1 && /\s/.test(source[i - 1] ?? '')) {
      quote = c;
      continue;
    }
    if (c === open) depth++;
    else if (c === close) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

const URL_HOST = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)/i;

class InlineReader {
  cursor: number;
  constructor(
    private readonly builder: SourceTextBuilder,
    private readonly source: string,
    private readonly images: DraftImage[],
    public limit: number,
    start: number,
    private readonly linkTargets: LinkTarget[] = [],
  ) {
    this.cursor = start;
  }

  text(value: string): void {
    if (value.length === 0) return;
    const after = alignInto(this.builder, value, this.source, this.cursor, this.limit);
    if (after >= 0) this.cursor = after;
    else this.builder.replaced(value, this.cursor, Math.min(this.cursor + 1, this.limit));
  }

  /** Where the autolink being read ends (its `>`), or -1. */
  private autolinkEnd = -1;

  /**
   * An autolink's text, which markdown-it shows decoded (`%20` as a space, a punycode host in
   * its letters): each decoded character maps to its escape, or, when that cannot be, the whole
   * text to the whole link.
   */
  private urlText(value: string): void {
    const end = this.autolinkEnd;
    let from = this.cursor;
    let after = alignInto(this.builder, value, this.source, from, end, true);
    if (after < 0) {
      // A host shown in its letters maps as a whole to the host as written; the rest as ever.
      const shown = URL_HOST.exec(value);
      const written = URL_HOST.exec(this.source.slice(from, end));
      if (shown && written && shown[1] === written[1]) {
        this.builder.verbatim(written[1], from);
        this.builder.replaced(shown[2], from + written[1].length, from + written[0].length);
        value = value.slice(shown[0].length);
        from += written[0].length;
        after = value ? alignInto(this.builder, value, this.source, from, end, true) : from;
      }
    }
    if (after < 0) this.builder.replaced(value, from, end);
    this.cursor = Math.max(this.cursor, after < 0 ? end : after);
  }

  /** Moves past the next occurrence of `needle`; returns where it started, or -1. */
  pass(needle: string): number {
    const found = this.find(needle);
    if (!found) return -1;
    this.cursor = found.end;
    return found.at;
  }

  /**
   * The next occurrence of text markdown-it gave, whose LFs stand for any line ending in the
   * source (it reads CRLF and a lone CR as LF).
   */
  private find(needle: string): { at: number; end: number } | null {
    if (!needle.includes('\n')) {
      // Not past the block's end: a needle missing from a long draft is not looked for to its end.
      const at = indexWithin(this.source, needle, this.cursor, this.limit + needle.length - 1);
      return at < 0 ? null : { at, end: at + needle.length };
    }
    const pattern = new RegExp(needle.split('\n').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('(?:\\r\\n?|\\n)'), 'g');
    // Searched within the block (each LF may stand for CRLF), not to the end of the draft.
    const within = this.source.slice(this.cursor, this.limit + 2 * needle.length);
    const m = pattern.exec(within);
    return !m || this.cursor + m.index >= this.limit ? null : { at: this.cursor + m.index, end: this.cursor + m.index + m[0].length };
  }

  /** Moves past a code span's closing run of backticks, as long as the opening one. */
  passCodeSpan(markup: string): void {
    let i = this.cursor;
    while (i < this.limit) {
      const at = this.source.indexOf('`', i);
      if (at < 0 || at >= this.limit) return;
      let end = at;
      while (end < this.limit && this.source.charCodeAt(end) === 0x60) end++;
      if (end - at === markup.length) {
        this.cursor = end;
        return;
      }
      i = end;
    }
  }

  /** After link text: moves past `](destination "title")` or `][label]`. */
  closeLink(): void {
    const bracket = this.pass(']');
    if (bracket < 0) return;
    const next = this.source[this.cursor];
    if (next === '(' || next === '[') {
      const end = skipBracketed(this.source, this.cursor, this.limit);
      if (end > 0) {
        if (next === '(') {
          // The destination as written: after "(" and any spaces, up to a space, ">" or ")".
          const dest = /^\(\s*<?([^\s)>]*)/.exec(this.source.slice(this.cursor, end));
          if (dest && dest[1]) {
            const at = this.cursor + dest[0].length - dest[1].length;
            addContactLinkTarget(this.builder, this.source, at, at + dest[1].length, this.linkTargets);
          }
        }
        this.cursor = end;
      }
    }
  }

  children(tokens: Token[]): void {
    for (const token of tokens) {
      switch (token.type) {
        case 'text':
          if (this.autolinkEnd >= 0) this.urlText(token.content);
          else this.text(token.content);
          break;
        case 'softbreak':
        case 'hardbreak':
          this.builder.separator('\n');
          break;
        case 'code_inline': {
          const open = this.pass(token.markup);
          // Its content is not as written (line endings become spaces), so find the closing run.
          if (open >= 0) this.passCodeSpan(token.markup);
          this.builder.separator(' ');
          break;
        }
        case 'html_inline': {
          const start = this.pass(token.content);
          if (start >= 0) readHtmlInto(this.builder, this.source, start, this.cursor, this.images, this.linkTargets);
          break;
        }
        case 'link_open':
          if (token.markup === 'autolink') {
            this.pass('<');
            this.autolinkEnd = this.source.indexOf('>', this.cursor);
          } else this.pass('[');
          break;
        case 'link_close':
          if (token.markup === 'autolink') {
            this.pass('>');
            this.autolinkEnd = -1;
          } else this.closeLink();
          break;
        case 'image':
          this.image(token);
          break;
        default:
          break;
      }
    }
  }

  private image(token: Token): void {
    const start = this.pass('![');
    if (start < 0) return;
    this.builder.separator();
    this.builder.beginSegment('image-alt');
    this.children(token.children ?? []);
    this.builder.endSegment();
    this.builder.separator();
    const bracket = this.pass(']');
    let end = this.cursor;
    const titleAttr = token.attrGet('title');
    const title = titleAttr === null ? null : String(titleAttr);
    if (bracket >= 0 && (this.source[this.cursor] === '(' || this.source[this.cursor] === '[')) {
      const close = skipBracketed(this.source, this.cursor, this.limit);
      if (close > 0) {
        if (this.source[this.cursor] === '(') {
          // The destination as written: after "(" and any spaces, up to a space or ")".
          const dest = /^\(\s*<?([^\s)>]*)/.exec(this.source.slice(this.cursor, close));
          if (dest && dest[1]) {
            const at = this.cursor + dest[0].length - dest[1].length;
            addImageFileName(this.builder, this.source, at, at + dest[1].length);
          }
        }
        if (title && this.source[this.cursor] === '(') {
          // The title is the last quoted part before the closing parenthesis.
          const before = this.source.slice(this.cursor + 1, close - 1 + title.length);
          const titleAt = before.lastIndexOf(title) + this.cursor + 1;
          if (titleAt > this.cursor) {
            this.builder.beginSegment('image-title');
            alignInto(this.builder, title, this.source, titleAt, close - 1);
            this.builder.endSegment();
            this.builder.separator();
          }
        }
        end = close;
        this.cursor = close;
      }
    }
    this.images.push({
      origin: 'markdown',
      src: String(token.attrGet('src') ?? ''),
      alt: token.content,
      title: title ?? undefined,
      start,
      end,
    });
  }
}

const KIND_OF: Record<string, SegmentKind> = {
  heading_open: 'heading',
  paragraph_open: 'paragraph',
  th_open: 'table-cell',
  td_open: 'table-cell',
};

export function parseMarkdown(original: string): Document {
  const builder = new SourceTextBuilder();
  const images: DraftImage[] = [];
  const linkTargets: LinkTarget[] = [];
  const front = readFrontMatter(original, builder, images);
  // Template tags are masked out before parsing (offsets unchanged) and their prose added apart.
  const tags = findTemplateTags(original, front.bodyStart);
  const source = maskTemplateTags(original, tags);
  if (tags.length > 0) builder.maskedBy = MASK;
  let nextTag = 0;
  const body = source.slice(front.bodyStart);
  // markdown-it counts lines as lineStarts does (LF, CRLF, lone CR), so its line numbers map back.
  const lineStart = lineStarts(body, front.bodyStart);
  const lineAt = (n: number) => lineStart[Math.min(n, lineStart.length - 1)] ?? source.length;
  const tokens = markdown.parse(body, {});

  let cursor = front.bodyStart;
  let blockEnd = source.length;
  let kind: SegmentKind = 'paragraph';
  let listDepth = 0;
  let quoteDepth = 0;
  let captionFor: DraftImage | null = null;
  for (const token of tokens) {
    if (token.map) {
      cursor = Math.max(cursor, lineAt(token.map[0]));
      blockEnd = token.map[1] >= lineStart.length ? source.length : lineAt(token.map[1]);
      if (nextTag < tags.length) nextTag = emitTemplateTags(tags, nextTag, cursor, builder, original, images);
    }
    switch (token.type) {
      case 'bullet_list_open':
      case 'ordered_list_open':
        listDepth++;
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        listDepth--;
        break;
      case 'blockquote_open':
        quoteDepth++;
        break;
      case 'tr_close':
        builder.separator();
        break;
      case 'blockquote_close':
        quoteDepth--;
        break;
      case 'inline': {
        builder.beginSegment(
          kind === 'paragraph' && listDepth > 0 ? 'list-item' : kind === 'paragraph' && quoteDepth > 0 ? 'quote' : kind,
        );
        const imagesBefore = images.length;
        const reader = new InlineReader(builder, source, images, blockEnd, cursor, linkTargets);
        const children = token.children ?? [];
        reader.children(children);
        cursor = reader.cursor;
        builder.endSegment();
        builder.separator(kind === 'table-cell' ? SourceTextBuilder.CELL : undefined);
        if (nextTag < tags.length) nextTag = emitTemplateTags(tags, nextTag, blockEnd, builder, original, images);
        // A caption-like line right after an image: the rest of the image's paragraph, or a
        // paragraph in italics that follows an image standing alone.
        const plain = (list: typeof children) => list.filter((c) => c.type === 'text').map((c) => c.content).join('').trim();
        if (images.length === imagesBefore + 1 && children[0]?.type === 'image' && !images[imagesBefore].caption) {
          const after = plain(children.slice(1));
          if (after) images[imagesBefore].caption = after;
          else captionFor = images[imagesBefore];
        } else if (captionFor) {
          const meaningful = children.filter((c) => c.type !== 'softbreak');
          if (meaningful.length >= 3 && meaningful[0].type === 'em_open' && meaningful[meaningful.length - 1].type === 'em_close') {
            captionFor.caption = plain(meaningful);
          }
          captionFor = null;
        }
        break;
      }
      case 'html_block':
        readHtmlInto(builder, source, cursor, blockEnd, images, linkTargets);
        cursor = blockEnd;
        builder.separator();
        break;
      case 'fence':
      case 'code_block':
        if (nextTag < tags.length) nextTag = emitTemplateTags(tags, nextTag, blockEnd, builder, original, images, true);
        cursor = blockEnd;
        break;
      default:
        if (KIND_OF[token.type]) kind = KIND_OF[token.type];
        break;
    }
  }
  emitTemplateTags(tags, nextTag, original.length, builder, original, images);
  // `consent: true` in the front matter stands for every image of the post that does not say.
  if (front.data?.consent === true) for (const image of images) image.consent ??= true;
  const prose = builder.build();
  const problems = front.problem ? [front.problem] : [];
  return {
    format: 'markdown',
    source: original,
    prose,
    segments: builder.segments,
    images,
    linkTargets,
    frontMatter: front.data,
    suppressions: findSuppressionComments(source),
    problems,
  };
}
