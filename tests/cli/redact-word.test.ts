import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import exifr from 'exifr';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { makeDocx } from '../helpers/docx.js';
import { makePhoto } from '../helpers/photos.js';
import { tempFolder } from '../helpers/temp.js';

const ROSTER = ['--roster', join(ROOT, 'fixtures', 'pupils.csv')];

interface JsonReport {
  files: Array<{ findings: Array<{ ruleId: string; severity: string; line: number }> }>;
}
const errorsOf = (stdout: string) =>
  (JSON.parse(stdout) as JsonReport).files.flatMap((f) => f.findings).filter((f) => f.severity === 'error').map((f) => `${f.line} ${f.ruleId}`);

/** A newsletter as a comms officer gets it: a name in bold, a comment, tracked changes, a table, a photo, a header and a link. */
async function newsletter(): Promise<Buffer> {
  const photo = makePhoto({ gps: { latitude: 52.6, longitude: -1.2 }, description: 'Amir Hussain, Year 4', orientation: 6 });
  return makeDocx([
    { heading: 'Sports day' },
    { runs: ['Well done to ', { bold: 'Jack' }, ' ', { bold: 'Smith' }, ', who won the sack race.'] },
    { paragraph: 'Thanks to our helpers.', comment: "Jack Smith's dad rang on 07700 900184", commentBy: 'Ms Reed' },
    { paragraph: 'Call the office.', deleted: ' Or ring home on 0116 496 0123.' },
    { paragraph: 'Results below.', inserted: ' Well done, all.' },
    { table: [['Race', 'Winner'], ['Sack race', 'Jack Smith']] },
    { image: photo, alt: 'The sack race' },
    { link: 'Email the coach', href: 'mailto:coach.dave@gmail.com' },
    { header: 'Newsletter by Jack Smith' },
  ]);
}

describe('safepost redact on a Word draft', () => {
  it('writes a Word copy that keeps headings, table, picture and bold, and holds no name, comment, deleted text, link or photo metadata', async () => {
    const original = await newsletter();
    const dir = tempFolder({ 'news.docx': original });
    expect(errorsOf(runCli(['check', 'news.docx', '--format', 'json', ...ROSTER], { cwd: dir }).stdout)).toEqual([
      '2 pupil-full-name',
      '9 pupil-full-name',
      '10 photo-location',
      '10 photo-metadata-name',
      '12 pupil-full-name',
      '12 personal-phone-number',
      '13 personal-phone-number',
      '14 pupil-full-name',
      '15 personal-email-address',
    ]);
    const r = runCli(['redact', 'news.docx', '-o', 'news.safe.docx', ...ROSTER], { cwd: dir });
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.stdout).toBe(
      [
        '  paragraph 2: full name cut to the first name (pupil-full-name)',
        '  paragraph 9: full name cut to the first name (pupil-full-name)',
        '  paragraph 14: full name cut to the first name (pupil-full-name)',
        "  paragraph 15: link to a contact detail removed, its words kept (personal-email-address)",
        'Wrote news.safe.docx: 4 changes, 1 comment taken out, 2 tracked changes accepted, 1 picture without its metadata.',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(dir, 'news.docx')).equals(original)).toBe(true);

    const copy = readFileSync(join(dir, 'news.safe.docx'));
    const { value: html } = await mammoth.convertToHtml({ buffer: copy });
    expect(html).toContain('<h1>Sports day</h1><p>Well done to <strong>Jack</strong>, who won the sack race.</p>');
    expect(html).toContain('<table><tr><td><p>Race</p></td><td><p>Winner</p></td></tr><tr><td><p>Sack race</p></td><td><p>Jack</p></td></tr></table>');
    expect(html).toContain('<p>Results below. Well done, all.</p>');
    expect(html).toContain('<img alt="The sack race" src="data:image/jpeg;base64,');
    expect(html).toContain('<p>Email the coach</p>');
    const zip = await JSZip.loadAsync(copy);
    const everything = (await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async('nodebuffer')))).map((b) => b.toString('latin1')).join('\n');
    for (const gone of ['Smith', '07700', '0116', 'gmail', 'Ms Reed', 'Amir', 'w:del', 'w:ins ', 'comment']) expect(everything).not.toContain(gone);
    const picture = await zip.file('word/media/image1.jpeg')!.async('nodebuffer');
    expect(await exifr.orientation(picture)).toBe(6);
    expect(await exifr.gps(picture)).toBeUndefined();
    // The copy passes the check, pictures included.
    expect(errorsOf(runCli(['check', 'news.safe.docx', '--format', 'json', ...ROSTER], { cwd: dir }).stdout)).toEqual([]);
  });

  it('changes a Word draft in place only when asked, and exits 1 listing what is left', async () => {
    const dir = tempFolder({ 'rant.docx': await makeDocx([{ paragraph: 'To the parent who shouted at the office, you should be ashamed of yourself. Ring Jo on 07700 900184.' }]) });
    const r = runCli(['redact', 'rant.docx', '--in-place', '--channel', 'parent', '--config', join(ROOT, 'tests', 'helpers', 'empty.config.yaml')], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('  paragraph 1: contact detail removed (personal-phone-number)');
    expect(r.stdout).toContain('1 error left in the copy, for you to change:\n  paragraph 1 of the copy: Shames, calls out or threatens someone, or spreads gossip about them (shaming-and-threats)\n');
    const { value } = await mammoth.extractRawText({ buffer: readFileSync(join(dir, 'rant.docx')) });
    expect(value.trim()).toBe('To the parent who shouted at the office, you should be ashamed of yourself. Ring Jo on (removed).');
  });

  it('says in one line what is wrong with a bad Word file, and changes nothing', async () => {
    const good = await makeDocx([{ paragraph: 'Jack Smith won.' }]);
    const zip = await JSZip.loadAsync(good);
    zip.file('word/comments.xml', '<w:comments xmlns:w="x"><w:comment');
    const corrupt = await zip.generateAsync({ type: 'nodebuffer' });
    const encrypted = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const dir = tempFolder({ 'corrupt.docx': corrupt, 'locked.docx': encrypted });
    for (const [name, bytes] of [['corrupt.docx', corrupt], ['locked.docx', encrypted]] as const) {
      const r = runCli(['redact', name, '-o', `out-${name}`, ...ROSTER], { cwd: dir });
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(new RegExp(`^safepost: ${name}: file `));
      expect(readFileSync(join(dir, name)).equals(bytes)).toBe(true);
    }
  });

  it('leaves a picture that is not an image as it is, saying so, and does the rest', async () => {
    const zip = await JSZip.loadAsync(await makeDocx([{ paragraph: 'Jack Smith won.' }, { image: makePhoto(), alt: 'The race' }]));
    zip.file('word/media/image1.jpeg', 'not a picture at all');
    const dir = tempFolder({ 'odd.docx': await zip.generateAsync({ type: 'nodebuffer' }) });
    const r = runCli(['redact', 'odd.docx', '-o', 'odd.safe.docx', ...ROSTER], { cwd: dir });
    expect(r.stdout).toContain('  paragraph 1: full name cut to the first name (pupil-full-name)\n');
    expect(r.stdout).toContain('  picture image1.jpeg: its metadata could not be taken out: only JPEG and PNG photos can be cleaned; export it as JPEG first\n');
    const { value } = await mammoth.extractRawText({ buffer: readFileSync(join(dir, 'odd.safe.docx')) });
    expect(value).toContain('Jack won.');
  });

  it('takes out a thousand comments', async () => {
    const blocks = Array.from({ length: 1000 }, (_, k) => ({ paragraph: `Item ${k}.`, comment: `Note ${k}: ring 07700 900${String(k).padStart(3, '0')}` }));
    const dir = tempFolder({ 'many.docx': await makeDocx(blocks) });
    const r = runCli(['redact', 'many.docx', '-o', 'many.safe.docx'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('Wrote many.safe.docx: 0 changes, 1000 comments taken out.\n');
  });
});

describe('safepost redact with the photos of a Markdown draft', () => {
  it('points the copy at the clean copies, so that it checks clean; without --photos-to it exits 1 naming the photo', () => {
    const photo = makePhoto({ gps: { latitude: 52.6, longitude: -1.2 } });
    // A space in a file name is written %20 in a link.
    const draft = '# Sports day\n\n![The sack race](photos/sack%20race.jpg "Sack race")\n\n<img src="photos/sack race.jpg" alt="Again">\n';
    const dir = tempFolder({ 'post.md': draft, 'photos/sack race.jpg': photo });
    const without = runCli(['redact', 'post.md', '-o', 'out/post.md'], { cwd: dir });
    expect(without.status).toBe(1);
    expect(without.stdout).toContain('2 errors left in the copy, for you to change:\n  line 3 of the copy: The photo file holds its location (GPS) (photo-location); add --photos-to FOLDER for clean copies of the photos\n  line 5 of the copy: The photo file holds its location (GPS) (photo-location); add --photos-to FOLDER for clean copies of the photos\n');
    expect(readFileSync(join(dir, 'out/post.md'), 'utf8')).toBe(draft);

    const r = runCli(['redact', 'post.md', '-o', 'out/post.md', '--photos-to', 'out/clean'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('  2 photo links pointed at the clean copies\n');
    expect(readFileSync(join(dir, 'out/post.md'), 'utf8')).toBe('# Sports day\n\n![The sack race](clean/sack%20race.jpg "Sack race")\n\n<img src="clean/sack%20race.jpg" alt="Again">\n');
    expect(errorsOf(runCli(['check', 'out/post.md', '--format', 'json'], { cwd: dir }).stdout)).toEqual([]);
    expect(readFileSync(join(dir, 'post.md'), 'utf8')).toBe(draft);
  });
});
