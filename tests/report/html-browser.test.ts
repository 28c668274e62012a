/// <reference lib="dom" />
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { makeDocx } from '../helpers/docx.js';
import { tempFolder } from '../helpers/temp.js';

// The HTML report in a real browser: Debian's Chromium, driven by playwright-core.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const CONFIG = ['--config', 'fixtures/safepost.config.yaml'];
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 800 };

/** Where each shown card stands beside the text, and where its first mark is, in page pixels. */
const layoutOf = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.findings')].map((list) => {
      const text = list.closest('.draft')!.querySelector('.text')!.getBoundingClientRect();
      const cards = [...list.querySelectorAll('.finding:not(.hidden)')].map((card) => {
        const id = (card as HTMLElement).dataset.id!;
        const mark = [...document.querySelectorAll('mark[data-findings]')].find((m) => (m as HTMLElement).dataset.findings!.split(' ').includes(id))!;
        const box = card.getBoundingClientRect();
        return { id: Number(id), top: box.top + scrollY, bottom: box.bottom + scrollY, gap: parseFloat(getComputedStyle(card).marginBottom), markTop: mark.getBoundingClientRect().top + scrollY };
      });
      return { textBottom: text.bottom + scrollY, cards };
    }),
  );
type Layout = Awaited<ReturnType<typeof layoutOf>>;

/**
 * On a wide screen: each card starts at its mark, or, where the card before it reaches further
 * down, right under that card; never over it, and with no room left for a hidden card.
 */
function expectBesideTheirMarks(layout: Layout) {
  let aligned = 0;
  for (const { cards } of layout) {
    cards.forEach((card, i) => {
      const under = i > 0 ? cards[i - 1].bottom + cards[i - 1].gap : -Infinity;
      expect(card.top).toBeGreaterThanOrEqual(under - 1);
      expect(card.top).toBeGreaterThanOrEqual(card.markTop - 2);
      const atMark = Math.abs(card.top - card.markTop) <= 2;
      if (atMark) aligned++;
      else expect(Math.abs(card.top - under)).toBeLessThanOrEqual(1);
    });
    // The first card has nothing above it to push it down.
    if (cards.length > 0) expect(Math.abs(cards[0].top - cards[0].markTop)).toBeLessThanOrEqual(2);
  }
  return aligned;
}

interface JsonReport {
  files: Array<{ path: string; findings: Array<{ category: string; severity: string; line: number; column: number; endLine: number; endColumn: number; suppressed?: boolean }> }>;
}

describe.skipIf(!existsSync(CHROMIUM))('the HTML report in Chromium', () => {
  let browser: Browser;
  let pageUrl: string;
  // With --no-group: a card for every finding.
  let eachUrl: string;
  // A Word draft with a table.
  let wordUrl: string;
  let report: JsonReport;
  beforeAll(async () => {
    const dir = tempFolder();
    runCli(['check', 'fixtures', '--format', 'html', '-o', join(dir, 'report.html'), ...CONFIG]);
    pageUrl = pathToFileURL(join(dir, 'report.html')).href;
    runCli(['check', 'fixtures', '--format', 'html', '--no-group', '-o', join(dir, 'each.html'), ...CONFIG]);
    eachUrl = pathToFileURL(join(dir, 'each.html')).href;
    report = JSON.parse(runCli(['check', 'fixtures', '--format', 'json', ...CONFIG]).stdout) as JsonReport;
    const word = tempFolder({
      'sports.docx': await makeDocx([
        { heading: 'Sports day' },
        { paragraph: 'The results are in, and thank you to every family who came.' },
        { table: [['Race', 'Contact'], ['Sack race', 'Ring 07700 900184'], ['Relay', 'The office']], headerRow: true },
        { paragraph: 'Jo Bloggs can be reached on jo.bloggs@gmail.com about next year.' },
      ]),
    });
    runCli(['check', 'sports.docx', '--format', 'html', '-o', 'report.html'], { cwd: word });
    wordUrl = pathToFileURL(join(word, 'report.html')).href;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);
  afterAll(async () => browser?.close());

  async function open(url = pageUrl, viewport = DESKTOP) {
    const page = await browser.newPage({ viewport });
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
        return { where: card.querySelector('.position')!.textContent, text: marks.map((m) => m.textContent).join(''), category: (card as HTMLElement).dataset.category };
      }),
    );
    const expected = report.files.flatMap((file) => {
      const source = file.path.endsWith('.docx') ? null : readFileSync(join(ROOT, file.path), 'utf8').split('\n');
      return file.findings
        .filter((f) => !f.suppressed)
        .map((f) => ({
          where: file.path.endsWith('.docx') ? `paragraph ${f.line}, character ${f.column}` : `line ${f.line}, column ${f.column}`,
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
      [...document.querySelectorAll('.finding')].map((card) => ({ where: card.querySelector('.position')!.textContent, count: Number((card as HTMLElement).dataset.count) })),
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
  });

  it('puts each card beside its mark on a wide screen, under the one before where they would meet, and in order on a phone', async () => {
    const { page, problems } = await open();
    const wide = await layoutOf(page);
    // Most cards stand at their marks; the rest are pushed down by a card before them.
    expect(expectBesideTheirMarks(wide)).toBeGreaterThan(10);
    // Hidden cards leave no gap: the cards after them move up to their marks.
    await page.getByLabel('contact details and identifiers').uncheck();
    const filtered = await layoutOf(page);
    expectBesideTheirMarks(filtered);
    expect(filtered.flatMap((l) => l.cards).length).toBeLessThan(wide.flatMap((l) => l.cards).length);
    await page.getByLabel('contact details and identifiers').check();

    // On a phone the cards come after the text, one under the other in their order.
    await page.setViewportSize(PHONE);
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.finding')].every((card) => card.style.marginTop === ''));
    for (const { textBottom, cards } of await layoutOf(page)) {
      cards.forEach((card, i) => {
        expect(card.top).toBeGreaterThan(i === 0 ? textBottom : cards[i - 1].bottom);
        if (i > 0) expect(card.id).toBeGreaterThan(cards[i - 1].id);
        // With no room of their own above them.
        expect(card.top - (i === 0 ? textBottom : cards[i - 1].bottom + cards[i - 1].gap)).toBeLessThan(40);
      });
    }
    // Back on a wide screen, beside their marks again.
    await page.setViewportSize(DESKTOP);
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.finding')].some((card) => card.style.marginTop !== ''));
    expectBesideTheirMarks(await layoutOf(page));
    // A card whose technical details are opened grows, and the cards under it move down.
    await page.locator('.technical summary').first().click();
    expectBesideTheirMarks(await layoutOf(page));
    expect(problems).toEqual([]);
  });

  it('shows a Word draft’s table as a table, its finding marked in its cell and its card beside it', async () => {
    const { page, problems } = await open(wordUrl);
    const table = await page.evaluate(() => {
      const element = document.querySelector('.text table.word-table')!;
      // A cell's words, without the card numbers set before its marks.
      const words = (cell: Element) => {
        const copy = cell.cloneNode(true) as Element;
        copy.querySelectorAll('sup.number').forEach((n) => n.remove());
        return copy.textContent;
      };
      return {
        rows: [...element.querySelectorAll('tr')].map((row) => [...row.children].map((cell) => `${cell.tagName.toLowerCase()}:${words(cell)}`)),
        marked: element.querySelector('td mark')?.textContent,
      };
    });
    expect(table).toEqual({
      rows: [
        ['th:Race', 'th:Contact'],
        ['td:Sack race', 'td:Ring 07700 900184'],
        ['td:Relay', 'td:The office'],
      ],
      marked: '07700 900184',
    });
    const [{ cards }] = await layoutOf(page);
    expect(cards.length).toBeGreaterThan(1);
    expectBesideTheirMarks([{ textBottom: 0, cards }]);
    expect(await page.locator('.finding').first().locator('.context').textContent()).toBe('Under “Sports day”, in the table cell “Ring *** 184”');
    expect(problems).toEqual([]);
  });

  // The README's pictures of the report: SAFEPOST_SCREENSHOT=1 npx vitest run tests/report/html-browser.test.ts
  it.runIf(process.env.SAFEPOST_SCREENSHOT)('makes the README’s pictures of the report, at a desktop’s width and a phone’s', async () => {
    const dir = tempFolder();
    runCli(['check', 'fixtures/summer-fair-newsletter.docx', '--format', 'html', '-o', join(dir, 'report.html'), ...CONFIG]);
    for (const [viewport, name] of [
      [DESKTOP, 'html-report.png'],
      [PHONE, 'html-report-phone.png'],
    ] as const) {
      const { page } = await open(pathToFileURL(join(dir, 'report.html')).href, viewport);
      await page.locator('section').first().screenshot({ path: join(ROOT, 'docs', name) });
    }
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

  it.each([
    // The pages are made before the tests run: by name, not by value.
    ['a desktop', () => pageUrl, DESKTOP],
    ['a phone', () => pageUrl, PHONE],
    ['a desktop, for a Word draft with a table', () => wordUrl, DESKTOP],
  ] as const)('has no accessibility violations that axe-core finds (WCAG 2.1 A and AA) on %s', async (_, url, viewport) => {
    const { page } = await open(url(), viewport);
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(o: object): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe;
      const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
  });
});
