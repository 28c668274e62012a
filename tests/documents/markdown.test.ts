import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/documents/markdown.js';
import { LineIndex } from '../../src/text/positions.js';
import { sourceSpan } from '../helpers/prose.js';

describe('Markdown drafts', () => {
  it('maps words in emphasis, links and headings back to the source', () => {
    const src = '# Sports **day** news\n\nWell done to *Year 5* and [our choir](https://example.org/choir "Choir").\n';
    const doc = parseMarkdown(src);
    expect(sourceSpan(doc, 'day')).toEqual({ start: 11, end: 14, text: 'day' });
    expect(sourceSpan(doc, 'Year 5').text).toBe('Year 5');
    expect(sourceSpan(doc, 'Year 5').start).toBe(src.indexOf('Year 5'));
    expect(sourceSpan(doc, 'our choir').start).toBe(src.indexOf('our choir'));
    expect(doc.prose.text).not.toContain('https://example.org');
  });

  it('decodes entities and escapes and maps each to its whole source', () => {
    const src = 'Fish &amp; chips \\*today\\* &eacute;t&#233; caf&#xE9;\n';
    const doc = parseMarkdown(src);
    expect(doc.prose.text).toContain('Fish & chips *today* été café');
    expect(sourceSpan(doc, '&').text).toBe('&amp;');
    expect(sourceSpan(doc, '*today*').text).toBe('\\*today\\*');
    expect(sourceSpan(doc, 'été').text).toBe('&eacute;t&#233;');
    expect(sourceSpan(doc, 'café').text).toBe('caf&#xE9;');
  });

  it('keeps positions exact with CRLF, a BOM, tabs, emoji and accented letters', () => {
    const src = '\uFEFF---\r\ntitle: Zoë’s news\r\n---\r\n\r\nParty 🎉🎉 at\tnoon for Zoë and Chloé.\r\nSecond line here.\r\n';
    const doc = parseMarkdown(src);
    const lines = new LineIndex(src);
    const chloe = sourceSpan(doc, 'Chloé');
    expect(chloe.text).toBe('Chloé');
    expect(lines.position(chloe.start)).toEqual({ line: 5, column: src.split('\n')[4].indexOf('Chloé') + 1 });
    expect(sourceSpan(doc, 'noon').text).toBe('noon');
    const second = sourceSpan(doc, 'Second');
    expect(lines.position(second.start)).toEqual({ line: 6, column: 1 });
    const title = sourceSpan(doc, 'Zoë’s news');
    expect(title.text).toBe('Zoë’s news');
    expect(lines.position(title.start)).toEqual({ line: 2, column: 8 });
  });

  it('reads front matter title, description and declared images, and keeps the channel', () => {
    const src = [
      '---',
      'title: "Sports day"',
      'description: A day of races',
      'channel: parent',
      'images:',
      '  - src: img/race.jpg',
      '    alt: Year 5 relay race',
      '    consent: true',
      '    shows: [pupils, uniform]',
      'cover: img/cover.jpg',
      '---',
      'Body text.',
    ].join('\n');
    const doc = parseMarkdown(src);
    expect(doc.frontMatter?.channel).toBe('parent');
    expect(sourceSpan(doc, 'Sports day').start).toBe(src.indexOf('Sports day'));
    expect(sourceSpan(doc, 'A day of races').text).toBe('A day of races');
    expect(sourceSpan(doc, 'Year 5 relay race').text).toBe('Year 5 relay race');
    expect(doc.images).toHaveLength(2);
    const [race, cover] = doc.images;
    expect(race).toMatchObject({ origin: 'front-matter', src: 'img/race.jpg', consent: true, shows: ['pupils', 'uniform'] });
    expect(src.slice(race.start, race.end)).toBe('img/race.jpg');
    expect(src.slice(cover.start, cover.end)).toBe('img/cover.jpg');
    expect(doc.prose.text).not.toContain('channel');
  });

  it('reports a broken front-matter block and still reads the body', () => {
    const doc = parseMarkdown('---\ntitle: [unclosed\n---\nThe body.\n');
    expect(doc.problems[0].message).toMatch(/front matter is not valid YAML/);
    expect(doc.prose.text).toContain('The body.');
  });

  it('finds images with alt text and titles, and spans the whole image', () => {
    const src = 'Look: ![Year 6 *choir*](img/choir.jpg "Our choir") and <img src="a.jpg" alt="Mia &amp; Tom">\n';
    const doc = parseMarkdown(src);
    expect(doc.images).toHaveLength(2);
    const md = doc.images.find((i) => i.origin === 'markdown')!;
    expect(src.slice(md.start, md.end)).toBe('![Year 6 *choir*](img/choir.jpg "Our choir")');
    expect(md).toMatchObject({ src: 'img/choir.jpg', title: 'Our choir' });
    expect(sourceSpan(doc, 'choir').start).toBe(src.indexOf('choir*'));
    expect(sourceSpan(doc, 'Our choir').start).toBe(src.indexOf('Our choir'));
    const html = doc.images.find((i) => i.origin === 'html')!;
    expect(src.slice(html.start, html.end)).toBe('<img src="a.jpg" alt="Mia &amp; Tom">');
    expect(sourceSpan(doc, 'Mia & Tom').text).toBe('Mia &amp; Tom');
  });

  it('reads list items, block quotes and table cells', () => {
    const src = '- first item\n- second *item*\n\n> quoted\n> words here\n\n| Name | Class |\n|------|-------|\n| Ava  | Oak   |\n';
    const doc = parseMarkdown(src);
    expect(sourceSpan(doc, 'second').start).toBe(src.indexOf('second'));
    expect(sourceSpan(doc, 'words here').start).toBe(src.indexOf('words here'));
    expect(sourceSpan(doc, 'Ava').start).toBe(src.indexOf('Ava'));
    expect(sourceSpan(doc, 'Oak').start).toBe(src.indexOf('Oak'));
    expect(doc.segments.map((s) => s.kind)).toEqual(
      expect.arrayContaining(['list-item', 'quote', 'table-cell']),
    );
  });

  it("reads a table's row as one line, its cells apart, and each row on its own", () => {
    const src = '| Time | Where |\n|---|---|\n| 10.00 | Jewry Wall Museum |\n| 12.00 | Lunch |\n\nAfter.\n';
    const doc = parseMarkdown(src);
    expect(doc.prose.text.trimEnd()).toBe('Time | Where | \n\n10.00 | Jewry Wall Museum | \n\n12.00 | Lunch | \n\nAfter.');
    expect(sourceSpan(doc, 'Jewry Wall Museum').start).toBe(src.indexOf('Jewry'));
  });

  it('leaves out code, HTML comments and reference definitions', () => {
    const src = 'Text `inline code` here.\n\n```\nfenced code\n```\n\n    indented code\n\n<!-- a comment -->\n\n[ref]: https://example.org\n';
    const doc = parseMarkdown(src);
    expect(doc.prose.text).toContain('Text');
    for (const hidden of ['inline code', 'fenced code', 'indented code', 'a comment', 'example.org']) {
      expect(doc.prose.text).not.toContain(hidden);
    }
  });

  it('reads figures with captions in HTML blocks', () => {
    const src = 'Intro.\n\n<figure>\n  <img src="trip.jpg" alt="Year 4 at the museum">\n  <figcaption>Our trip &ndash; great fun</figcaption>\n</figure>\n';
    const doc = parseMarkdown(src);
    expect(doc.images[0]).toMatchObject({ src: 'trip.jpg', caption: 'Our trip – great fun' });
    expect(sourceSpan(doc, 'great fun').start).toBe(src.indexOf('great fun'));
    expect(sourceSpan(doc, '–').text).toBe('&ndash;');
  });

  it('finds safepost-disable comments', () => {
    const doc = parseMarkdown('<!-- safepost-disable-next-line exam-results -->\nSATs results\n');
    expect(doc.suppressions).toEqual([{ kind: 'disable-next-line', targets: ['exam-results'], start: 0, end: 48 }]);
  });
});

describe('images in Markdown', () => {
  it('reads reference images, a caption on the next line or in italics below, and single-image keys', () => {
    const src = [
      '---',
      'cover: img/cover.jpg',
      '---',
      '![Sports day][sports]',
      'Year 5 on the track',
      '',
      '![The choir](img/choir.jpg)',
      '',
      '*Our choir at the town hall*',
      '',
      '[sports]: img/sports.jpg',
    ].join('\n');
    const doc = parseMarkdown(src);
    expect(doc.images.map((i) => [i.origin, i.src, i.caption ?? null, src.slice(i.start, i.end)])).toEqual([
      ['front-matter', 'img/cover.jpg', null, 'img/cover.jpg'],
      ['markdown', 'img/sports.jpg', 'Year 5 on the track', '![Sports day][sports]'],
      ['markdown', 'img/choir.jpg', 'Our choir at the town hall', '![The choir](img/choir.jpg)'],
    ]);
  });
});
