import { describe, expect, it } from 'vitest';
import { shownText, yamlReason } from '../../src/text/shown-text.js';

describe('text a message repeats', () => {
  it('has its escape codes, bidirectional overrides and line breaks written out, and is cut short', () => {
    expect(shownText('Jack\u001b[31m', 20)).toBe('Jack\\u001b[31m');
    expect(shownText('a\u202Eb\nc', 20)).toBe('a\\u202eb\\u000ac');
    expect(shownText('x'.repeat(30), 10)).toBe(`${'x'.repeat(10)}…`);
    expect(shownText('Zoë 😀 Ng', 20)).toBe('Zoë 😀 Ng');
  });

  it("keeps a YAML parser's reason and drops the file's text some reasons end with", () => {
    expect(yamlReason('Unresolved alias (the anchor must be set before the alias): Jack')).toBe('Unresolved alias (the anchor must be set before the alias)');
    expect(yamlReason('Unexpected scalar token in YAML stream: "Jack Smith"')).toBe('Unexpected scalar token in YAML stream');
    expect(yamlReason('Map keys must be unique\n\n  a: 1\n')).toBe('Map keys must be unique');
  });
});
