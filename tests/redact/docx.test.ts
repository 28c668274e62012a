import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/documents/docx.js';
import { paragraphEditsOf, redactDocx, type ParagraphEdits } from '../../src/redact/docx.js';
import type { Edit } from '../../src/redact/plan.js';
import { makeDocx } from '../helpers/docx.js';
import { makePhoto } from '../helpers/photos.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const t = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const bold = (text: string) => `<w:r><w:rPr><w:b/></w:rPr><w:t>${text}</w:t></w:r>`;

/** A Word file from the XML of its body (and of a header, and comments, when given). */
async function docx(body: string, more: { header?: string; comments?: string; rels?: string } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  const overrides = [
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
    more.comments ? '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>' : '',
  ];
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="jpeg" ContentType="image/jpeg"/>${overrides.join('')}</Types>`,
  );
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`);
  const rels = [more.comments ? `<Relationship Id="rIdC" Type="${R}/comments" Target="comments.xml"/>` : '', more.rels ?? ''];
  zip.file('word/_rels/document.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}">${rels.join('')}</Relationships>`);
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}</w:body></w:document>`);
  if (more.header) zip.file('word/header1.xml', `<?xml version="1.0" encoding="UTF-8"?><w:hdr xmlns:w="${W}">${more.header}</w:hdr>`);
  if (more.comments) zip.file('word/comments.xml', `<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="${W}">${more.comments}</w:comments>`);
  return zip.generateAsync({ type: 'uint8array' });
}

const partOf = async (bytes: Uint8Array, name: string) => (await JSZip.loadAsync(bytes)).file(name)?.async('string');
const textOf = async (bytes: Uint8Array) => (await readDocx(bytes)).doc.source;
const edit = (start: number, end: number, replacement: string): Edit => ({ start, end, replacement, ruleId: 'test', action: 'test' });

/** Edits planned on the draft's text as safepost reads it, made in the file. */
async function redact(bytes: Uint8Array, edits: Edit[]) {
  const { doc } = await readDocx(bytes);
  return redactDocx(bytes, paragraphEditsOf(doc, edits));
}

describe('redacting a Word file into a Word file', () => {
  it('changes a name split across runs inside the runs, keeping the first run\'s formatting and dropping the emptied one', async () => {
    const bytes = await docx(`<w:p>${t('Well done to ')}${bold('Jack')}${t(' ')}${bold('Smith')}${t('!')}</w:p>`);
    expect(await textOf(bytes)).toBe('Well done to Jack Smith!');
    const out = await redact(bytes, [edit(13, 23, 'Jack')]);
    expect(await textOf(out.bytes)).toBe('Well done to Jack!');
    const xml = await partOf(out.bytes, 'word/document.xml');
    expect(xml).toContain('<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Jack</w:t></w:r>');
    expect(xml).not.toContain('Smith');
    expect(xml!.match(/<w:r>/g)).toHaveLength(3);
    expect(out.unplaced).toEqual([]);
  });

  it('counts a picture as one character in offsets, as the check does', async () => {
    const bytes = await makeDocx([{ image: makePhoto(), text: ' Amir Hussain wins' }]);
    const { doc } = await readDocx(bytes);
    expect(doc.source).toBe('\uFFFC Amir Hussain wins');
    const out = await redactDocx(bytes, paragraphEditsOf(doc, [edit(2, 14, 'Amir')]));
    expect(await partOf(out.bytes, 'word/document.xml')).toContain('> Amir wins<');
  });

  it('accepts tracked changes as Word does: deletions, moves, deleted rows and paragraph marks go; insertions stay as plain text', async () => {
    const body = [
      `<w:p>${t('Call the office.')}<w:del w:id="1" w:author="A"><w:r><w:delText>Ring 0116 496 0123.</w:delText></w:r></w:del><w:ins w:id="2" w:author="A">${t(' Thanks.')}</w:ins></w:p>`,
      // A deleted paragraph mark: the paragraph runs on into the next.
      `<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="A"/></w:rPr></w:pPr>${t('First half,')}</w:p><w:p>${t(' second half.')}</w:p>`,
      `<w:tbl><w:tr>${'<w:tc><w:p>' + t('Kept row') + '</w:p></w:tc>'}</w:tr><w:tr><w:trPr><w:del w:id="4" w:author="A"/></w:trPr><w:tc><w:p>${t('Deleted row: Jack Smith')}</w:p></w:tc></w:tr></w:tbl>`,
      `<w:p><w:moveFrom w:id="5" w:author="A">${t('Moved away')}</w:moveFrom>${t('Stays')}<w:moveTo w:id="6" w:author="A">${t(' moved here')}</w:moveTo></w:p>`,
      `<w:p><w:r><w:rPr><w:b/><w:rPrChange w:id="7" w:author="A"><w:rPr/></w:rPrChange></w:rPr><w:t>Bold now</w:t></w:r></w:p>`,
    ].join('');
    const bytes = await docx(body);
    const before = await readDocx(bytes);
    expect(before.doc.source.split('\n').slice(0, 5)).toEqual(['Call the office. Thanks.', 'First half, second half.', 'Kept row', 'Stays moved here', 'Bold now']);
    const out = await redactDocx(bytes, []);
    expect(out.changes).toBe(7);
    const xml = (await partOf(out.bytes, 'word/document.xml'))!;
    for (const gone of ['w:del', 'w:ins', 'w:moveFrom', 'w:moveTo', 'w:rPrChange', 'delText', '0116', 'Deleted row', 'Moved away']) expect(xml).not.toContain(gone);
    const after = await readDocx(out.bytes);
    expect(after.doc.source).toBe('Call the office. Thanks.\nFirst half, second half.\nKept row\nStays moved here\nBold now');
    expect(after.doc.asides).toBeUndefined();
    expect(xml).toContain('<w:b/></w:rPr><w:t>Bold now');
  });

  it('makes an edit planned on a merged paragraph in the part it is in', async () => {
    const bytes = await docx(`<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="A"/></w:rPr></w:pPr>${t('Jack Smith')}</w:p><w:p>${t(' won.')}</w:p>`);
    const out = await redact(bytes, [edit(0, 10, 'Jack')]);
    expect(await textOf(out.bytes)).toBe('Jack won.');
  });

  it('takes comments out: their part, its relationship and content type, and their marks in the text', async () => {
    const bytes = await docx(`<w:p><w:commentRangeStart w:id="0"/>${t('Thanks to our helpers.')}<w:commentRangeEnd w:id="0"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r></w:p>`, {
      comments: `<w:comment w:id="0" w:author="Ms Reed"><w:p>${t("Jack Smith's dad rang on 07700 900184")}</w:p></w:comment>`,
    });
    const out = await redactDocx(bytes, []);
    expect(out.comments).toBe(1);
    const zip = await JSZip.loadAsync(out.bytes);
    expect(zip.file('word/comments.xml')).toBeNull();
    expect(await partOf(out.bytes, 'word/_rels/document.xml.rels')).not.toContain('comments');
    expect(await partOf(out.bytes, '[Content_Types].xml')).not.toContain('comments');
    const xml = (await partOf(out.bytes, 'word/document.xml'))!;
    expect(xml).not.toMatch(/comment/i);
    expect(await textOf(out.bytes)).toBe('Thanks to our helpers.');
  });

  it('changes a header\'s paragraph wherever it is repeated, and unwraps a link to a contact detail keeping its words', async () => {
    const bytes = await docx(`<w:p><w:hyperlink r:id="rIdL">${t('Email the coach')}</w:hyperlink></w:p><w:p><w:hyperlink r:id="rIdW">${t('our website')}</w:hyperlink></w:p>`, {
      header: `<w:p>${t('Newsletter by Jack Smith')}</w:p><w:p>${t('Newsletter by Jack Smith')}</w:p>`,
      rels: `<Relationship Id="rIdL" Type="${R}/hyperlink" Target="mailto:coach.dave@gmail.com" TargetMode="External"/><Relationship Id="rIdW" Type="${R}/hyperlink" Target="https://example.org" TargetMode="External"/>`,
    });
    const { doc } = await readDocx(bytes);
    expect(doc.source).toBe('Email the coach\nour website\nNewsletter by Jack Smith\nmailto:coach.dave@gmail.com');
    const out = await redactDocx(bytes, paragraphEditsOf(doc, [edit(42, 52, 'Jack'), edit(60, 80, '(removed)')]));
    expect(await partOf(out.bytes, 'word/header1.xml')).toContain('Newsletter by Jack</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">Newsletter by Jack</w:t>');
    const rels = (await partOf(out.bytes, 'word/_rels/document.xml.rels'))!;
    expect(rels).not.toContain('mailto');
    expect(rels).toContain('https://example.org');
    const xml = (await partOf(out.bytes, 'word/document.xml'))!;
    expect(xml).toContain(`<w:p>${t('Email the coach')}</w:p><w:p><w:hyperlink r:id="rIdW">`);
    expect((await readDocx(out.bytes)).doc.source).toBe('Email the coach\nour website\nNewsletter by Jack');
  });

  it('leaves an edit whose paragraph is not in the file for its writer, and changes nothing else for it', async () => {
    const bytes = await docx(`<w:p>${t('Jack Smith won.')}</w:p>`);
    const lost: ParagraphEdits = { target: { in: 'body', index: 0, text: 'Another paragraph' }, line: 1, edits: [{ start: 0, end: 7, replacement: 'x' }], planned: [] };
    const out = await redactDocx(bytes, [lost]);
    expect(out.unplaced).toEqual([lost]);
    expect(await textOf(out.bytes)).toBe('Jack Smith won.');
  });

  it('cleans the pictures of their metadata in place, keeping their Orientation, and says which it could not', async () => {
    const zip = await JSZip.loadAsync(await docx(`<w:p>${t('Sports day')}</w:p>`));
    const photo = makePhoto({ gps: { latitude: 52.6, longitude: -1.2 }, artist: 'Jack Smith', orientation: 6 });
    zip.file('word/media/image1.jpeg', photo);
    zip.file('word/media/image2.gif', 'GIF89a');
    const out = await redactDocx(await zip.generateAsync({ type: 'uint8array' }), []);
    expect(out.photos).toEqual({ cleaned: 1, notCleaned: [{ name: 'image2.gif', reason: 'only JPEG and PNG photos can be cleaned; export it as JPEG first' }] });
    const clean = await (await JSZip.loadAsync(out.bytes)).file('word/media/image1.jpeg')!.async('nodebuffer');
    expect(clean.includes(Buffer.from('Jack Smith'))).toBe(false);
    const { default: exifr } = await import('exifr');
    expect(await exifr.orientation(clean)).toBe(6);
    expect(await exifr.gps(clean)).toBeUndefined();
  });
});
