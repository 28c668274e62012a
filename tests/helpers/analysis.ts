import { expect } from 'vitest';
import type { Analysis } from '../../src/language/index.js';

/** Every token is the text at its offsets, in order and apart; every range points at its tokens. */
export function expectExact(a: Analysis): void {
  let previousEnd = 0;
  for (const t of a.tokens) {
    expect(a.text.slice(t.start, t.end)).toBe(t.text);
    expect(t.start).toBeGreaterThanOrEqual(previousEnd);
    expect(t.end).toBeGreaterThan(t.start);
    previousEnd = t.end;
  }
  for (const range of [...a.entities, ...a.sentences, ...a.clauses]) {
    expect(range.start).toBe(a.tokens[range.first].start);
    expect(range.end).toBe(a.tokens[range.last - 1].end);
  }
}
