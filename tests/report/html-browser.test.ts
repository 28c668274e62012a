/// <reference lib="dom" />
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

// The HTML report in a real browser: Debian's Chromium, driven by playwright-core.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const CONFIG = ['--config', 'fixtures/safepost.config.yaml'];

interface JsonReport {
  files: Array<{ path: string; findings: Array<{ category: string; severity: string; line: number; column: number; endLine: number; endColumn: number; suppressed?: boolean }> }>;
}

describe.skipIf(!existsSync(CHROMIUM))('the HTML report in Chromium', () => {
  let browser: Browser;
  let pageUrl: string;
  // With --no-group: a card for every finding.
  let eachUrl: string;
  let report: JsonReport;
  beforeAll(async () => {
    const dir = tempFolder();
    runCli(['check', 'fixtures', '--format', 'html', '-o', join(dir, 'report.html'), ...CONFIG]);
    pageUrl = pathToFileURL(join(dir, 'report.html')).href;
    runCli(['check', 'fixtures', '--format', 'html', '--no-group', '-o', join(dir, 'each.html'), ...CONFIG]);
    eachUrl = pathToFileURL(join(dir, 'each.html')).href;
    report = JSON.parse(runCli(['check', 'fixtures', '--format', 'json', ...CONFIG]).stdout) as JsonReport;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);
  afterAll(async () => browser?.close());

  async function open(url = pageUrl) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => !r.url().startsWith('file:') && problems.push(`request to ${r.url()}`));
    await page.goto(url);
    return { page, problems };
  }

  it('marks every finding at the words the JSON report gives, with no console error and no request', async () => {
    const { page, problems } = await open(eachUrl);
    const marked = await page.evaluate(() =>
      [...document.querySelectorAll('.finding')].map((card) => {
        const id = (card as HTMLElement).dataset.id!;
        const marks = [...document.querySelectorAll('mark[data-findings]')].filter((m) => (m as HTMLElement).dataset.findings!.split(' ').includes(id));
        return { where: card.querySelector('.where')!.textContent, text: marks.map((m) => m.textContent).join(''), category: (card as HTMLElement).dataset.category };
      }),
    );
    const expected = report.files.flatMap((file) => {
      const source = file.path.endsWith('.docx') ? null : readFileSync(join(ROOT, file.path), 'utf8').split('\n');
      return file.findings
        .filter((f) => !f.suppressed)
        .map((f) => ({
          where: `${file.path.endsWith('.docx') ? 'paragraph' : 'line'} ${f.line}`,
          text: source && f.line === f.endLine ? source[f.line - 1].slice(f.column - 1, f.endColumn - 1) : undefined,
          category: f.category,
        }));
    });
    expect(marked.length).toBe(expected.length);
    marked.forEach((m, i) => {
      expect(m.where).toBe(expected[i].where);
      expect(m.category).toBe(expected[i].category);
      // Overlapping findings share marks: a finding's words, where they are plain words in the
      // file too, are inside its marks; every finding has a mark.
      expect(m.text.length).toBeGreaterThan(0);
      if (expected[i].text && /^[\p{L}\p{N} .,'’@-]+$/u.test(expected[i].text!)) expect(m.text).toContain(expected[i].text);
    });
    expect(problems).toEqual([]);
    // Grouped, each card stands at its first finding and counts the rest.
    const grouped = await open();
    const cards = await grouped.page.evaluate(() =>
      [...document.querySelectorAll('.finding')].map((card) => ({ where: card.querySelector('.where')!.textContent, count: Number((card as HTMLElement).dataset.count) })),
    );
    expect(cards.length).toBeLessThan(expected.length);
    expect(cards.reduce((sum, c) => sum + c.count, 0)).toBe(expected.length);
    const positions = expected.map((e) => e.where);
    let from = 0;
    for (const card of cards) {
      from = positions.indexOf(card.where!, from) + 1;
      expect(from).toBeGreaterThan(0);
    }
    expect(grouped.problems).toEqual([]);
    // The README's picture of the report: made again with SAFEPOST_SCREENSHOT=1.
    if (process.env.SAFEPOST_SCREENSHOT) await page.locator('section').first().screenshot({ path: join(ROOT, 'docs', 'html-report.png') });
  });

  it('filters by category and severity, and moves from finding to finding with n and p', async () => {
    const { page } = await open();
    const visible = () => page.evaluate(() => [...document.querySelectorAll('.finding:not(.hidden)')].map((c) => (c as HTMLElement).dataset.category + '/' + (c as HTMLElement).dataset.severity));
    // The count is of findings, a card standing for as many as it says.
    const shownFindings = () => page.evaluate(() => [...document.querySelectorAll('.finding:not(.hidden)')].reduce((sum, c) => sum + Number((c as HTMLElement).dataset.count), 0));
    const all = await visible();
    await page.getByLabel('contact details and identifiers').uncheck();
    const withoutContacts = await visible();
    expect(withoutContacts.length).toBe(all.filter((c) => !c.startsWith('contact-details/')).length);
    expect(await shownFindings()).toBeGreaterThan(withoutContacts.length);
    expect(await page.locator('#shown').textContent()).toBe(`${await shownFindings()} findings shown`);
    await page.getByLabel('warning').uncheck();
    expect((await visible()).every((c) => c.endsWith('/error') || c.endsWith('/info'))).toBe(true);
    await page.getByLabel('contact details and identifiers').check();
    await page.getByLabel('warning').check();
    expect(await visible()).toEqual(all);

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('n');
    const first = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.findings);
    expect(first?.split(' ')).toContain('1');
    await page.keyboard.press('n');
    await page.keyboard.press('p');
    expect(await page.evaluate(() => document.querySelector('.finding.current')!.id)).toBe('f-1');

    // A group's later places lead to its one card.
    const card = await page.evaluate(() => (document.querySelector('.finding:not([data-count="1"])') as HTMLElement).dataset.id!);
    const places = page.locator(`mark[data-finding="${card}"]`);
    expect(await places.count()).toBeGreaterThan(1);
    await places.last().click();
    expect(await page.evaluate(() => document.activeElement!.id)).toBe(`f-${card}`);
  });

  it('has no accessibility violations that axe-core finds (WCAG 2.1 A and AA)', async () => {
    const { page } = await open();
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(o: object): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe;
      const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
  });
});
