import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createChecker, parseDocument, formatOf } from '../../src/index.js';
import { applyEdits, planRedaction } from '../../src/redact/plan.js';
import { fingerprint } from '../../src/results/baseline.js';
import { LineIndex, lineStarts } from '../../src/text/positions.js';
import { tokenize } from '../../src/text/tokens.js';
import { runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

const ROOT = join(import.meta.dirname, '..', '..');
const checker = createChecker({ cwd: ROOT, config: false, roster: 'fixtures/pupils.csv', showMatches: true });
// Sequence rules need the linguistic layer before checkText.
beforeAll(() => checker.ready());

const ENDINGS: Record<string, string[]> = {
  LF: ['\n'],
  CRLF: ['\r\n'],
  CR: ['\r'],
  'CR CR LF': ['\r\r\n'],
  mixed: ['\r\n', '\r', '\n', '\r\r\n', '\n\r'],
};

/** Each format's draft, as lines, with the name and the number on one line. */
const DRAFTS: Record<string, (name: string, phone: string) => string[]> = {
  'a.md': (name, phone) => [
    '---',
    'title: Sports day',
    '---',
    '# News',
    '',
    'Some *words* here',
    'and `code` &amp; more.',
    '',
    `> Well done **${name}** for ${phone}.`,
    '',
  ],
  'a.html': (name, phone) => [
    '<html><body>',
    '<h1>News</h1>',
    '<p>Some <em>words</em>',
    'here &amp; more.</p>',
    '<script>',
    'var a = 1;',
    '</script>',
    `<p>Well done <b>${name}</b> for ${phone}.</p>`,
    '</body></html>',
  ],
  'a.txt': (name, phone) => ['News', '', 'Some words here', 'and more.', '', `Well done ${name} for ${phone}.`, ''],
};

/** Joins lines with the style's endings in turn; returns the text and where each line starts. */
function join_(lines: string[], endings: string[]): string {
  return lines.map((line, i) => (i === lines.length - 1 ? line : line + endings[i % endings.length])).join('');
}

/** The 1-based line and column of `offset`, counting LF, CRLF and a lone CR as editors do. */
function editorPosition(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const breaks = before.match(/\r\n|\r|\n/g) ?? [];
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line: breaks.length + 1, column: offset - (lastBreak + 1) + 1 };
}

describe('positions under every line ending', () => {
  for (const [style, endings] of Object.entries(ENDINGS)) {
    for (const [path, draft] of Object.entries(DRAFTS)) {
      it(`${style} in ${path}: exact line, column and match, and a redaction of only the span`, () => {
        const text = join_(draft('Jack Smith', '07700 900123'), endings);
        const findings = checker.checkText(text, path).findings;
        const nameAt = text.indexOf('Jack Smith');
        const phoneAt = text.indexOf('07700 900123');
        const name = findings.find((f) => f.ruleId === 'pupil-full-name');
        const phone = findings.find((f) => f.ruleId === 'personal-phone-number');
        const at = (offset: number, length: number) => {
          const start = editorPosition(text, offset);
          const end = editorPosition(text, offset + length);
          return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
        };
        expect(name).toMatchObject({ ...at(nameAt, 10), match: 'Jack Smith' });
        expect(phone).toMatchObject({ ...at(phoneAt, 12), match: '07700 900123' });

        const { edits } = planRedaction(text, findings, parseDocument(text, formatOf(path)).images);
        expect(applyEdits(text, edits)).toBe(join_(draft('Jack', '(removed)'), endings));
      });
    }
  }

  it('counts a lone CR, CRLF and LF as one line break each, and CR CR LF as two', () => {
    expect(lineStarts('a\rb\r\nc\nd\r\r\ne')).toEqual([0, 2, 5, 7, 9, 11]);
    const lines = new LineIndex('a\rb\r\nc\r\r\nd');
    expect([1, 2, 5, 6, 9].map((o) => lines.position(o))).toEqual([
      { line: 1, column: 2 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 3, column: 2 },
      { line: 5, column: 1 },
    ]);
    expect(lines.offset(5, 1)).toBe(9);
  });

  it('reads front matter whose lines end in a lone CR, with exact positions in its values', () => {
    const text = '---\rchannel: pupil\rtitle: Jack Smith won\r---\rA good day.\r';
    const result = checker.checkText(text, 'a.md');
    expect(result.channel).toBe('pupil');
    const name = result.findings.find((f) => f.ruleId === 'pupil-full-name');
    expect(name).toMatchObject({ line: 3, column: 8, endLine: 3, endColumn: 18, match: 'Jack Smith' });
  });

  it('maps inline HTML and code spans that run over a lone CR', () => {
    const text = 'Intro `some\rcode` then <span\rclass="x">Well done Jack Smith</span>.\r';
    const name = checker.checkText(text, 'a.md').findings.find((f) => f.ruleId === 'pupil-full-name');
    expect(name).toMatchObject({ line: 3, column: 21, endLine: 3, endColumn: 31, match: 'Jack Smith' });
  });

  it('hides the line after a disable-next-line comment when lines end in a lone CR', () => {
    const text = 'Jack Smith\r<!-- safepost-disable-next-line -->\r\rJack Smith\rJack Smith\r';
    const names = checker.checkText(text, 'a.md').findings.filter((f) => f.ruleId === 'pupil-full-name');
    expect(names.map((f) => [f.line, Boolean(f.suppressed)])).toEqual([
      [1, false],
      [4, true],
      [5, false],
    ]);
  });
});

describe('the same findings under every line ending', () => {
  it('ends a sentence at a blank line of lone CRs or CR CR LF, as at one of LFs', () => {
    for (const blank of ['\n\n', '\r\n\r\n', '\r\r', '\r\r\n']) expect([...tokenize(`One two${blank}three`).sentences]).toEqual([0, 0, 1]);
    expect([...tokenize('One two\r\nthree').sentences]).toEqual([0, 0, 0]);
  });

  it('reads a name at the start of a line after a lone CR as at the start of a line', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const findings = checker.checkText(`&amp;${eol}SMITH Jack the`, 'a.txt').findings;
      expect(findings.map((f) => [f.ruleId, f.line, f.column, f.endColumn])).toEqual([['pupil-first-name', 2, 7, 11]]);
      expect(checker.checkText(`Hello${eol}Jack in Year 6 won.`, 'a.txt').findings).toEqual([]);
    }
  });

  it('reads a place and a time as one sentence only on one line, whatever ends the line', () => {
    const found = (text: string) => checker.checkText(text, 'a.txt').findings.filter((f) => f.category === 'location').length;
    expect(found('Lunch is at Fosse Park at 3pm on Friday.')).toBe(1);
    for (const eol of ['\n', '\r\n', '\r']) expect(found(`Lunch is at Fosse Park${eol}At 3pm on Friday we go home.`)).toBe(0);
  });

  it("keeps a finding's baseline fingerprint when a later line changes, with lone CRs", () => {
    const print = (text: string) => {
      const finding = checker.checkText(text, 'a.txt').findings[0];
      return fingerprint('salt', 'a.txt', finding, text, new LineIndex(text));
    };
    expect(print('Well done Jack Smith\rA good day.\r')).toBe(print('Well done Jack Smith\rA very good day.\r'));
    expect(print('Well done Jack Smith\rA good day.\r')).toBe(print('Well done Jack Smith\nA good day.\n'));
  });

  it('writes "A pupil" for a name at the start of a line after a lone CR', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = `Sports day${eol}Maryam (Year 1) won.${eol}`;
      const { edits } = planRedaction(text, checker.checkText(text, 'a.txt').findings, []);
      expect(applyEdits(text, edits)).toBe(`Sports day${eol}A pupil (Year 1) won.${eol}`);
    }
  });
});

describe('safepost redact with old Mac line endings', () => {
  it('cuts the name and removes the number, and reports the line', () => {
    const dir = tempFolder({
      'pupils.csv': 'first_name,last_name\nJack,Smith\n',
      'a.md': 'Newsletter\r\rWell done Jack Smith for 07700 900123.',
    });
    const result = runCli(['redact', 'a.md', '--roster', 'pupils.csv', '--config', join(ROOT, 'tests/helpers/empty.config.yaml')], { cwd: dir });
    expect(result.stdout).toBe('Newsletter\r\rWell done Jack for (removed).');
    expect(result.stderr).toContain('line 3: full name cut to the first name (pupil-full-name)');
    expect(result.status).toBe(0);
  });
});
