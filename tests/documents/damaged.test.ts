import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readDraft, UnreadableDraftError } from '../../src/documents/index.js';
import { encodeDraft } from '../../src/documents/read.js';
import { runCli } from '../helpers/cli.js';
import { summerFairNewsletter } from '../helpers/docx-fixture.js';
import { tempFolder } from '../helpers/temp.js';

const NO_CONFIG = ['--config', join(import.meta.dirname, '..', 'helpers', 'empty.config.yaml')];

/** The message readDraft gives for these bytes as a .docx. */
async function messageFor(bytes: Uint8Array): Promise<string> {
  const dir = tempFolder({ 'draft.docx': Buffer.from(bytes) });
  try {
    await readDraft(join(dir, 'draft.docx'));
  } catch (error) {
    expect(error).toBeInstanceOf(UnreadableDraftError);
    return (error as Error).message;
  }
  throw new Error('read as a Word document');
}

async function rezipped(change: (zip: JSZip) => void | Promise<void>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await summerFairNewsletter());
  await change(zip);
  return zip.generateAsync({ type: 'nodebuffer' });
}

const incomplete = (what: string) => `file is not a complete Word document (${what}); open it in Word and save it again`;

describe('damaged Word drafts', () => {
  it('a .docx cut short at any length is "not a complete Word document", never a reader crash', async () => {
    const whole = await summerFairNewsletter();
    for (const length of [4, 30, 100, 500, 1000, Math.floor(whole.length / 2), whole.length - 100, whole.length - 1]) {
      expect(await messageFor(whole.subarray(0, length)), `cut at ${length} of ${whole.length}`).toBe(incomplete('it is cut short'));
    }
  });

  it('names what is wrong with a zip that is not a whole Word document', async () => {
    const random = Buffer.alloc(3000);
    for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + 13) % 251;
    expect(await messageFor(random)).toBe('file is not a Word document (a .docx is a zip file, and this is not one); if it is one, open it in Word and save it again as .docx');
    expect(await messageFor(Buffer.alloc(0))).toBe('file is empty, not a Word document; open the original in Word and save it again as .docx');
    expect(await messageFor(await rezipped((zip) => void zip.remove('word/document.xml')))).toBe(incomplete('it has no word/document.xml'));
    expect(
      await messageFor(
        await rezipped(async (zip) => {
          const xml = await zip.file('word/document.xml')!.async('string');
          zip.file('word/document.xml', xml.slice(0, xml.length / 2));
        }),
      ),
    ).toBe(incomplete('one of its XML parts is malformed'));
    expect(await messageFor(await rezipped((zip) => void zip.file('word/document.xml', '<?xml version="1.0"?><nothing/>')))).toBe(incomplete('its word/document.xml has no document body'));
    // The document shows a picture the file does not hold: was "Cannot read properties of null (reading 'async')".
    const withoutPicture = await rezipped((zip) => {
      for (const name of Object.keys(zip.files)) if (name.startsWith('word/media/')) zip.remove(name);
    });
    expect(await messageFor(withoutPicture)).toBe(incomplete('picture 1 is missing from it'));
  });

  it('check and redact say so in one line naming the file', async () => {
    const whole = await summerFairNewsletter();
    const dir = tempFolder({ 'cut.docx': whole.subarray(0, 1000) });
    const check = runCli(['check', 'cut.docx', ...NO_CONFIG], { cwd: dir });
    expect(check.status).toBe(1);
    expect(check.stderr).toBe(`safepost: cut.docx: ${incomplete('it is cut short')}\n`);
    const redact = runCli(['redact', 'cut.docx', '-o', 'copy.md', ...NO_CONFIG], { cwd: dir });
    expect(redact).toMatchObject({ status: 2, stderr: `safepost: cut.docx: ${incomplete('it is cut short')}\n` });
  });
});

describe('UTF-16 text drafts', () => {
  const text = '\uFEFFZoë on 07700 900461.\nSecond line.\n';

  it('are read with their byte-order mark, keeping positions as in the file', async () => {
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      const dir = tempFolder({ 'post.txt': encodeDraft(text, encoding) });
      const draft = await readDraft(join(dir, 'post.txt'));
      expect(draft.doc.source).toBe(text);
      expect(draft.encoding).toBe(encoding);
      const r = runCli(['check', 'post.txt', '-f', 'json', ...NO_CONFIG], { cwd: dir });
      const phone = JSON.parse(r.stdout).files[0].findings.find((f: { ruleId: string }) => f.ruleId === 'personal-phone-number');
      // U+FEFF is column 1, as it is the file's first UTF-16 code unit.
      expect(phone).toMatchObject({ line: 1, column: 9, endLine: 1, endColumn: 21 });
    }
  });

  it('a redacted copy of one stays UTF-16', () => {
    const dir = tempFolder({ 'post.txt': encodeDraft(text, 'utf-16le') });
    const r = runCli(['redact', 'post.txt', '-o', 'copy.txt', ...NO_CONFIG], { cwd: dir });
    expect(r.status).toBe(0);
    expect([...readFileSync(join(dir, 'copy.txt')).subarray(0, 4)]).toEqual([0xff, 0xfe, 0x5a, 0x00]);
    const copy = runCli(['check', 'copy.txt', '-f', 'json', ...NO_CONFIG], { cwd: dir });
    expect(JSON.parse(copy.stdout).files[0].findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain('personal-phone-number');
    expect(copy.stderr).toBe('');
  });

  it('without a byte-order mark: said to be UTF-16, not "binary"', async () => {
    const dir = tempFolder({ 'post.txt': Buffer.from('Hello there.\n', 'utf16le'), 'odd.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hi', 'utf16le'), Buffer.from([0x41])]) });
    await expect(readDraft(join(dir, 'post.txt'))).rejects.toThrow('file is UTF-16 text without a byte-order mark; save it as UTF-8 and check again');
    await expect(readDraft(join(dir, 'odd.txt'))).rejects.toThrow(/^file starts as UTF-16 text but is damaged/);
  });
});
