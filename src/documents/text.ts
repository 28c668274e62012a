import type { Document } from './document.js';
import { SourceTextBuilder } from './source-text.js';

export function parseText(source: string): Document {
  const builder = new SourceTextBuilder();
  const start = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  builder.beginSegment('text');
  builder.verbatim(source.slice(start), start);
  builder.endSegment();
  const prose = builder.build();
  return { format: 'text', source, prose, segments: builder.segments, images: [], linkTargets: [], frontMatter: null, suppressions: [], problems: [] };
}
