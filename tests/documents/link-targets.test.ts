import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/documents/read.js';
import { checkDocument } from '../../src/engine/check-document.js';
import { compileRules } from '../../src/engine/compile.js';
import { loadRules } from '../../src/rules/load.js';
import { EXAMPLE_ORGANISATION } from '../helpers/organisation.js';

const rules = compileRules(loadRules().filter((r) => r.category === 'contact-details'));

/** Each contact finding as the source text it covers. */
function found(source: string, format: 'markdown' | 'html'): string[] {
  const doc = parseDocument(source, format);
  return checkDocument(doc, rules, { channel: 'parent' }, { official: EXAMPLE_ORGANISATION }).map((f) => {
    const lines = source.split('\n');
    const offset = (line: number, column: number) => lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
    return source.slice(offset(f.line, f.column), offset(f.endLine, f.endColumn));
  });
}

describe('contact details in link targets', () => {
  it('puts a mailto or tel target in the reader text after the link\'s words', () => {
    const doc = parseDocument('Ask [me](mailto:jo.b@gmail.com?subject=Hi) or [ring](tel:+447700900184).\n', 'markdown');
    expect(doc.prose.text.trim()).toBe('Ask me (jo.b@gmail.com) or ring (+447700900184).');
    expect(doc.linkTargets).toEqual([
      { start: 9, end: 41 },
      { start: 53, end: 70 },
    ]);
    const at = doc.prose.text.indexOf('jo.b');
    expect(doc.prose.toSource(at, at + 'jo.b@gmail.com'.length)).toEqual({ start: 16, end: 30 });
  });

  it('leaves web links as they were', () => {
    const doc = parseDocument('See [the news](https://example.org/news) and <a href="/about">us</a>.\n', 'markdown');
    expect(doc.prose.text.trim()).toBe('See the news and us.');
    expect(doc.linkTargets).toEqual([]);
  });

  it('reports an address in a target where it is written, in Markdown, inline HTML and HTML', () => {
    expect(found('Questions? [email me](mailto:jo.bloggs@gmail.com) any time.\n', 'markdown')).toEqual(['jo.bloggs@gmail.com']);
    expect(found('Or <a href="mailto:sam.k@hotmail.co.uk">write to Sam</a> today.\n', 'markdown')).toEqual(['sam.k@hotmail.co.uk']);
    expect(found('<p>Email <a href="mailto:jo.b&#64;gmail.com">Jo</a> or <a href="tel:07700900461">text</a>.</p>\n', 'html')).toEqual([
      'jo.b&#64;gmail.com',
      '07700900461',
    ]);
  });

  it('puts a social network\'s profile or invite link in the text, and finds it there', () => {
    expect(found('Follow [my insta](https://instagram.com/jade.h07) for clips.\n', 'markdown')).toEqual(['https://instagram.com/jade.h07']);
    expect(found('<p>Join <a href="https://chat.whatsapp.com/Ab12Cd34">the chat</a>.</p>\n', 'html')).toEqual(['https://chat.whatsapp.com/Ab12Cd34']);
    expect(found('Like [our page](https://facebook.com/BrookfieldAcad).\n', 'markdown')).toEqual([]);
  });

  it('keeps the organisation\'s own addresses silent in targets too', () => {
    expect(found('[Email the office](mailto:office@brookfield-academy.org.uk)\n', 'markdown')).toEqual([]);
  });
});
