import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeDocx } from '../helpers/docx.js';
import { tempFolder } from '../helpers/temp.js';

const ROSTER = 'first_name,last_name\nJack,Smith\nJane,Scott\n';

// One name five times (in other cases and spacing too), another with the same initials, a number
// and a warning.
const DRAFT = `# Class news

Jack Smith won the spelling bee.

Well done to Jane Scott and jack smith, who both read aloud.

Call 07700 900184 to help.

JACK SMITH ran the tombola, and Jack Smith the cake stall.

Our SATs results were good. Jack  Smith
`;

const folder = () => tempFolder({ 'post.md': DRAFT, 'pupils.csv': ROSTER, 'safepost.config.yaml': 'roster: pupils.csv\n' });

interface JsonReport {
  files: Array<{ findings: Array<{ ruleId: string; message: string; line: number; column: number }> }>;
  summary: { errors: number; warnings: number };
}

describe('findings of one rule on the same words, in the reports for people', () => {
  it('stylish shows them once, at the first, with their count and lines; the summary counts each', () => {
    const r = runCli(['check', 'post.md', '--no-color'], { cwd: folder() });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`post.md  (official)
  3:1   error    Full name of a pupil (J. S.)  7.3(c)  pupil-full-name  ×5
                 on lines 3, 5, 9 and 11
                 Policy 7.3(c): Staff: do not breach confidentiality
                 → Use the first name only, and never beside a photo of the child.
  5:14  error    Full name of a pupil (J. S.)  7.3(c)  pupil-full-name
                 Policy 7.3(c): Staff: do not breach confidentiality
                 → Use the first name only, and never beside a photo of the child.
  7:6   error    Personal mobile number *** 184  1.8(b)  personal-phone-number
                 Policy 1.8(b): Nothing that could compromise safeguarding
                 → Remove the number; ask people to contact the school office, or to message privately.
  11:5  warning  Mentions test or exam results: "SATs results"  6(e)  exam-results
                 Policy 6(e): No comments on sensitive school topics such as performance
                 → Leave results out of the post and celebrate effort and experiences instead; if results must be published, a senior leader authorises the wording first.

✖ 8 problems (7 errors, 1 warning, 0 info) in 1 file
`);
  });

  it('--no-group shows every finding on a line of its own', () => {
    const r = runCli(['check', 'post.md', '--no-color', '--no-group'], { cwd: folder() });
    expect(r.status).toBe(1);
    expect(r.stdout).not.toContain('×');
    expect(r.stdout.match(/^ {2}\d+:\d+ +/gm)).toEqual(['  3:1    ', '  5:14   ', '  5:29   ', '  7:6    ', '  9:1    ', '  9:33   ', '  11:5   ', '  11:29  ']);
    expect(r.stdout).toContain('\n✖ 8 problems (7 errors, 1 warning, 0 info) in 1 file\n');
  });

  it('groups a draft read from standard input', () => {
    const r = runCli(['check', '-', '--stdin-filename', 'post.md', '--no-color'], { cwd: folder(), input: DRAFT });
    expect(r.stdout).toContain('  3:1   error    Full name of a pupil (J. S.)  7.3(c)  pupil-full-name  ×5\n                 on lines 3, 5, 9 and 11\n');
  });

  it('a Word draft lists paragraphs, and a long list ends with how many more', async () => {
    const dir = folder();
    const paragraphs = Array.from({ length: 12 }, (_, i) => ({ paragraph: `Race ${i + 1}: Jack Smith came first.` }));
    writeFileSync(join(dir, 'news.docx'), await makeDocx([{ paragraph: 'Sports day' }, ...paragraphs]));
    const r = runCli(['check', 'news.docx', '--no-color'], { cwd: dir });
    expect(r.stdout).toContain(`news.docx  (official, paragraph:column)
  2:9  error  Full name of a pupil (J. S.)  7.3(c)  pupil-full-name  ×12
              in paragraphs 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 2 more
`);
    expect(r.stdout).toContain('✖ 12 problems (12 errors, 0 warnings, 0 info) in 1 file');
  });

  it('the HTML report has one card for them, with the count and lines, and marks each place', () => {
    const dir = folder();
    const r = runCli(['check', 'post.md', '--format', 'html', '-o', 'report.html'], { cwd: dir });
    expect(r.status).toBe(1);
    const page = readFileSync(join(dir, 'report.html'), 'utf8');
    const cards = page.match(/<li class="finding [^]*?<\/li>/g)!;
    expect(cards).toHaveLength(4);
    expect(cards[0]).toMatch(/^<li class="finding error" id="f-1" tabindex="-1" data-id="1" data-count="5" data-category="pupil-name" data-severity="error">/);
    expect(cards[0]).toContain(
      '<span class="badge count">×5</span>\n<p class="where context">Under “Class news”, in the paragraph “J. S. won the spelling bee.”</p>\n<p class="message">Full name of a pupil (J. S.)</p>\n<p class="where places">Found 5 times in this draft: each place is marked in the text with this card’s number.</p>',
    );
    // The lines are for the technical team.
    expect(cards[0]).toContain('<details class="technical"><summary>For the technical team</summary><p>Rule <code>pupil-full-name</code> at <span class="position">line 3, column 1</span>, found on lines 3, 5, 9 and 11.</p></details>');
    expect(cards[1]).toContain('data-count="1"');
    expect(cards[1]).not.toContain('badge count');
    // Every place is marked, takes focus once, and is described by the one card.
    expect(page.match(/<mark[^>]*>[^<]*<\/mark>/g)).toEqual([
      '<mark class="error" data-finding="1" data-findings="1" tabindex="0" aria-describedby="f-1">Jack Smith</mark>',
      '<mark class="error" data-finding="2" data-findings="2" tabindex="0" aria-describedby="f-2">Jane Scott</mark>',
      '<mark class="error" data-finding="1" data-findings="1" tabindex="0" aria-describedby="f-1">jack smith</mark>',
      '<mark class="error" data-finding="4" data-findings="4" tabindex="0" aria-describedby="f-4">07700 900184</mark>',
      '<mark class="error" data-finding="1" data-findings="1" tabindex="0" aria-describedby="f-1">JACK SMITH</mark>',
      '<mark class="error" data-finding="1" data-findings="1" tabindex="0" aria-describedby="f-1">Jack Smith</mark>',
      '<mark class="warning" data-finding="7" data-findings="7" tabindex="0" aria-describedby="f-7">SATs results</mark>',
      '<mark class="error" data-finding="1" data-findings="1" tabindex="0" aria-describedby="f-1">Jack  Smith</mark>',
    ]);
    expect(page).toContain('(posted on the school’s or the trust’s own account; 8 findings)');
    expect(page).toContain('<tr><th scope="row">pupils’ names</th><td>6</td><td>0</td><td>0</td></tr>');
    const ungrouped = runCli(['check', 'post.md', '--format', 'html', '--no-group'], { cwd: dir }).stdout;
    expect(ungrouped.match(/<li class="finding /g)).toHaveLength(8);
    expect(ungrouped).not.toContain('badge count');
  });

  it('JSON keeps one entry a finding, with no grouping and no matched text', () => {
    const r = runCli(['check', 'post.md', '--format', 'json'], { cwd: folder() });
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.files[0].findings.map((f) => [f.ruleId, f.line, f.column, f.message])).toEqual([
      ['pupil-full-name', 3, 1, 'Full name of a pupil (J. S.)'],
      ['pupil-full-name', 5, 14, 'Full name of a pupil (J. S.)'],
      ['pupil-full-name', 5, 29, 'Full name of a pupil (j. s.)'],
      ['personal-phone-number', 7, 6, 'Personal mobile number *** 184'],
      ['pupil-full-name', 9, 1, 'Full name of a pupil (J. S.)'],
      ['pupil-full-name', 9, 33, 'Full name of a pupil (J. S.)'],
      ['exam-results', 11, 5, 'Mentions test or exam results: "SATs results"'],
      ['pupil-full-name', 11, 29, 'Full name of a pupil (J. S.)'],
    ]);
    expect(report.summary).toMatchObject({ errors: 7, warnings: 1 });
    expect(r.stdout).not.toMatch(/Jack|Smith|Jane|Scott|count/i);
    for (const format of ['github', 'sarif', 'gitlab']) {
      const out = runCli(['check', 'post.md', '--format', format], { cwd: folder() }).stdout;
      const entries = format === 'github' ? out.match(/^::/gm)!.length : format === 'sarif' ? JSON.parse(out).runs[0].results.length : JSON.parse(out).length;
      expect(entries).toBe(8);
    }
  });

  it('prints no more of a name than the messages do', () => {
    for (const format of ['stylish', 'html']) {
      const out = runCli(['check', 'post.md', '--format', format], { cwd: folder() }).stdout;
      const report = format === 'html' ? out.slice(out.indexOf('<ol class="findings"')) : out;
      expect(report).not.toMatch(/Jack|Smith|Jane|Scott/i);
    }
  });
});
