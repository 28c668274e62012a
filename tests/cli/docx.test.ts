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
