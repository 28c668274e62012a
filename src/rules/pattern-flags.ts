/**
 * Flags for a rule's regular expressions. The Unicode flag is used only when a pattern needs
 * it (\p{…} classes, \u{…} escapes, characters outside the BMP): with it, case-insensitive
 * matching in V8 is some twenty times slower.
 */
export function patternFlags(patterns: string[], caseSensitive: boolean): string {
  const unicode = patterns.some((p) => /\\[pP]\{|\\u\{|[\uD800-\uDFFF]/.test(p));
  return `${caseSensitive ? '' : 'i'}${unicode ? 'u' : ''}`;
}
