import { describe, expect, it } from 'vitest';
import { decodeDraft, formatOf, UnreadableDraftError } from '../../src/documents/index.js';
import { parseHtml } from '../../src/documents/html.js';
import { parseText } from '../../src/documents/text.js';
import { sourceSpan } from '../helpers/prose.js';

describe('HTML drafts', () => {
  it('reads text, decodes entities and maps them back', () => {
    const src = '<html><head><title>Week 3 news</title><style>p { color: red }</style></head>\n<body><h1>Fish &amp; chips</h1><p>Caf&eacute; opens\n   at <b>noon</b>.</p><script>var secret = "hidden";</script></body></html>';
    const doc = parseHtml(src);
    expect(sourceSpan(doc, 'Week 3 news').start).toBe(src.indexOf('Week 3 news'));
    expect(sourceSpan(doc, '&').text).toBe('&amp;');
    expect(sourceSpan(doc, 'Café').text).toBe('Caf&eacute;');
    expect(sourceSpan(doc, 'noon').start).toBe(src.indexOf('noon'));
    expect(doc.prose.text).not.toMatch(/color|secret|hidden/);
  });

  it('reads alt text and titles of images with their positions, and figure captions', () => {
    const src = '<figure><img src="/img/a.jpg" title=\'Sports day\' alt="Year 5 relay &amp; race"><figcaption>Well done <em>all</em></figcaption></figure>';
    const doc = parseHtml(src);
    expect(doc.images).toHaveLength(1);
    const [image] = doc.images;
    expect(src.slice(image.start, image.end)).toBe('<img src="/img/a.jpg" title=\'Sports day\' alt="Year 5 relay &amp; race">');
    expect(image).toMatchObject({ src: '/img/a.jpg', alt: 'Year 5 relay & race', title: 'Sports day', caption: 'Well done all' });
    expect(sourceSpan(doc, 'relay & race').text).toBe('relay &amp; race');
    expect(sourceSpan(doc, 'Sports day').start).toBe(src.indexOf('Sports day'));
    expect(doc.segments.find((s) => s.kind === 'caption')).toBeDefined();
  });

  it('keeps blocks apart and leaves out comments and code', () => {
    const src = '<p>First</p><p>Second</p><!-- hidden note --><pre><code>code here</code></pre><td>Cell</td>';
    const doc = parseHtml(src);
    expect(doc.prose.text).toMatch(/First\s+Second/);
    expect(doc.prose.text).not.toMatch(/FirstSecond|hidden note|code here/);
    expect(sourceSpan(doc, 'Cell').start).toBe(src.indexOf('Cell'));
  });

  it('finds suppression comments in HTML', () => {
    const doc = parseHtml('<!-- safepost-disable exam-results, budget-problems --><p>x</p><!-- safepost-enable -->');
    expect(doc.suppressions.map((s) => [s.kind, s.targets])).toEqual([
      ['disable', ['exam-results', 'budget-problems']],
      ['enable', []],
    ]);
  });
});

describe('plain-text drafts', () => {
  it('is read as it is, with a BOM kept out of the text but in the offsets', () => {
    const src = '\uFEFFHello\r\nthere';
    const doc = parseText(src);
    expect(doc.prose.text).toBe('Hello\r\nthere');
    expect(sourceSpan(doc, 'there')).toEqual({ start: 8, end: 13, text: 'there' });
  });
});

describe('reading a draft file', () => {
  it('picks the format from the extension', () => {
    expect(formatOf('a/b.MD')).toBe('markdown');
    expect(formatOf('x.htm')).toBe('html');
    expect(formatOf('x.txt')).toBe('text');
    expect(formatOf('x.unknown')).toBe('text');
  });

  it('refuses binary, non-UTF-8 and oversized files with advice', () => {
    expect(() => decodeDraft(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toThrow(/binary/);
    expect(() => decodeDraft(Buffer.from([0x63, 0x61, 0x66, 0xe9]))).toThrow(/not UTF-8.*save it as UTF-8/);
    expect(() => decodeDraft(Buffer.alloc(10 * 1024 * 1024 + 1, 0x61))).toThrow(UnreadableDraftError);
    expect(decodeDraft(Buffer.from('\uFEFFhi'))).toBe('\uFEFFhi');
  });
});

describe('images in HTML', () => {
  it('reads an image inside <picture> and one with only a srcset', () => {
    const src = '<picture><source srcset="a.webp"><img src="a.jpg" alt="Year 2 at the farm"></picture><img srcset="b-small.jpg 1x, b.jpg 2x" alt="The hall">';
    const doc = parseHtml(src);
    expect(doc.images.map((i) => [i.src, i.alt])).toEqual([
      ['a.jpg', 'Year 2 at the farm'],
      ['b-small.jpg', 'The hall'],
    ]);
  });

  it("reads a table's row as one line, its cells apart, and each row on its own", () => {
    const src = '<table>\n<tr><th>Time</th><th>Where</th></tr>\n<tr>\n  <td>10.00</td>\n  <td>Jewry Wall Museum</td>\n</tr>\n</table>';
    const doc = parseHtml(src);
    expect(doc.prose.text.replace(/\s+/g, ' ').trim()).toBe('Time | Where 10.00 | Jewry Wall Museum');
    expect(doc.prose.text).toMatch(/Where\s*\n\n\s*10\.00/);
    expect(sourceSpan(doc, 'Jewry Wall Museum').start).toBe(src.indexOf('Jewry'));
  });
});

describe('HTML pages with front matter, as static sites write them', () => {
  it("reads the front matter as a Markdown draft's: its title is text, its other keys are not, its channel counts", () => {
    const source = '---\nlayout: post\ntitle: Movie Night\ndate: 2017-10-13 18:00:00 -0400\nchannel: parent\n---\n<p>Come along at 6pm.</p>\n';
    const doc = parseHtml(source);
    expect(doc.prose.text).toContain('Movie Night');
    expect(doc.prose.text).toContain('Come along at 6pm.');
    expect(doc.prose.text).not.toContain('2017');
    expect(doc.prose.text).not.toContain('layout');
    expect(doc.frontMatter).toMatchObject({ channel: 'parent', title: 'Movie Night' });
    expect(sourceSpan(doc, 'Come along').text).toBe('Come along');
  });

  it('a page without front matter is read whole', () => {
    const doc = parseHtml('<p>--- not front matter</p>');
    expect(doc.prose.text).toContain('--- not front matter');
    expect(doc.frontMatter).toBeNull();
  });
});
