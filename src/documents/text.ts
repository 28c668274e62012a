import type { Document } from './document.js';
import { SourceTextBuilder } from './source-text.js';
import { findSuppressionComments } from './suppressions.js';

/**
 * A plain text draft: all of it is prose, but for `<!-- safepost-disable… -->` comments, which
 * plain text has no syntax of its own for: they are read as in Markdown and left out of the check.
 */
export function parseText(source: string): Document {
  const builder = new SourceTextBuilder();
  let at = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const suppressions = findSuppressionComments(source);
  builder.beginSegment('text');
  for (const comment of suppressions) {
    if (comment.start > at) builder.verbatim(source.slice(at, comment.start), at);
    builder.separator(' ');
    at = Math.max(at, comment.end);
  }
  builder.verbatim(source.slice(at), at);
  builder.endSegment();
  const prose = builder.build();
  return { format: 'text', source, prose, segments: builder.segments, images: [], linkTargets: [], frontMatter: null, suppressions, problems: [] };
}
