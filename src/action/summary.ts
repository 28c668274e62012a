import { plural } from '../report/plural.js';
import type { Report } from '../results/schema.js';
import { CATEGORIES, CATEGORY_NAMES } from '../rules/schema.js';
import { printable } from '../text/shown-text.js';

// A step summary is at most 1 MiB; past these rows the log and the SARIF report have the rest.
const ROWS_SHOWN = 500;

/** Text for a cell of a Markdown table: no bar, no line break, no HTML. */
const cell = (text: string) =>
  printable(text)
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|');

export interface SummaryOptions {
  /** On a pull request: only its changed lines were counted. */
  pullRequest: boolean;
  /** Where the SARIF report was written, and where code scanning shows it once uploaded. */
  sarif?: { file: string; url?: string };
}

/**
 * The job's step summary, in Markdown: the counts by category and every finding in a table (up to
 * ROWS_SHOWN), as GitHub shows only ten annotations of each kind a step.
 */
export function stepSummary(report: Report, { pullRequest, sarif }: SummaryOptions): string {
  const { errors, warnings, infos, fileErrors } = report.summary;
  const out: string[] = [];
  const counted = [plural(errors, 'error'), plural(warnings, 'warning')].join(' and ');
  out.push(`### safepost: ${counted} in ${plural(report.summary.files, 'draft')}`, '');
  if (pullRequest) out.push('Only the lines this pull request changed are counted.', '');
  const findings = report.files.flatMap((file) => file.findings.filter((f) => !f.suppressed).map((f) => ({ file, f })));
  if (findings.length > 0) {
    out.push('| category | errors | warnings | info |', '| --- | ---: | ---: | ---: |');
    for (const category of CATEGORIES) {
      const of = findings.filter(({ f }) => f.category === category);
      if (of.length === 0) continue;
      const count = (severity: string) => of.filter(({ f }) => f.severity === severity).length;
      out.push(`| ${CATEGORY_NAMES[category]} | ${count('error')} | ${count('warning')} | ${count('info')} |`);
    }
    out.push('', '| file | line | rule | message | clause |', '| --- | ---: | --- | --- | --- |');
    for (const { file, f } of findings.slice(0, ROWS_SHOWN)) {
      const where = file.positions === 'paragraphs' ? `paragraph ${f.line}` : String(f.line);
      out.push(`| ${cell(file.path)} | ${where} | ${cell(f.ruleId)} | ${f.severity}: ${cell(f.message)} | ${cell(f.clause.id)} |`);
    }
    if (findings.length > ROWS_SHOWN) out.push('', `And ${plural(findings.length - ROWS_SHOWN, 'more finding')}: the job's log lists them all.`);
    if (infos > 0) out.push('', `${plural(infos, 'finding')} of these ${infos === 1 ? 'is' : 'are'} for information only.`);
  }
  const unread = report.files.filter((file) => file.error);
  if (fileErrors > 0) {
    out.push('', `${plural(fileErrors, 'draft')} could not be checked:`, '');
    for (const file of unread) out.push(`- ${cell(file.path)}: ${cell(file.error!)}`);
  }
  if (sarif) {
    const where = sarif.url ? `; once uploaded with github/codeql-action/upload-sarif, its findings are in [code scanning](${sarif.url})` : '';
    out.push('', `The SARIF report is in \`${cell(sarif.file).replace(/`/g, "'")}\`${where}.`);
  }
  return `${out.join('\n')}\n`;
}
