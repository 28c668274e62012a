import type { SuppressionComment } from './document.js';

const DIRECTIVE = /<!--\s*safepost-(disable-next-line|disable-line|disable|enable)\b([^]*?)-->/g;

/** Finds `<!-- safepost-disable… -->` comments in Markdown, HTML or plain text source. */
export function findSuppressionComments(source: string): SuppressionComment[] {
  if (!source.includes('safepost-')) return [];
  const found: SuppressionComment[] = [];
  for (const m of source.matchAll(DIRECTIVE)) {
    const targets = m[2]
      .split(/[\s,]+/)
      .map((t) => t.trim())
      .filter((t) => t.length > 0 && t !== '--');
    found.push({
      kind: m[1] as SuppressionComment['kind'],
      targets,
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return found;
}
