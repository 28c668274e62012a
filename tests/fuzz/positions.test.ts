import { join } from 'node:path';
import fc from 'fast-check';
import { decodeHTML } from 'entities';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createChecker, formatOf, parseDocument, type Finding } from '../../src/index.js';
import { applyEdits, planRedaction } from '../../src/redact/plan.js';
import { draftOf, lfDraftOf, withLineEndings } from './drafts.js';

/**
 * Random drafts of every format through the checker and the redaction: every finding's span
 * must lie in the file, its line and column must agree with where its text stands, and the
 * redacted copy must differ from the draft only inside reported spans.
 *
 * `npm test` runs a short, fixed-seed run; `npm run fuzz` a long one (FUZZ_RUNS drafts a
 * format, a new seed each time unless FUZZ_SEED is given). A failure prints its seed and the
 * smallest draft that fails.
 */
const LONG = process.env.npm_lifecycle_event === 'fuzz';
const RUNS = Number(process.env.FUZZ_RUNS ?? (LONG ? 10_000 : 150));
const SEED = Number(process.env.FUZZ_SEED ?? (LONG ? Date.now() % 2 ** 31 : 20_261_202));

const ROOT = join(import.meta.dirname, '..', '..');
const checker = createChecker({ cwd: ROOT, config: 'fixtures/safepost.config.yaml', showMatches: true });
// Sequence rules need the linguistic layer before checkText.
beforeAll(() => checker.ready());

/** Where each line starts, counted independently of the code under test: LF, CRLF, lone CR. */
function lineTable(text: string): Array<{ start: number; length: number }> {
  const lines: Array<{ start: number; length: number }> = [];
  let start = 0;
  for (const m of text.matchAll(/\r\n|\r|\n/g)) {
    lines.push({ start, length: m.index - start });
    start = m.index + m[0].length;
  }
  lines.push({ start, length: text.length - start });
  return lines;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function fail(message: string, finding?: Finding): never {
  throw new Error(finding ? `${message}: ${JSON.stringify({ ruleId: finding.ruleId, line: finding.line, column: finding.column, endLine: finding.endLine, endColumn: finding.endColumn, match: finding.match })}` : message);
}

/** The source offsets of a finding, checked to lie inside its file and its lines. */
function spanOf(text: string, lines: ReturnType<typeof lineTable>, f: Finding): { start: number; end: number } {
  const offset = (line: number, column: number) => {
    const l = lines[line - 1];
    if (!l) fail(`line ${line} is past the file's ${lines.length} lines`, f);
    if (column < 1 || column - 1 > l.length) fail(`column ${column} is outside line ${line} (${l.length} characters)`, f);
    return l.start + column - 1;
  };
  const start = offset(f.line, f.column);
  const end = offset(f.endLine, f.endColumn);
  if (end < start) fail('the span ends before it starts', f);
  if (f.match === undefined) fail('no match shown', f);
  if (text.slice(start, end) !== f.match) fail(`the file holds ${JSON.stringify(text.slice(start, end))} at the span`, f);
  if (start === end && f.category !== 'imagery') fail('empty span', f);
  if (isLow(text.charCodeAt(start)) && isHigh(text.charCodeAt(start - 1))) fail('the span starts inside a surrogate pair', f);
  if (isLow(text.charCodeAt(end)) && isHigh(text.charCodeAt(end - 1))) fail('the span ends inside a surrogate pair', f);
  return { start, end };
}

const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;

/**
 * What a finding's text must look like for its rule, after entities, escapes and emphasis are
 * read: a name is whole words, a number has its digits, an email its @.
 */
function checkMatchFitsRule(text: string, span: { start: number; end: number }, f: Finding): void {
  const read = decodeHTML(f.match!).replace(/\\(.)/g, '$1').replace(/[*_~`]/g, '');
  let plausible = true;
  if (f.category === 'pupil-name' && f.ruleId !== 'photo-metadata-name' && f.ruleId !== 'image-with-pupil-name') {
    // A word character just before is allowed when it ends an escape (`\\t`, `\\u00e9`, `%20`) that stands for something else.
    const escaped = /(?:\\(?:[a-zA-Z0-9]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})|%[0-9a-fA-F]{2})$/.test(text.slice(Math.max(0, span.start - 10), span.start));
    plausible = /\p{L}/u.test(read) && (escaped || !WORD_CHARACTER.test(text[span.start - 1] ?? ' ')) && !WORD_CHARACTER.test(text[span.end] ?? ' ');
  } else if (f.ruleId === 'personal-phone-number') {
    plausible = (read.match(/\d/g) ?? []).length >= 9;
  } else if (f.ruleId === 'personal-email-address') {
    plausible = read.includes('@');
  }
  if (!plausible) fail(`the text at the span is not what ${f.ruleId} finds`, f);
}

/**
 * Every letter and digit a reader sees maps back to that character in the file, or to the
 * entity or escape that stands for it: a coarse or shifted mapping puts findings in the wrong place.
 */
function checkProseMapsBack(text: string, path: string): void {
  const doc = parseDocument(text, formatOf(path));
  const prose = doc.prose.text;
  for (let t = 0; t < prose.length; t++) {
    const ch = prose[t];
    if (!/[\p{L}\p{N}]/u.test(ch)) continue;
    const { start, end } = doc.prose.toSource(t, t + 1);
    const stands = text.slice(start, end);
    if (stands === ch) continue;
    // An entity, an escape, or a punycode host shown in its letters stands for its text as a whole.
    if (stands.length > 1 && (/^[&\\%]|^xn--/.test(stands) || decodeHTML(stands).includes(ch))) continue;
    fail(`the reader's ${JSON.stringify(ch)} at ${t} of ${JSON.stringify(prose.slice(Math.max(0, t - 20), t + 20))} maps to ${JSON.stringify(stands)} at [${start}, ${end})`);
  }
}

const seen = { drafts: 0, findings: 0, edits: 0, rules: new Map<string, number>() };
afterAll(() => {
  if (!LONG) return;
  const rules = [...seen.rules].sort((a, b) => b[1] - a[1]).map(([rule, count]) => `${rule} ${count}`);
  console.log(`fuzz: ${seen.drafts} drafts, ${seen.findings} findings and ${seen.edits} redaction edits checked (seed ${SEED})\n  ${rules.join(', ')}`);
});

function checkDraft(text: string, path: string): void {
  checkProseMapsBack(text, path);
  const result = checker.checkText(text, path);
  seen.drafts++;
  seen.findings += result.findings.length;
  for (const f of result.findings) seen.rules.set(f.ruleId, (seen.rules.get(f.ruleId) ?? 0) + 1);
  const lines = lineTable(text);
  const spans = result.findings.map((f) => spanOf(text, lines, f));
  result.findings.forEach((f, i) => checkMatchFitsRule(text, spans[i], f));

  // The redacted copy: the draft with some reported spans replaced, and nothing else changed.
  const { edits } = planRedaction(text, result.findings, parseDocument(text, formatOf(path)).images);
  seen.edits += edits.length;
  let rebuilt = '';
  let at = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    if (!spans.some((s) => s.start === edit.start && s.end === edit.end)) fail(`an edit at [${edit.start}, ${edit.end}) is no finding's span`);
    if (edit.start < at) fail(`edits overlap at ${edit.start}`);
    rebuilt += text.slice(at, edit.start) + edit.replacement;
    at = edit.end;
  }
  rebuilt += text.slice(at);
  if (applyEdits(text, edits) !== rebuilt) fail('the redacted copy changes text outside the edits');
  // The command checks its copy again (a first name can still identify a child): those spans too.
  if (edits.length > 0) {
    const again = checker.checkText(rebuilt, path);
    const rebuiltLines = lineTable(rebuilt);
    for (const f of again.findings) spanOf(rebuilt, rebuiltLines, f);
  }
}

/** The findings of a draft as they would be with LF line endings (the same lines and columns). */
function findingsAsLf(text: string, path: string) {
  return checker.checkText(text, path).findings.map((f) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    at: `${f.line}:${f.column}-${f.endLine}:${f.endColumn}`,
    match: f.match?.replace(/\r\n?/g, '\n'),
    suppressed: f.suppressed ?? false,
  }));
}

describe('fuzzed drafts', () => {
  for (const format of ['md', 'html', 'txt'] as const) {
    it(
      `${format}: every finding's span is exact, and redaction changes only those spans (${RUNS} drafts, seed ${SEED})`,
      () => {
        fc.assert(
          fc.property(draftOf(format), (text) => checkDraft(text, `draft.${format}`)),
          { numRuns: RUNS, seed: SEED },
        );
      },
      Math.max(20_000, RUNS * 50),
    );
    it(
      `${format}: the same draft with CRLF or lone CR line endings has the same findings as with LF (${Math.ceil(RUNS / 3)} drafts, seed ${SEED})`,
      () => {
        fc.assert(
          fc.property(lfDraftOf(format), (text) => {
            const path = `draft.${format}`;
            const lf = JSON.stringify(findingsAsLf(text, path));
            for (const ending of ['\r\n', '\r']) {
              const other = JSON.stringify(findingsAsLf(withLineEndings(text, [ending]), path));
              if (other !== lf) fail(`with ${JSON.stringify(ending)}: ${other}\nwith LF: ${lf}`);
            }
          }),
          { numRuns: Math.ceil(RUNS / 3), seed: SEED },
        );
      },
      Math.max(20_000, RUNS * 50),
    );
  }
});
