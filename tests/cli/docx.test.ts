import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { makeDocx } from '../helpers/docx.js';
import { makePhoto } from '../helpers/photos.js';
import { tempFolder } from '../helpers/temp.js';

interface JsonFinding {
  ruleId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

describe('safepost check on Word drafts', () => {
  it('gives each finding the heading above it and an excerpt of its paragraph, every finding in it masked', async () => {
    const dir = tempFolder({});
    writeFileSync(
      join(dir, 'fair.docx'),
      await makeDocx([
        { heading: 'Summer fair' },
        { paragraph: 'Thank you to everyone who came along on Saturday. Questions? Ring me on 07700 900184 or ask Jack Smith in Year 4 about the raffle prizes.' },
      ]),
    );
    const r = runCli(['check', 'fair.docx', '--format', 'json', '--config', join(ROOT, 'tests', 'helpers', 'empty.config.yaml')], { cwd: dir });
    const findings = JSON.parse(r.stdout).files[0].findings as Array<{ ruleId: string; context?: { heading?: string; excerpt: string } }>;
    expect(findings.map((f) => [f.ruleId, f.context])).toEqual([
      ['personal-phone-number', { heading: 'Summer fair', excerpt: '…Questions? Ring me on *** 184 or ask J. S. in Year 4…' }],
      ['pupil-full-name', { heading: 'Summer fair', excerpt: '…me on *** 184 or ask J. S. in Year 4 about the raffle…' }],
    ]);
    expect(runCli(['check', 'fair.docx', '--config', join(ROOT, 'tests', 'helpers', 'empty.config.yaml')], { cwd: dir }).stdout).toContain('under "Summer fair": “…Questions? Ring me on *** 184 or ask J. S. in Year 4…”');
  });

  it('says in one line what to do with an old .doc or an OpenDocument file', () => {
    const dir = tempFolder({ 'old.doc': '\u00d0\u00cf\u0011\u00e0 binary', 'minutes.odt': 'PK\u0003\u0004 zip' });
    const r = runCli(['check', 'old.doc', 'minutes.odt', '--format', 'json', '--config', join(ROOT, 'tests', 'helpers', 'empty.config.yaml')], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'safepost: minutes.odt: file is an OpenDocument file, which safepost cannot read; save it as .docx (File, Save As, Word) and check that\n' +
        'safepost: old.doc: file is an old Word .doc file, which safepost cannot read; open it in Word and save it as .docx (File, Save As, Word Document), then check that\n',
    );
  });

  it('checks comments, deleted tracked changes, headers and footers, and says where each finding is', async () => {
    const dir = tempFolder({});
    writeFileSync(
      join(dir, 'newsletter.docx'),
      await makeDocx([
        { paragraph: 'Sports day is on Friday.', comment: "Jack Smith's dad says ring him on 07700 900184", commentBy: 'Ms Office' },
        { paragraph: 'See you there.', deleted: 'Or call the Smiths at home on 0116 496 0123.', deletedBy: 'Ms Office' },
        { footer: 'Call me on 07700 900185' },
      ]),
    );
    const r = runCli(['check', 'newsletter.docx', '--format', 'json', '--config', join(ROOT, 'tests', 'helpers', 'empty.config.yaml')], { cwd: dir });
    expect(r.status).toBe(1);
    const findings = JSON.parse(r.stdout).files[0].findings as Array<JsonFinding & { message: string; suggestion: string }>;
    const shown = findings.map((f) => `${f.line} ${f.ruleId}: ${f.message}`);
    expect(shown).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^3 pupil-full-name: .*\(in a comment by Ms Office\)$/),
        expect.stringMatching(/^3 personal-phone-number: Personal mobile number \*\*\* 184 \(in a comment by Ms Office\)$/),
        expect.stringMatching(/^4 .*phone.*\(in text deleted by Ms Office with Track Changes\)$/),
        expect.stringMatching(/^5 personal-phone-number: .*\(in the footer\)$/),
      ]),
    );
    expect(findings.every((f) => f.line < 3 || /goes wherever the file goes/.test(f.suggestion))).toBe(true);
    expect(findings.find((f) => f.line === 3)!.suggestion).toMatch(/^This is in a comment by Ms Office, which no reader of the post sees but which goes wherever the file goes: delete the comment before the file is shared\. /);
  });

  it('reports findings by paragraph and column, photos\' GPS included, and still checks other files after a broken one', async () => {
    const dir = tempFolder({ 'notes.md': 'Our SATs results.\n' });
    writeFileSync(
      join(dir, 'newsletter.docx'),
      await makeDocx([
        { heading: 'Summer fair' },
        { paragraph: 'Thank you to everyone who came. Questions? Ring me on 07700 900184.' },
        { table: [['Stall', 'Helper'], ['Cakes', 'Mia Parker']] },
        { image: makePhoto({ gps: { latitude: 52.63, longitude: -1.13 } }), alt: 'The tombola stall' },
      ]),
    );
    writeFileSync(join(dir, 'broken.docx'), 'this is not a Word file');
    const r = runCli(['check', '.', '--format', 'json', '--roster', join(ROOT, 'fixtures', 'pupils.csv')], { cwd: dir });
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { files: Array<{ path: string; error?: string; findings: JsonFinding[] }> };
    expect(report.files.map((f) => f.path)).toEqual(['broken.docx', 'newsletter.docx', 'notes.md']);
    expect(report.files[0]).toMatchObject({ error: 'file is not a Word document (a .docx is a zip file, and this is not one); if it is one, open it in Word and save it again as .docx', findings: [] });
    const found = report.files[1].findings.map((f) => [f.ruleId, f.line, f.column, f.endColumn]);
    expect(found).toEqual([
      ['personal-phone-number', 2, 55, 67],
      ['pupil-full-name', 6, 1, 11],
      ['photo-location', 7, 1, 2],
    ]);
    expect(report.files[2].findings.map((f) => f.ruleId)).toEqual(['exam-results']);
    expect(report.files[1]).toMatchObject({ positions: 'paragraphs' });
    expect(report.files[2]).not.toHaveProperty('positions');
    const stylish = runCli(['check', 'newsletter.docx'], { cwd: dir });
    expect(stylish.stdout).toMatch(/^newsletter\.docx {2}\(official, paragraph:column\)\n {2}2:55 +error +Personal mobile number/);
    expect(r.stderr).toBe('safepost: broken.docx: file is not a Word document (a .docx is a zip file, and this is not one); if it is one, open it in Word and save it again as .docx\n');
  });
});
