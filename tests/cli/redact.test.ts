import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import exifr from 'exifr';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { makeDocx } from '../helpers/docx.js';
import { makePhoto } from '../helpers/photos.js';
import { tempFolder } from '../helpers/temp.js';

const ROSTER = ['--roster', join(ROOT, 'fixtures', 'pupils.csv')];
const DRAFT = [
  '# Sports day',
  '',
  'Well done to Jack Smith, who won the sack race, and to Eva-Grace Whitaker for the egg and spoon.',
  '',
  'Mia (Year 2) ran her best time.',
  '',
  'Questions? Call me on 07700 900184 or email coach.dave@gmail.com.',
  '',
].join('\n');

const namesAndContacts = (stdout: string) =>
  (JSON.parse(stdout) as { files: Array<{ findings: Array<{ category: string; severity: string; ruleId: string }> }> }).files
    .flatMap((f) => f.findings)
    .filter((f) => f.severity === 'error' && (f.category === 'pupil-name' || f.category === 'contact-details'))
    .map((f) => f.ruleId);

describe('safepost redact', () => {
  it('cuts full names to first names, takes out identifying names and contact details, and leaves the draft as it was', () => {
    const dir = tempFolder({ 'post.md': DRAFT });
    expect(namesAndContacts(runCli(['check', 'post.md', '--format', 'json', ...ROSTER], { cwd: dir }).stdout).length).toBeGreaterThan(0);
    const r = runCli(['redact', 'post.md', '-o', 'post.safe.md', ...ROSTER], { cwd: dir });
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'post.md'), 'utf8')).toBe(DRAFT);
    expect(readFileSync(join(dir, 'post.safe.md'), 'utf8')).toBe(
      [
        '# Sports day',
        '',
        'Well done to Jack, who won the sack race, and to Eva-Grace for the egg and spoon.',
        '',
        'A pupil (Year 2) ran her best time.',
        '',
        'Questions? Call me on (removed) or email (removed).',
        '',
      ].join('\n'),
    );
    expect(r.stdout).toBe(
      [
        '  line 3: full name cut to the first name (pupil-full-name)',
        '  line 3: full name cut to the first name (pupil-full-name)',
        '  line 5: name replaced by "a pupil" (pupil-first-name-identifying)',
        '  line 7: contact detail removed (personal-phone-number)',
        '  line 7: contact detail removed (personal-email-address)',
        'Wrote post.safe.md: 5 changes.',
        '',
      ].join('\n'),
    );
    expect(namesAndContacts(runCli(['check', 'post.safe.md', '--format', 'json', ...ROSTER], { cwd: dir }).stdout)).toEqual([]);
  });

  it('exits 1 listing each error the copy would still fail the check for, whatever its category', () => {
    const dir = tempFolder({
      'rant.md': '---\nchannel: parent\n---\nTo the parent who shouted at the office, you should be ashamed of yourself. Ring Jo on 07700 900184.\n',
      'fine.md': 'Our SATs results are in.\n',
    });
    const r = runCli(['redact', 'rant.md', '-o', 'rant.safe.md', '--config', join(ROOT, 'tests', 'helpers', 'empty.config.yaml')], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('1 error left in the copy, for you to change:\n  line 4 of the copy: Shames, calls out or threatens someone, or spreads gossip about them (shaming-and-threats)\n');
    expect(readFileSync(join(dir, 'rant.safe.md'), 'utf8')).not.toContain('07700');
    // Warnings alone pass the check, and so the copy.
    expect(runCli(['redact', 'fine.md', '-o', 'fine.safe.md', '--config', join(ROOT, 'tests', 'helpers', 'empty.config.yaml')], { cwd: dir }).status).toBe(0);
  });

  it('empties a link target that holds a contact detail, in Markdown and in HTML', () => {
    const md = ['Questions? [Drop me a line](mailto:coach.dave@gmail.com?subject=Kit) or [coach.dave@gmail.com](mailto:coach.dave@gmail.com).', ''].join('\n');
    const html = '<p>Write to <a href="mailto:coach.dave&#64;gmail.com">Dave</a> or <a href="tel:07700900184">ring him</a>.</p>\n';
    const dir = tempFolder({ 'post.md': md, 'page.html': html });
    const fromMd = runCli(['redact', 'post.md', '-o', 'post.safe.md'], { cwd: dir });
    // The invitation to write stays, for its writer to change: the copy would still fail the check.
    expect(fromMd.status).toBe(1);
    expect(fromMd.stdout).toContain('line 1 of the copy: Offers pupils or families a personal channel to a member of staff: "Drop me a line" (personal-channel-invitation)');
    expect(readFileSync(join(dir, 'post.safe.md'), 'utf8')).toBe('Questions? [Drop me a line]() or [(removed)]().\n');
    expect(fromMd.stdout).toContain("line 1: contact detail removed from a link's target (personal-email-address)");
    const fromHtml = runCli(['redact', 'page.html', '-o', 'page.safe.html'], { cwd: dir });
    expect(fromHtml.status).toBe(0);
    expect(readFileSync(join(dir, 'page.safe.html'), 'utf8')).toBe('<p>Write to <a href="">Dave</a> or <a href="">ring him</a>.</p>\n');
    expect(namesAndContacts(runCli(['check', 'post.safe.md', 'page.safe.html', '--format', 'json'], { cwd: dir }).stdout)).toEqual([]);
  });

  it('writes to standard output by default, and changes the draft only with --in-place', () => {
    const dir = tempFolder({ 'post.md': DRAFT });
    const out = runCli(['redact', 'post.md', ...ROSTER], { cwd: dir });
    expect(out.stdout).toContain('Well done to Jack, who won');
    expect(out.stderr).toMatch(/The copy is on standard output: 5 changes\.\n$/);
    const same = runCli(['redact', 'post.md', '-o', './post.md', ...ROSTER], { cwd: dir });
    expect(same).toMatchObject({ status: 2, stderr: 'safepost: --output is the draft itself; add --in-place if you mean to change it\n' });
    expect(readFileSync(join(dir, 'post.md'), 'utf8')).toBe(DRAFT);
    expect(runCli(['redact', 'post.md', '--in-place', ...ROSTER], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, 'post.md'), 'utf8')).toContain('Call me on (removed)');
  });

  it('redacts a Word draft to Markdown, and writes its photos without metadata', async () => {
    const photo = makePhoto({ gps: { latitude: 52.6, longitude: -1.2 }, description: 'Amir Hussain, Year 4' });
    const docx = await makeDocx([{ paragraph: 'Amir Hussain won the long jump. Text 07700 900461 for the photos.' }, { image: photo, alt: 'The long jump' }]);
    const dir = tempFolder({ 'fair.docx': docx });
    const warned = runCli(['redact', 'fair.docx', '-o', 'fair.md', ...ROSTER], { cwd: dir });
    expect(warned.status).toBe(1);
    expect(warned.stdout).toContain('paragraph 2 of the draft: the photo there holds its GPS position: add --photos-to FOLDER for clean copies');
    const r = runCli(['redact', 'fair.docx', '-o', 'fair.md', '--photos-to', 'clean', ...ROSTER], { cwd: dir });
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'fair.md'), 'utf8')).toBe('Amir won the long jump. Text (removed) for the photos.\n');
    expect(readFileSync(join(dir, 'fair.docx')).equals(docx)).toBe(true);
    const clean = readFileSync(join(dir, 'clean', 'picture-1.jpg'));
    expect(await exifr.parse(clean, { gps: true, ifd0: {}, mergeOutput: true })).toBeUndefined();
    // The picture itself is the same bytes: from the start of the scan to the end.
    const scan = (b: Buffer) => b.subarray(b.indexOf(Buffer.from([0xff, 0xda])));
    expect(scan(clean).equals(scan(photo))).toBe(true);
    expect(runCli(['redact', 'fair.docx', '-o', 'fair.pdf'], { cwd: dir })).toMatchObject({
      status: 2,
      stderr: 'safepost: a Word draft is copied to a Word file or to Markdown: give an output file ending in .docx or .md\n',
    });
  });

  it('copies local photos without metadata, but never over the originals', () => {
    const photo = makePhoto({ gps: { latitude: 52.6, longitude: -1.2 } });
    const dir = tempFolder({ 'post.md': '![The hall](img/hall.jpg)\n', 'img/hall.jpg': photo });
    expect(runCli(['redact', 'post.md', '-o', 'out.md', '--photos-to', 'img'], { cwd: dir })).toMatchObject({
      status: 2,
      stderr: 'safepost: --photos-to is the folder the photos are in; choose another folder so the originals are kept\n',
    });
    expect(readFileSync(join(dir, 'img/hall.jpg')).equals(photo)).toBe(true);
    const r = runCli(['redact', 'post.md', '-o', 'clean/post.md', '--photos-to', 'clean/img'], { cwd: dir });
    expect(r.stdout).toContain('Wrote 1 photo without metadata to clean/img.');
    expect(namesAndContacts(runCli(['check', 'clean', '--format', 'json'], { cwd: dir }).stdout)).toEqual([]);
    const gps = runCli(['check', 'clean', '--format', 'json'], { cwd: dir }).stdout;
    expect(gps).not.toContain('photo-location');
    writeFileSync(join(dir, 'bad.md'), 'x');
    expect(runCli(['redact', 'missing.md'], { cwd: dir })).toMatchObject({ status: 2, stderr: 'safepost: missing.md: no such file\n' });
  });

  it('copies two photos of one name from different folders to two files', () => {
    const first = makePhoto({ gps: { latitude: 52.6, longitude: -1.2 } });
    const second = makePhoto({ gps: { latitude: 51.1, longitude: -0.3 } });
    const dir = tempFolder({ 'post.md': '![A](day1/photo.jpg)\n\n![B](day2/photo.jpg)\n\n![A again](day1/photo.jpg)\n', 'day1/photo.jpg': first, 'day2/photo.jpg': second });
    const r = runCli(['redact', 'post.md', '-o', 'out.md', '--photos-to', 'clean'], { cwd: dir });
    expect(r.stdout).toContain('photo photo.jpg from another folder is copied as photo-2.jpg');
    expect(readdirSync(join(dir, 'clean')).sort()).toEqual(['photo-2.jpg', 'photo.jpg']);
    expect(r.stdout).toContain('Wrote 2 photos without metadata to clean.');
  });
});
