import type JSZip from 'jszip';

/** A Word draft that cannot be read; the message says why and what to do. */
export class UnreadableDocxError extends Error {}

/** A part the document refers to (a picture, say) that is not in the file. */
export class MissingPartError extends Error {}

// A .docx is a zip: a few kilobytes can unzip to gigabytes. What is read from it is counted as
// it unzips and stops at these limits, far above any post (a 50 MB file of photos unzips to
// about 50 MB; a long document's XML is a few megabytes).
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
/** XML elements (paragraphs, runs, table cells...) in all: about 2,000 pages of Word. */
export const MAX_XML_ELEMENTS = 500_000;

interface StreamHelper {
  on(event: 'data', callback: (chunk: Uint8Array) => void): StreamHelper;
  on(event: 'end', callback: () => void): StreamHelper;
  on(event: 'error', callback: (error: Error) => void): StreamHelper;
  resume(): StreamHelper;
  pause(): StreamHelper;
}

/** The file object mammoth reads a .docx through (`{ file }` in its options). */
export interface DocxFile {
  exists(name: string): boolean;
  /** The names of the file's parts. */
  names(): string[];
  read(name: string, encoding?: string): Promise<Uint8Array | string>;
}

/** Start tags in XML: a `<` followed by a name, not `</`, `<?` or `<!`. */
function countElements(xml: Uint8Array): number {
  let count = 0;
  for (let i = xml.indexOf(0x3c); i >= 0 && i + 1 < xml.length; i = xml.indexOf(0x3c, i + 1)) {
    const next = xml[i + 1];
    if (next !== 0x2f && next !== 0x3f && next !== 0x21) count++;
  }
  return count;
}

/** Opens a .docx for mammoth, refusing one that unzips past the limits with a message saying so. */
export async function openDocx(bytes: Uint8Array): Promise<DocxFile> {
  const { default: Zip } = await import('jszip');
  // A damaged zip's own error is left to the caller, which says what is wrong with the file.
  const zip: JSZip = await Zip.loadAsync(bytes);
  let unzipped = 0;
  let elements = 0;
  const tooLarge = () =>
    new UnreadableDocxError(
      `unzips to more than ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB, far more than a post; check that it is the right file, or save it again with smaller pictures`,
    );
  const unzip = (name: string) =>
    new Promise<Uint8Array>((resolve, reject) => {
      const entry = zip.file(name);
      if (!entry) return reject(new MissingPartError(`${name} is missing`));
      const chunks: Uint8Array[] = [];
      const stream = (entry as unknown as { internalStream(type: 'uint8array'): StreamHelper }).internalStream('uint8array');
      stream
        .on('data', (chunk) => {
          unzipped += chunk.length;
          if (unzipped > MAX_UNZIPPED_BYTES) {
            stream.pause();
            reject(tooLarge());
            return;
          }
          chunks.push(chunk);
        })
        .on('error', reject)
        .on('end', () => resolve(Buffer.concat(chunks)))
        .resume();
    });
  return {
    exists: (name) => zip.file(name) !== null,
    names: () => Object.keys(zip.files),
    async read(name, encoding) {
      const data = await unzip(name);
      if (/\.(?:xml|rels)$/i.test(name)) {
        elements += countElements(data);
        if (elements > MAX_XML_ELEMENTS) {
          throw new UnreadableDocxError(
            `has more than ${MAX_XML_ELEMENTS.toLocaleString('en-GB')} XML elements (paragraphs, runs of text, table cells), far more than a post; split it into shorter drafts`,
          );
        }
      }
      if (encoding === 'base64') return Buffer.from(data).toString('base64');
      if (encoding) return new TextDecoder(encoding).decode(data);
      return data;
    },
  };
}
