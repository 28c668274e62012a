import fc from 'fast-check';

/**
 * Random drafts for the fuzz test: Markdown, HTML and plain text made of ordinary words, pupils'
 * names from `fixtures/pupils.csv`, contact details, entities, markup of every kind, awkward
 * unicode and every style of line ending.
 */

const WORDS = [
  'the', 'a', 'and', 'we', 'had', 'lovely', 'day', 'class', 'sports', 'Year', '5', 'trip', 'to', 'with', 'for',
  'Well', 'done', 'thanks', 'Fair', 'Hall', 'May', 'Grace', 'Hill', 'school', 'office', 'call', 'email', 'on',
  'at', 'our', 'pupils', 'photo', 'Mrs', 'Mr', 'Ms', 'Dr', 'St', 'Road', 'Lane', 'hello,', 'it’s', "it's",
  'great!', 'yes.', '(see', 'below)', '—', '-', '...', '"quoted"', '12', '3pm', 'Reading', 'Smithy',
];

const NAMES = [
  'Jack Smith', 'Maryam Bashir', 'Alfie Sutton', 'Eva-Grace Whitaker', "Zoë O'Connor", 'Mia Parker', 'Oliver Reid',
  'Jack', 'Maryam', 'Amir', 'Katie Lomax', "Jack Smith's", 'J. Smith', 'SMITH Jack', 'jack smith',
  'Jack Smith (Year 6)', 'Katie, 9,', 'Amir Hussain in Year 4', 'Zoe\u0308 O’Connor', 'Jack  Smith',
];

const PHONES = [
  '07700 900123', '07700900456', '+44 7700 900789', '+44 (0)7700 900321', '0116 496 0000', '(0116) 496 0123',
  '0116-496-0456', '07700 900 654', '020 7946 0018',
];

const EMAILS = [
  'jack.smith@gmail.com', 'mum@example.co.uk', 'office@brookfield-academy.org.uk', 'j.s+school@outlook.com',
  'mailto:dad@example.com',
];

const POSTCODES = ['LE7 7AB', 'le1 5ww', 'B1 1AA', 'SW1A 1AA', 'LE77AB', '12 Acacia Avenue, Leicester LE2 3AB'];

const ENTITIES = ['&amp;', '&nbsp;', '&#39;', '&#x1F600;', '&eacute;', '&lt;', '&gt;', '&amp', '&bogus;', '&#0;', '&quot;', '&#8217;'];

const UNICODE = [
  'e\u0301', 'Zoë', 'Zoe\u0308', '🎉', '👍🏽', '👩‍👩‍👧', 'שלום', 'مرحبا', '\u200b', '\u200d', '\u200e', '\u202e',
  '\u2028', '\u00a0', 'ﬁ', 'İstanbul', 'straße', 'ǅ', '\uFEFF', '𝒥𝒶𝒸𝓀', 'Ⅻ', '\u0301',
];

const TEMPLATE_TAGS = [
  '{{< figure src="img/jack-smith.jpg" alt="Jack Smith" >}}', '{% include image.html file="a.jpg" caption="Maryam Bashir" %}',
  '{{ page.title }}', '{% image "img/b.jpg", "Alfie Sutton" %}',
];

export const LINE_ENDINGS = ['\n', '\r\n', '\r', '\r\r\n'];

const pick = (list: readonly string[]) => fc.constantFrom(...list);
const fileWord = pick(['sports-day', 'jack-smith', 'IMG_0001', 'maryam_bashir', 'a b', 'trip%20photo']);

/** One word-like thing of prose. */
const atom: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: pick(WORDS), weight: 8 },
  { arbitrary: pick(NAMES), weight: 3 },
  { arbitrary: pick(PHONES), weight: 1 },
  { arbitrary: pick(EMAILS), weight: 1 },
  { arbitrary: pick(POSTCODES), weight: 1 },
  { arbitrary: pick(ENTITIES), weight: 1 },
  { arbitrary: pick(UNICODE), weight: 2 },
);

/** Atoms with spaces between them, or now and then none. */
const phrase = (min = 1, max = 6) =>
  fc.array(fc.tuple(atom, pick([' ', ' ', ' ', '', '  ', '\t'])), { minLength: min, maxLength: max }).map((parts) =>
    parts.map(([a, gap], i) => (i === parts.length - 1 ? a : a + gap)).join(''),
  );

// ---- Markdown ----

const mdInline: fc.Arbitrary<string> = fc.letrec<{ inline: string }>((tie) => ({
  inline: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: phrase(), weight: 6 },
    fc.tuple(pick(['*', '_', '**', '__', '~~', '***']), tie('inline')).map(([m, x]) => `${m}${x}${m}`),
    fc.tuple(pick(['*', '_']), tie('inline')).map(([m, x]) => `${m}${x}`),
    fc.tuple(tie('inline'), fileWord, fc.option(phrase(1, 3))).map(([x, f, t]) => `[${x}](https://example.org/${f}${t ? ` "${t}"` : ''})`),
    fc.tuple(tie('inline'), pick(['1', 'label'])).map(([x, l]) => `[${x}][${l}]`),
    fc.tuple(phrase(0, 3), fileWord, fc.option(phrase(1, 3))).map(([x, f, t]) => `![${x}](img/${f}.jpg${t ? ` "${t}"` : ''})`),
    fc.tuple(pick(['`', '``']), phrase(1, 3), fc.boolean()).map(([m, x, nl]) => `${m}${nl ? x.replace(' ', '\n') : x}${m}`),
    pick([
      '<https://example.org/a>', '<jack.smith@gmail.com>', '<https://example.org/trip%20photo>', '<mailto:Jack.Smith@example.com>',
      '<https://xn--caf-dma.example/Jack%20Smith>', '<br>', '\\*', '\\_', '\\', '\\&amp;', '<!-- note -->', '\\\n', '  \n',
      '**Jack** Smith', 'Jack *Smith*', 'Jack&nbsp;Smith', 'Jack\\ Smith', '[Jack Smith]', '[Jack](Smith)', 'Jack\nSmith', '&#74;ack Smith',
    ]),
    fc.tuple(pick(['span', 'b', 'em', 'a href="x"']), tie('inline')).map(([t, x]) => `<${t}>${x}</${t.split(' ')[0]}>`),
    fc.tuple(phrase(1, 2), fc.boolean()).map(([x, nl]) => `<img src="img/a.jpg"${nl ? '\n' : ' '}alt="${x.replace(/"/g, '')}">`),
    { arbitrary: pick(TEMPLATE_TAGS), weight: 1 },
  ),
})).inline;

const mdLine = fc.array(mdInline, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '));

const mdBlock: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.array(mdLine, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')), weight: 6 },
  fc.tuple(fc.integer({ min: 1, max: 7 }), mdLine).map(([n, l]) => `${'#'.repeat(n)} ${l}`),
  fc.tuple(mdLine, pick(['===', '---'])).map(([l, u]) => `${l}\n${u}`),
  fc
    .array(fc.tuple(pick(['- ', '* ', '+ ', '1. ', '2) ', '  - ', '    - ', '- [ ] ', '-\t', '1.\t', '\t- ', '-   ', '   ', '']), mdLine), { minLength: 1, maxLength: 4 })
    .map((items) => items.map(([m, l]) => m + l).join('\n')),
  fc.array(fc.tuple(pick(['> ', '>', '> > ', '', '>\t', '> - ', '>     ', '> # ']), mdLine), { minLength: 1, maxLength: 3 }).map((ls) => ls.map(([m, l]) => m + l).join('\n')),
  fc
    .array(fc.tuple(phrase(1, 3), phrase(1, 3)), { minLength: 1, maxLength: 3 })
    .map((rows) => ['| a | b |', '| --- | :-: |', ...rows.map(([x, y]) => `| ${x} | ${y} |`)].join('\n')),
  fc.tuple(pick(['```', '~~~', '```js', '````']), fc.array(phrase(), { maxLength: 3 }), fc.boolean()).map(([f, ls, closed]) =>
    [f, ...ls, ...(closed ? [f.replace(/[a-z]+$/, '')] : [])].join('\n'),
  ),
  fc.array(phrase(), { minLength: 1, maxLength: 2 }).map((ls) => ls.map((l) => `    ${l}`).join('\n')),
  fc.array(phrase(), { minLength: 1, maxLength: 2 }).map((ls) => ls.map((l) => `\t${l}`).join('\n')),
  fc.tuple(phrase(0, 2), phrase(1, 2), fileWord).map(([alt, t, f]) => `[![${alt}](img/${f}.jpg)](https://example.org/${f}) *${t}*`),
  fc.tuple(phrase(1, 2), phrase(1, 2)).map(([a, b]) => `<pre>\n${a}\n\n${b}\n</pre>`),
  fc.tuple(phrase(1, 2), phrase(1, 2)).map(([a, b]) => `| \`a|b\` | ${a} \\| ${b} |\n|---|---|\n| ${b} | ${a}`),
  fc.tuple(pick(['div', 'p', 'section', 'table']), fc.array(phrase(), { minLength: 1, maxLength: 2 })).map(([t, ls]) => `<${t}>\n${ls.join('\n')}\n</${t}>`),
  fc.tuple(pick(['<!-- ', '<!-- safepost-disable-next-line -->\n', '<!-- safepost-disable -->\n', '<script>\n', '<style>\n']), phrase()).map(
    ([open, l]) => (open.startsWith('<!-- safepost') ? open + l : open === '<!-- ' ? `<!-- ${l} -->` : `${open}${l}\n</${open.slice(1, -2)}>`),
  ),
  pick(['---', '***', '<!-- safepost-enable -->', '[1]: https://example.org', '[label]: <https://example.org> "Jack Smith"', '']),
);

const yamlLine: fc.Arbitrary<string> = fc.oneof(
  phrase(1, 4).map((p) => `title: ${p}`),
  pick([
    'title: *Sports*', 'title: &a Sports', 'title: "Jack Smith wins"', "title: 'Maryam Bashir''s day'", 'title: "Caf\\u00e9 \\"news\\""',
    'description: >\n  Well done\n  Jack Smith', 'summary: |\n  Jack Smith\n  07700 900123', 'channel: pupil', 'channel: parent',
    'channel: staff-personal', 'channel: nobody', 'consent: true', 'tags: [a, b', 'tags: [sports, "Jack Smith"]',
    'images:\n  - src: img/jack-smith.jpg\n    alt: Jack Smith on the track\n    consent: true\n    shows: [pupils]',
    'image: img/maryam_bashir.jpg', 'cover: "img/a b.jpg"', 'caption: Alfie Sutton, 07700 900456', 'title:', '- a list', 'key: value: other',
    '\ttitle: tab', 'title: Jack Smith # a comment', 'title: Well done\n  Jack Smith', 'title: "Well done\\\n  Jack Smith"',
    'title: "Jack\\x20Smith \\U0001F389"', 'title: "\\tJack Smith\\n"', 'title: !!str Jack Smith', 'title: >-\n  Jack\n\n  Smith', 'approved-by: Mrs J. Hollis', 'approved-on: 2025-07-08',
  ]),
);

const frontMatter = fc
  .tuple(fc.array(yamlLine, { maxLength: 4 }), pick(['---', '---', '...', '--- ', '']))
  .map(([lines, close]) => ['---', ...lines, ...(close ? [close] : [])].join('\n'));

export const markdownDraft: fc.Arbitrary<string> = fc
  .tuple(fc.option(frontMatter, { freq: 3 }), fc.array(fc.tuple(mdBlock, pick(['\n\n', '\n', '\n\n\n'])), { minLength: 1, maxLength: 6 }))
  .map(([front, blocks]) => (front === null ? '' : `${front}\n`) + blocks.map(([b, gap]) => b + gap).join(''));

// ---- HTML ----

const attrValue = fc.oneof(phrase(1, 3), phrase(1, 3).map((p) => p.replace(' ', '\n')));
const htmlNode: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: phrase(), weight: 5 },
    fc
      .tuple(pick(['p', 'div', 'span', 'em', 'b', 'i', 'h1', 'h2', 'li', 'td', 'figcaption', 'blockquote', 'a href="mailto:x@example.com"', 'P']), fc.array(tie('node'), { maxLength: 3 }))
      .map(([t, kids]) => `<${t}>${kids.join('')}</${t.split(' ')[0]}>`),
    fc.tuple(pick(['p', 'li', 'b', 'div']), tie('node')).map(([t, x]) => `<${t}>${x}`),
    fc.tuple(fileWord, attrValue, fc.option(attrValue), pick(['"', "'"])).map(
      ([f, alt, title, q]) => `<img src=${q}img/${f}.jpg${q} alt=${q}${alt.replaceAll(q, '')}${q}${title ? ` title="${title.replaceAll('"', '')}"` : ''}>`,
    ),
    fc.tuple(tie('node'), tie('node')).map(([a, b]) => `<figure>${a}<figcaption>${b}</figcaption></figure>`),
    fc.tuple(pick(['script', 'style', 'noscript', 'textarea', 'pre', 'code']), phrase()).map(([t, x]) => `<${t}>${x}</${t}>`),
    phrase().map((x) => `<!-- ${x} -->`),
    phrase().map((x) => `<!-- safepost-disable-next-line -->\n${x}`),
    fc.tuple(tie('node'), tie('node')).map(([a, b]) => `<b><i>${a}</b>${b}</i>`),
    pick([
      '<br>', '<br/>', '</p>', '<hr>', '<![CDATA[ Jack Smith ]]>', '<p', '< p>', '<!DOCTYPE html>', '<?xml version="1.0"?>', '</>',
      '<img alt=Jack&#32;Smith src=a.jpg>', '<img alt="a > b Jack Smith" src="x.jpg">', '<img src=x.jpg alt="Jack Smith" alt="Maryam Bashir">',
      '<IMG SRC="img/jack-smith.jpg" ALT=\'Jack Smith\'>', '<img\n  alt="Maryam\nBashir"\n  src="a.jpg"\n>', '<img srcset="a.jpg 1x, b.jpg 2x" alt="Mia Parker">',
      '<p title="Jack Smith">x</p>', '<a href="tel:07700900123">07700 900123</a>', 'Jack<b>Smith</b>', 'Jack <b>Smith</b>', 'Jack&nbsp;Smith',
    ]),
    { arbitrary: pick(TEMPLATE_TAGS), weight: 1 },
  ),
})).node;

export const htmlDraft: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(htmlNode, pick(['\n', '', '\n\n', ' '])), { minLength: 1, maxLength: 6 }))
  .map(([page, nodes]) => {
    const body = nodes.map(([n, gap]) => n + gap).join('');
    return page ? `<!DOCTYPE html>\n<html>\n<head><title>News</title></head>\n<body>\n${body}\n</body>\n</html>\n` : body;
  });

// ---- Plain text ----

export const textDraft: fc.Arbitrary<string> = fc
  .array(fc.oneof({ arbitrary: phrase(0, 8), weight: 5 }, mdInline, htmlNode), { minLength: 1, maxLength: 8 })
  .map((lines) => lines.join('\n'));

/** How a draft ends its lines: one style throughout, or a mixture in turn. */
export const lineEndings: fc.Arbitrary<string[]> = fc.oneof(
  pick(LINE_ENDINGS).map((e) => [e]),
  fc.array(pick(LINE_ENDINGS), { minLength: 2, maxLength: 5 }),
);

/** Writes each LF of a draft as the next of the given line endings. */
export function withLineEndings(draft: string, endings: string[]): string {
  let i = 0;
  return draft.replace(/\n/g, () => endings[i++ % endings.length]);
}

const bodyOf = (format: 'md' | 'html' | 'txt') => (format === 'md' ? markdownDraft : format === 'html' ? htmlDraft : textDraft);

/** A draft of the format with LF line endings, now and then a BOM. */
export function lfDraftOf(format: 'md' | 'html' | 'txt'): fc.Arbitrary<string> {
  return fc.tuple(bodyOf(format), fc.integer({ min: 0, max: 9 })).map(([draft, bom]) => (bom === 0 ? '\uFEFF' : '') + draft);
}

/** A draft of the format, its line endings applied, and now and then a BOM. */
export function draftOf(format: 'md' | 'html' | 'txt'): fc.Arbitrary<string> {
  const body = bodyOf(format);
  return fc
    .tuple(body, lineEndings, fc.boolean(), fc.integer({ min: 0, max: 9 }))
    .map(([draft, endings, finalBreak, bom]) => (bom === 0 ? '\uFEFF' : '') + withLineEndings(finalBreak ? `${draft}\n` : draft, endings));
}
