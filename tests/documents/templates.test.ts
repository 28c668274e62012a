import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/documents/html.js';
import { parseMarkdown } from '../../src/documents/markdown.js';
import { findTemplateTags } from '../../src/documents/templates.js';
import { sourceSpan } from '../helpers/prose.js';

const images = (src: string) => parseMarkdown(src).images.map(({ origin, src: file, alt, caption, title, start, end }) => ({ origin, file, alt, caption, title, tag: src.slice(start, end) }));

describe('site template tags in Markdown drafts', () => {
  it('reads a Hugo figure shortcode as an image with its alt text and caption, at their exact places', () => {
    const src = '# Sports day\n\n{{< figure src="img/jack-smith.jpg" alt="Jack on the track" caption="Jack Smith, Year 6" >}}\n\nWhat a day.\n';
    const doc = parseMarkdown(src);
    expect(images(src)).toEqual([
      {
        origin: 'template',
        file: 'img/jack-smith.jpg',
        alt: 'Jack on the track',
        caption: 'Jack Smith, Year 6',
        title: undefined,
        tag: '{{< figure src="img/jack-smith.jpg" alt="Jack on the track" caption="Jack Smith, Year 6" >}}',
      },
    ]);
    expect(sourceSpan(doc, 'Jack Smith, Year 6')).toEqual({ start: src.indexOf('Jack Smith,'), end: src.indexOf('Jack Smith,') + 18, text: 'Jack Smith, Year 6' });
    expect(sourceSpan(doc, 'jack-smith').start).toBe(src.indexOf('jack-smith'));
    expect(doc.prose.text).not.toMatch(/figure|src=|\{\{|>\}\}/);
    expect(doc.prose.text).toContain('What a day.');
  });

  it('reads Jekyll includes and Eleventy image shortcodes, and single quotes', () => {
    const src = [
      "{% include image.html file='/assets/img/choir.jpg' caption='Amelia-Rose sings' %}",
      '',
      '{% image "./img/team.jpg", "The Year 5 netball team" %}',
      '',
      '{% include figure.html image="/a/b.png" alt="Our mural" %}',
      '',
    ].join('\n');
    expect(images(src).map(({ file, alt, caption }) => ({ file, alt, caption }))).toEqual([
      { file: '/assets/img/choir.jpg', alt: undefined, caption: 'Amelia-Rose sings' },
      { file: './img/team.jpg', alt: 'The Year 5 netball team', caption: undefined },
      { file: '/a/b.png', alt: 'Our mural', caption: undefined },
    ]);
    const doc = parseMarkdown(src);
    expect(sourceSpan(doc, 'The Year 5 netball team').start).toBe(src.indexOf('The Year 5'));
    expect(sourceSpan(doc, 'Amelia-Rose sings').start).toBe(src.indexOf('Amelia-Rose'));
  });

  it('leaves other template tags out of the prose, and keeps the text around them in place', () => {
    const src = 'Welcome to {{ page.title }}, {% if site.term %}{{ site.term }}{% endif %} news {{< youtube abc123 >}} and more.\n\n{{% notice info %}}\nBring a coat.\n{{% /notice %}}\n';
    const doc = parseMarkdown(src);
    expect(doc.prose.text.replace(/\s+/g, ' ').trim()).toBe('Welcome to , news and more. Bring a coat.');
    expect(sourceSpan(doc, 'news').start).toBe(src.indexOf('news'));
    expect(sourceSpan(doc, 'Bring a coat.').start).toBe(src.indexOf('Bring'));
    expect(doc.images).toEqual([]);
  });

  it('keeps Markdown images inside a gallery, and ignores tags in code', () => {
    const src = '{{< gallery >}}\n![Sports day](img/relay.jpg)\n{{< /gallery >}}\n\n```\n{{< figure src="x.jpg" caption="Not prose" >}}\n```\n';
    expect(images(src).map((i) => [i.origin, i.file])).toEqual([['markdown', 'img/relay.jpg']]);
    expect(parseMarkdown(src).prose.text).not.toContain('Not prose');
  });

  it('finds tags across lines and names closing tags', () => {
    const src = '{{< figure\n  src="a.jpg"\n  caption="Two lines" >}}\n{{< /gallery >}}';
    expect(findTemplateTags(src).map((t) => [t.name, t.image?.caption?.value, src.slice(t.start, t.end).length])).toEqual([
      ['figure', 'Two lines', src.indexOf('\n{{< /') ],
      ['/gallery', undefined, '{{< /gallery >}}'.length],
    ]);
  });
});

describe('site template tags in HTML drafts', () => {
  it('masks Liquid in text and attributes, and reads an include as an image', () => {
    const src = '<h1>{{ page.title }}</h1>\n<p>Well done {% if x %}to all{% endif %}!</p>\n<img src="{{ site.baseurl }}/img/relay.jpg" alt="The relay team">\n{% include image.html file="/a/jack-smith.jpg" caption="Jack Smith" %}\n';
    const doc = parseHtml(src);
    expect(doc.prose.text).not.toMatch(/[{}%\uE000]/);
    expect(sourceSpan(doc, 'to all').start).toBe(src.indexOf('to all'));
    expect(sourceSpan(doc, 'Jack Smith').start).toBe(src.indexOf('Jack Smith"'));
    expect(doc.images.map((i) => [i.origin, i.src, i.alt ?? i.caption])).toEqual([
      ['html', '/img/relay.jpg', 'The relay team'],
      ['template', '/a/jack-smith.jpg', 'Jack Smith'],
    ]);
  });
});
