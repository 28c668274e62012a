import JSZip from 'jszip';

// Small Word documents for tests and fixtures, written as Word writes the parts safepost reads.

export type Block =
  | { heading: string }
  | { paragraph: string; comment?: string; commentBy?: string; deleted?: string; deletedBy?: string; inserted?: string }
  /** A paragraph of runs, some bold: words split across runs as Word splits them. */
  | { runs: Array<string | { bold: string }> }
  | { header: string }
  | { footer: string }
  | { caption: string }
  | { list: string }
  | { image: Buffer; alt?: string; text?: string }
  | { table: string[][]; headerRow?: boolean; spans?: Record<string, number> }
  | { link: string; href: string };

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const run = (text: string) => `<w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r>`;
const styled = (style: string, body: string) => `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr>${body}</w:p>`;

// A fixed date, so that the same blocks give the same bytes.
const DATE = new Date('2026-01-01T00:00:00Z');

export async function makeDocx(blocks: Block[]): Promise<Buffer> {
  const zip = new JSZip();
  const rels: string[] = [];
  const comments: string[] = [];
  const parts: Record<string, string> = {};
  const body = blocks.map((block) => {
    if ('header' in block || 'footer' in block) {
      const kind = 'header' in block ? 'header' : 'footer';
      const name = `${kind}${Object.keys(parts).filter((n) => n.startsWith(kind)).length + 1}.xml`;
      parts[name] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:${kind === 'header' ? 'hdr' : 'ftr'} xmlns:w="${W}"><w:p>${run('header' in block ? block.header : block.footer)}</w:p></w:${kind === 'header' ? 'hdr' : 'ftr'}>`;
      rels.push(`<Relationship Id="rId${kind}${name}" Type="${R}/${kind}" Target="${name}"/>`);
      return '';
    }
    if ('heading' in block) return styled('Heading1', run(block.heading));
    if ('caption' in block) return styled('Caption', run(block.caption));
    if ('list' in block) return styled('ListParagraph', run(block.list));
    if ('table' in block) {
      // A cell may hold several paragraphs (split at "\n"), span columns (`spans`, by its text) and
      // the first row be the header Word repeats on each page.
      const cellXml = (cell: string) =>
        `<w:tc>${block.spans?.[cell] ? `<w:tcPr><w:gridSpan w:val="${block.spans[cell]}"/></w:tcPr>` : ''}${cell.split('\n').map((p) => `<w:p>${run(p)}</w:p>`).join('')}</w:tc>`;
      const rows = block.table.map((row, r) => `<w:tr>${r === 0 && block.headerRow ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${row.map(cellXml).join('')}</w:tr>`);
      return `<w:tbl>${rows.join('')}</w:tbl>`;
    }
    if ('link' in block) {
      const id = `rId${100 + rels.length}`;
      rels.push(`<Relationship Id="${id}" Type="${R}/hyperlink" Target="${escape(block.href)}" TargetMode="External"/>`);
      return `<w:p><w:hyperlink r:id="${id}">${run(block.link)}</w:hyperlink></w:p>`;
    }
    if ('image' in block) {
      const n = rels.length + 1;
      const id = `rId${100 + rels.length}`;
      rels.push(`<Relationship Id="${id}" Type="${R}/image" Target="media/image${n}.jpeg"/>`);
      zip.file(`word/media/image${n}.jpeg`, block.image, { date: DATE, createFolders: false });
      const descr = block.alt === undefined ? '' : ` descr="${escape(block.alt)}"`;
      const drawing =
        `<w:r><w:drawing><wp:inline><wp:extent cx="952500" cy="952500"/><wp:docPr id="${n}" name="Picture ${n}"${descr}/>` +
        `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="image${n}.jpeg"/><pic:cNvPicPr/></pic:nvPicPr>` +
        `<pic:blipFill><a:blip r:embed="${id}"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
      return `<w:p>${drawing}${block.text ? run(block.text) : ''}</w:p>`;
    }
    if ('runs' in block) {
      return `<w:p>${block.runs.map((r) => (typeof r === 'string' ? run(r) : `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${escape(r.bold)}</w:t></w:r>`)).join('')}</w:p>`;
    }
    if (block.inserted) {
      return `<w:p>${run(block.paragraph)}<w:ins w:id="8${comments.length}" w:author="Editor" w:date="2026-01-01T00:00:00Z">${run(block.inserted)}</w:ins></w:p>`;
    }
    if (block.deleted) {
      const by = block.deletedBy ? ` w:author="${escape(block.deletedBy)}"` : '';
      return `<w:p>${run(block.paragraph)}<w:del w:id="9${comments.length}"${by} w:date="2026-01-01T00:00:00Z"><w:r><w:delText xml:space="preserve">${escape(block.deleted)}</w:delText></w:r></w:del></w:p>`;
    }
    if (block.comment) {
      const id = comments.length;
      comments.push(`<w:comment w:id="${id}" w:author="${escape(block.commentBy ?? 'Editor')}"><w:p>${run(block.comment)}</w:p></w:comment>`);
      return `<w:p><w:commentRangeStart w:id="${id}"/>${run(block.paragraph)}<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r></w:p>`;
    }
    return `<w:p>${run(block.paragraph)}</w:p>`;
  });
  if (comments.length) rels.push(`<Relationship Id="rIdComments" Type="${R}/comments" Target="comments.xml"/>`);
  rels.push(`<Relationship Id="rIdStyles" Type="${R}/styles" Target="styles.xml"/>`);
  const ns = `xmlns:w="${W}" xmlns:r="${R}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"`;
  const files: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Default Extension="jpeg" ContentType="image/jpeg"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      (comments.length ? '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>' : '') +
      '</Types>',
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
    'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${ns}><w:body>${body.join('')}</w:body></w:document>`,
    'word/styles.xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}">` +
      ['Heading1:heading 1', 'Caption:caption', 'ListParagraph:List Paragraph']
        .map((s) => s.split(':'))
        .map(([id, name]) => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`)
        .join('') +
      '</w:styles>',
  };
  if (comments.length) files['word/comments.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="${W}">${comments.join('')}</w:comments>`;
  for (const [name, text] of Object.entries(parts)) files[`word/${name}`] = text;
  for (const [name, text] of Object.entries(files)) zip.file(name, text, { date: DATE, createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
