import type { SourceTextBuilder } from './source-text.js';

/**
 * Adds an image's file name to the reader text, as the pupil-name rules must see names in it
 * (`img/jack-smith-y6.jpg`). Only the last part of the path, without its extension; `from` and
 * `to` bound the src as written in the source.
 */
export function addImageFileName(builder: SourceTextBuilder, source: string, from: number, to: number): void {
  let src = source.slice(from, to);
  let start = from;
  const query = src.search(/[?#]/);
  if (query >= 0) src = src.slice(0, query);
  const slash = Math.max(src.lastIndexOf('/'), src.lastIndexOf('\\'));
  if (slash >= 0) {
    start += slash + 1;
    src = src.slice(slash + 1);
  }
  const dot = src.lastIndexOf('.');
  const name = dot > 0 ? src.slice(0, dot) : src;
  if (!/[\p{L}]/u.test(name)) return;
  builder.separator();
  builder.beginSegment('image-src');
  builder.verbatim(name, start);
  builder.endSegment();
  builder.separator();
}
