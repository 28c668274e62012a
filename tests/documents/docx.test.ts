import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readDocx, UnreadableDocxError } from '../../src/documents/docx.js';
import { makeDocx } from '../helpers/docx.js';
import { makePhoto } from '../helpers/photos.js';
import { sourceSpan } from '../helpers/prose.js';

describe('Word drafts', () => {
  it('gives one line a paragraph, with tables, lists, links and headings, and the comments after the body', async () => {
    const bytes = await makeDocx([
      { heading: 'Spring term news' },
      { paragraph: 'Well done to everyone in Year 4.', comment: 'Check with Mrs Patel first' },
      { list: 'Bring a coat' },
      { table: [['Name', 'Prize'], ['Jack Smith', 'Reading']] },
      { link: 'our website', href: 'https://example.org' },
    ]);
    const { doc } = await readDocx(bytes);
    expect(doc.source).toBe('Spring term news\nWell done to everyone in Year 4.\nBring a coat\nName\nPrize\nJack Smith\nReading\nour website\nCheck with Mrs Patel first');
    expect(doc.asides).toEqual([{ part: 'comment', startLine: 9, endLine: 9, where: 'in a comment by Editor', advice: 'delete the comment before the file is shared' }]);
    expect(sourceSpan(doc, 'Jack Smith')).toEqual({ start: doc.source.indexOf('Jack Smith'), end: doc.source.indexOf('Jack Smith') + 10, text: 'Jack Smith' });
    const kinds = doc.segments.map((s) => [s.kind, doc.prose.text.slice(s.start, s.end)]);
    expect(kinds).toEqual([
      ['heading', 'Spring term news'],
      ['paragraph', 'Well done to everyone in Year 4.'],
      ['list-item', 'Bring a coat'],
      ['table-cell', 'Name'],
      ['table-cell', 'Prize'],
      ['table-cell', 'Jack Smith'],
      ['table-cell', 'Reading'],
      ['paragraph', 'our website'],
      ['paragraph', 'Check with Mrs Patel first'],
    ]);
  });

  it('says where each paragraph of a table stands: its table, row and cell, with merged cells and a header row', async () => {
    const { doc } = await readDocx(
      await makeDocx([
        { paragraph: 'Results' },
        { table: [['Stall', 'Raised'], ['Cakes\nand biscuits', '£310'], ['Total']], headerRow: true, spans: { Total: 2 } },
        { paragraph: 'Between' },
        { table: [['Class', 'Prize']] },
      ]),
    );
    expect(doc.source).toBe('Results\nStall\nRaised\nCakes\nand biscuits\n£310\nTotal\nBetween\nClass\nPrize');
    const place = (table: number, row: number, cell: number, more: { colSpan?: number; header?: boolean } = {}) => ({ table, row, cell, colSpan: 1, rowSpan: 1, header: false, ...more });
    expect(doc.tableCells).toEqual([
      undefined,
      undefined,
      place(0, 0, 0, { header: true }),
      place(0, 0, 1, { header: true }),
      // Two paragraphs of one cell.
      place(0, 1, 0),
      place(0, 1, 0),
      place(0, 1, 1),
      place(0, 2, 0, { colSpan: 2 }),
      undefined,
      place(1, 0, 0),
      place(1, 0, 1),
    ]);
    // The text and its kinds are as before: a table cell's paragraphs are table cells.
    expect(doc.segments.filter((s) => s.kind === 'table-cell')).toHaveLength(8);
  });

  it('has no table places without a table', async () => {
    const { doc } = await readDocx(await makeDocx([{ paragraph: 'Sports day is on Friday.' }]));
    expect(doc.tableCells).toBeUndefined();
  });

  it('reads the deleted text of tracked changes, headers and footers after the body, saying where each is', async () => {
    const bytes = await makeDocx([
      { paragraph: 'Sports day is on Friday.', deleted: 'Ring Jo on 07700 900123.', deletedBy: 'Sam Office' },
      { header: 'Brookfield Academy newsletter' },
      { footer: 'Printed for the Smith family' },
      { paragraph: 'See you there.' },
    ]);
    const { doc } = await readDocx(bytes);
    expect(doc.source).toBe('Sports day is on Friday.\nSee you there.\nRing Jo on 07700 900123.\nBrookfield Academy newsletter\nPrinted for the Smith family');
    expect(doc.asides?.map((a) => [a.startLine, a.endLine, a.where])).toEqual([
      [3, 3, 'in text deleted by Sam Office with Track Changes'],
      [4, 4, 'in the header'],
      [5, 5, 'in the footer'],
    ]);
  });

  it("reads the addresses of links that write or ring someone after the body, once each, and no web address", async () => {
    const { doc } = await readDocx(
      await makeDocx([
        { link: 'Email the coach', href: 'mailto:coach.dave@gmail.com' },
        { link: 'or ring', href: 'tel:07700900184' },
        { link: 'our website', href: 'https://example.org/jack-smith' },
        { link: 'Email him again', href: 'mailto:coach.dave@gmail.com' },
      ]),
    );
    expect(doc.source).toBe('Email the coach\nor ring\nour website\nEmail him again\nmailto:coach.dave@gmail.com\ntel:07700900184');
    expect(doc.asides).toEqual([{ part: 'link', startLine: 5, endLine: 6, where: "in a link's address", advice: 'remove the link, or point it at the school office' }]);
  });

  it('reads pictures as one character where they stand, with their alt text, caption and bytes', async () => {
    const photo = makePhoto({ gps: { latitude: 52.6, longitude: -1.2 } });
    const { doc, embedded } = await readDocx(
      await makeDocx([{ paragraph: 'Sports day' }, { image: photo, alt: 'Year 6 relay team', text: ' Our winners' }, { caption: 'Amir Hussain crosses the line' }]),
    );
    expect(doc.source).toBe('Sports day\n\uFFFC Our winners\nAmir Hussain crosses the line');
    expect(doc.images).toEqual([{ origin: 'docx', src: '', alt: 'Year 6 relay team', caption: 'Our winners', start: 11, end: 12 }]);
    expect(sourceSpan(doc, 'Year 6 relay team')).toEqual({ start: 11, end: 12, text: '\uFFFC' });
    expect(embedded.get(doc.images[0])).toEqual(photo);
    expect(doc.prose.text).not.toContain('\uFFFC');
  });

  it('takes a caption paragraph under a picture as its caption', async () => {
    const { doc } = await readDocx(await makeDocx([{ image: makePhoto(), alt: 'The hall' }, { caption: 'Our new hall' }]));
    expect(doc.images[0]).toMatchObject({ alt: 'The hall', caption: 'Our new hall' });
  });

  it('says what is wrong with a file that is not a .docx, or is password-protected', async () => {
    await expect(readDocx(Buffer.from('not a zip at all'))).rejects.toThrow(/^is not a Word document \(a \.docx is a zip file, and this is not one\)/);
    await expect(readDocx(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).rejects.toThrow(/password-protected or an old Word \.doc/);
  });

  describe('that unzip to far more than a post', () => {
    /** A small Word draft whose document.xml has `filler` before its body's closing tag. */
    async function withFiller(filler: string): Promise<Buffer> {
      const zip = await JSZip.loadAsync(await makeDocx([{ paragraph: 'Well done to Jack Smith.' }]));
      const xml = await zip.file('word/document.xml')!.async('string');
      zip.file('word/document.xml', xml.replace('</w:body>', `${filler}</w:body>`));
      return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } });
    }

    it('are refused with three million empty paragraphs, quickly and in little memory', { timeout: 60_000 }, async () => {
      const bytes = await withFiller('<w:p/>'.repeat(3_000_000));
      expect(bytes.length).toBeLessThan(100_000);
      const error = await readDocx(bytes).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnreadableDocxError);
      expect((error as Error).message).toBe(
        'has more than 500,000 XML elements (paragraphs, runs of text, table cells), far more than a post; split it into shorter drafts',
      );
    });

    it('are refused when the zip holds more than 200 MB', { timeout: 60_000 }, async () => {
      const bytes = await withFiller(' '.repeat(201 * 1024 * 1024));
      expect(bytes.length).toBeLessThan(2_000_000);
      await expect(readDocx(bytes)).rejects.toThrow(
        'unzips to more than 200 MB, far more than a post; check that it is the right file, or save it again with smaller pictures',
      );
    });

    it('are read as before with many paragraphs under the limit', { timeout: 60_000 }, async () => {
      const { doc } = await readDocx(await withFiller('<w:p><w:r><w:t>Hello</w:t></w:r></w:p>'.repeat(20_000)));
      expect(doc.source.split('\n')).toHaveLength(20_001);
      expect(doc.source.startsWith('Well done to Jack Smith.\nHello\n')).toBe(true);
    });
  });
});
