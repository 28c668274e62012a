import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

const DRAFT = '# Fair &lt;news&gt;\n\nCall 07700 900184 & ask for "the tombola".\n\nOur SATs results.\n';

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
    expect(page).toMatch(/<li class="finding error" id="f-1"[^>]*>\n<span class="number">1<\/span><span class="badge error">error<\/span><span class="badge category">contact details and identifiers<\/span><span class="where">line 3<\/span>/);
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

  it('shows a Word draft by paragraph, with a picture as [picture], and each card says under which heading and near which words', async () => {
    const page = runCli(['check', 'fixtures/summer-fair-newsletter.docx', '--format', 'html', '--config', 'fixtures/safepost.config.yaml']).stdout;
    expect(page).toContain('<span class="where">paragraph 10</span>');
    expect(page).toMatch(/<p class="where context">Under “[^”]+”: “[^<]+”<\/p>/);
    expect(page).toMatch(/<mark class="error" data-finding="\d+" data-findings="\d+" tabindex="0" aria-describedby="f-\d+">\[picture\]<\/mark>/);
  });
});
