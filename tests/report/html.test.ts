import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { html } from '../../src/report/html.js';
import type { Finding, Report } from '../../src/results/schema.js';
import { CATEGORIES } from '../../src/rules/schema.js';
import { runCli } from '../helpers/cli.js';
import { makeDocx } from '../helpers/docx.js';
import { makePhoto } from '../helpers/photos.js';
import { tempFolder } from '../helpers/temp.js';

const DRAFT = '# Fair &lt;news&gt;\n\nCall 07700 900184 & ask for "the tombola".\n\nOur SATs results.\n';

/** The cards of a page, each from its <li> to its </li>. */
const cardsOf = (page: string) => page.match(/<li class="finding [^]*?<\/li>/g) ?? [];

/** What a reader sees of a page before opening any card's technical details: no script, style, tag or attribute. */
const readerText = (page: string) =>
  page
    .replace(/<(script|style)>[^]*?<\/\1>/g, '')
    .replace(/<details class="technical">[^]*?<\/details>/g, '')
    .replace(/<[^>]*>/g, '');

describe('--format html', () => {
  it('writes one page that shows each draft with every finding marked at its words', () => {
    const dir = tempFolder({ 'post.md': DRAFT });
    const r = runCli(['check', 'post.md', '--format', 'html', '-o', 'report.html'], { cwd: dir });
    expect(r).toMatchObject({ status: 1, stdout: '' });
    const page = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(page).toMatch(/^<!doctype html>\n<html lang="en">/);
    // Marked at the exact words, the draft's own text escaped.
    // Each finding's first mark carries its card's number.
    expect(page).toContain('<sup class="number" aria-hidden="true">1</sup><mark class="error" data-finding="1" data-findings="1" tabindex="0" aria-describedby="f-1">07700 900184</mark>');
    expect(page).toContain('<sup class="number" aria-hidden="true">2</sup><mark class="warning" data-finding="2" data-findings="2" tabindex="0" aria-describedby="f-2">SATs results</mark>');
    // The card says where the finding is as a reader would, the number masked; its line and column are for the technical team.
    const [phone, results] = cardsOf(page);
    expect(phone).toMatch(
      /^<li class="finding error" id="f-1"[^>]*>\n<span class="number">1<\/span><span class="badge error">error<\/span><span class="badge category">contact details and identifiers<\/span>\n<p class="where context">Under “Fair &lt;news&gt;”, in the paragraph starting “Call \*\*\* 184 &amp; ask for &quot;the…”<\/p>/,
    );
    expect(phone).toContain('<details class="technical"><summary>For the technical team</summary><p>Rule <code>personal-phone-number</code> at <span class="position">line 3, column 6</span>.</p></details>');
    expect(results).toContain('<p class="where context">Under “Fair &lt;news&gt;”, in the paragraph “Our SATs results.”</p>');
    expect(readerText(page)).not.toMatch(/\bline \d|column \d/);
    // As a reader sees it: the heading's words without the Markdown mark.
    expect(page).toContain('as a reader sees it"><span class="heading">Fair &lt;news&gt;</span>\n\nCall <sup class="number" aria-hidden="true">1</sup><mark');
    expect(page).not.toContain('# Fair');
    expect(page).toContain('&amp; ask for &quot;the tombola&quot;.');
    // Each finding beside the text: message (masked), advice, clause.
    expect(page).toMatch(/<li class="finding error" id="f-1"[^>]*data-category="contact-details" data-severity="error">/);
    expect(page).toContain('Personal mobile number *** 184');
    expect(page).toContain('<strong>Policy 1.8(b), Nothing that could compromise safeguarding:</strong>');
    expect(page).toContain('<tr><th scope="row">contact details and identifiers</th><td>1</td><td>0</td><td>0</td></tr>');
    expect(page).toContain('<input type="checkbox" name="category" value="contact-details" checked> contact details and identifiers</label>');
    expect(page).toContain('This page shows your drafts in full, so keep it on this computer.');
    expect(page).toContain('(posted on the school’s or the trust’s own account; 2 findings)');
  });

  it('names every category in words wherever a reader sees one, and shows no id, command or position but in the technical lines', () => {
    const page = runCli(['check', 'fixtures', '--format', 'html', '--config', 'fixtures/safepost.config.yaml']).stdout;
    const report = JSON.parse(runCli(['check', 'fixtures', '--format', 'json', '--config', 'fixtures/safepost.config.yaml']).stdout) as { files: Array<{ findings: Array<{ ruleId: string }> }> };
    const ruleIds = [...new Set(report.files.flatMap((f) => f.findings.map((x) => x.ruleId)))];
    expect(ruleIds.length).toBeGreaterThan(20);
    for (const id of ruleIds) expect(page).toContain(`<code>${id}</code>`);
    expect(page).toContain('safepost redact with --photos-to');
    // All seven categories are in the fixtures' findings, so the page would show each id it let through.
    for (const category of CATEGORIES) expect(page).toContain(`data-category="${category}"`);
    const text = readerText(page);
    // The ids of one word (location, conduct) are words a draft may use.
    const ids = CATEGORIES.filter((c) => c.includes('-'));
    expect(ids.length).toBeGreaterThan(3);
    for (const id of ids) expect(text).not.toContain(id);
    for (const id of ruleIds.filter((r) => r.includes('-'))) expect(text).not.toContain(id);
    expect(text).not.toMatch(/safepost [a-z]+ |--[a-z]|front matter|\b(?:line|paragraph) \d+, (?:column|character)/);
  });

  it('says in each card the heading above the finding and its paragraph’s first words, with names and numbers masked', () => {
    const dir = tempFolder({
      'pupils.csv': 'first_name,last_name\nJack,Smith\n',
      'safepost.config.yaml': 'roster: pupils.csv\n',
      'sports.md': '# Sports day\n\nWell done to everyone who came along, and to Jack Smith for the relay.\n\n## Next week\n\n- Bring a coat\n- Ring 07700 900184 if you can help\n',
      'notes.txt': 'Thank you all.\n\nJack Smith won the sack race.\n',
    });
    const [name, phone] = cardsOf(runCli(['check', 'sports.md', '--format', 'html'], { cwd: dir }).stdout);
    expect(name).toContain('<p class="where context">Under “Sports day”, in the paragraph starting “Well done to everyone who came along,…”</p>');
    expect(phone).toContain('<p class="where context">Under “Next week”, in the list item “Ring *** 184 if you can help”</p>');
    // A plain text draft has no headings: the paragraph alone says where.
    const [text] = cardsOf(runCli(['check', 'notes.txt', '--format', 'html'], { cwd: dir }).stdout);
    expect(text).toContain('<p class="where context">In the paragraph “J. S. won the sack race.”</p>');
    expect(text).not.toContain('Jack Smith');
  });

  it('keeps a command for the technical team and the advice in plain words', () => {
    const dir = tempFolder({ 'post.md': 'Sports day!\n\n![The relay](relay.jpg)\n', 'relay.jpg': makePhoto({ gps: { latitude: 52.6, longitude: -1.2 } }) });
    const photo = cardsOf(runCli(['check', 'post.md', '--format', 'html'], { cwd: dir }).stdout).find((card) => card.includes('data-category="location"'))!;
    expect(photo).toContain(
      '<p class="advice"><strong>What to do:</strong> Post a copy of the photo without its location: share it with your phone&#39;s &quot;remove location&quot; option, or ask whoever runs the website for a cleaned copy; and turn off location in the camera app.</p>'.replace('&#39;', "'"),
    );
    expect(photo).toContain('<details class="technical"><summary>For the technical team</summary><p>Rule <code>photo-location</code> at <span class="position">line 3, column 1</span>. safepost redact with --photos-to makes one.</p></details>');
    expect(readerText(photo)).not.toMatch(/safepost|--photos-to/);
  });

  it('shows a Word draft’s table as a table, its finding marked in its cell', async () => {
    const dir = tempFolder({
      'sports.docx': await makeDocx([
        { heading: 'Sports day' },
        { paragraph: 'The results are in.' },
        { table: [['Race', 'Contact'], ['Sack race', 'Ring 07700 900184'], ['Relay\nand egg and spoon', 'The office']], headerRow: true },
        { paragraph: 'See you next year.', comment: 'Ring 07700 900123 first' },
      ]),
    });
    const page = runCli(['check', 'sports.docx', '--format', 'html'], { cwd: dir }).stdout;
    expect(page).toContain(
      '<span class="heading">Sports day</span>\nThe results are in.<table class="word-table"><tr><th scope="col">Race</th><th scope="col">Contact</th></tr>' +
        '<tr><td>Sack race</td><td>Ring <sup class="number" aria-hidden="true">1</sup><mark class="error" data-finding="1" data-findings="1" tabindex="0" aria-describedby="f-1">07700 900184</mark></td></tr>' +
        // A cell's two paragraphs stay in the one cell.
        '<tr><td>Relay\nand egg and spoon</td><td>The office</td></tr></table>See you next year.\nRing <sup',
    );
    const [cell, comment] = cardsOf(page);
    expect(cell).toContain('<p class="where context">Under “Sports day”, in the table cell “Ring *** 184”</p>');
    // A comment is under no heading of the body: the card says it is a comment.
    expect(comment).toContain('<p class="where context">In a comment by Editor: “Ring *** 123 first”</p>');
  });

  it('fetches nothing: no link, source or address outside the page', () => {
    const dir = tempFolder({ 'post.md': DRAFT + '\n![Pupils](https://example.org/p.jpg) <a href="https://example.org">x</a>\n' });
    const page = runCli(['check', 'post.md', '--format', 'html'], { cwd: dir }).stdout;
    // The draft's links show as their words; no element of the page points anywhere.
    expect(page).not.toContain('example.org');
    expect(page).not.toMatch(/<(?:img|link|iframe|object|embed|base)\b|<[a-z][^>]*\s(?:src|href|action)=/i);
    const style = page.slice(page.indexOf('<style>'), page.indexOf('</style>'));
    expect(style).not.toMatch(/url\(|@import/);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">`);
  });

  it('shows a Word draft by paragraph, with a picture as [picture], and each card says under which heading and in which paragraph', async () => {
    const page = runCli(['check', 'fixtures/summer-fair-newsletter.docx', '--format', 'html', '--config', 'fixtures/safepost.config.yaml']).stdout;
    const cards = cardsOf(page);
    expect(cards[0]).toContain('<p class="where context">Under “Summer Fair: thank you!”, in the paragraph starting “Z. O. and her mum ran the…”</p>');
    expect(cards[2]).toContain('<p class="where context">Under “Summer Fair: thank you!”, in the paragraph “[picture]”</p>');
    expect(cards[2]).toContain('<span class="position">paragraph 10, character 1</span>');
    // Its heading styled as one, its table a table.
    expect(page).toContain('<span class="heading">Summer Fair: thank you!</span>');
    expect(page).toContain('<table class="word-table"><tr><td>Stall</td><td>Raised</td></tr><tr><td>Cakes</td><td>£310</td></tr><tr><td>Tombola</td><td>£280</td></tr></table>');
    expect(page).toMatch(/<mark class="error" data-finding="\d+" data-findings="\d+" tabindex="0" aria-describedby="f-\d+">\[picture\]<\/mark>/);
  });

  it('says where a Word finding is by its context when the draft’s text is not given', () => {
    const finding: Finding = {
      ruleId: 'personal-phone-number',
      category: 'contact-details',
      severity: 'error',
      message: 'Personal mobile number *** 184',
      clause: { id: '1.8(b)', title: 'Safeguarding', text: 'Nothing that could compromise safeguarding.' },
      line: 4,
      column: 9,
      endLine: 4,
      endColumn: 21,
      suggestion: 'Remove the number.',
      context: { heading: 'Summer <fair>', excerpt: '…Ring me on *** 184 about it' },
    };
    const report: Report = {
      files: [{ path: 'fair.docx', channel: 'official', positions: 'paragraphs', findings: [finding] }],
      summary: { files: 1, errors: 1, warnings: 0, infos: 0, suppressed: 0, fileErrors: 0 },
    };
    const page = html(report, { color: false, rules: [] });
    expect(page).toContain('<p class="where context">Under “Summer &lt;fair&gt;”, near “…Ring me on *** 184 about it”</p>');
    expect(page).toContain('<span class="position">paragraph 4, character 9</span>');
    expect(page).toContain('The draft could not be read to show it here.');
  });
});
