import { Chalk } from 'chalk';
import type { Finding } from '../results/schema.js';
import { printable } from '../text/shown-text.js';
import type { Formatter } from './formatter.js';
import { groupFindings, linesOf, listOf } from './group.js';
import { plural } from './plural.js';

// A group's lines past these are a count: the line stays readable in a terminal.
const LINES_SHOWN = 10;

/**
 * The terminal report: grouped by file, one finding a line with its clause and advice below. The
 * findings of one rule on the same words are one line, with their count and the lines they are on.
 */
export const stylish: Formatter = (report, { color, sourceOf, group }) => {
  const c = new Chalk({ level: color ? 1 : 0 });
  const severityText = (f: Finding) =>
    f.severity === 'error' ? c.red('error') : f.severity === 'warning' ? c.yellow('warning') : c.blue('info');
  const out: string[] = [];
  for (const file of report.files) {
    const shown = file.findings.filter((f) => !f.suppressed);
    if (shown.length === 0 && !file.error) continue;
    const where = file.positions === 'paragraphs' ? ', paragraph:column' : '';
    out.push(`${c.underline(printable(file.path))}  ${c.dim(`(${file.channel}${where})`)}`);
    if (file.error) {
      const where = file.errorLine ? `${file.errorLine}:1` : '0:0';
      out.push(`  ${c.dim(where)}  ${c.red('error')}  ${printable(file.findings.length ? file.error : `could not check this file: ${file.error}`)}`);
    }
    const groups = groupFindings(
      shown.map((f) => ({ f })),
      group === false ? undefined : sourceOf?.(file.path),
    );
    const pos = groups.map(({ members: [{ f }] }) => `${f.line}:${f.column}`);
    // Widest by a loop: spreading a file's findings into Math.max overflows the stack on a big one.
    let posWidth = 0;
    for (const p of pos) if (p.length > posWidth) posWidth = p.length;
    let sevWidth = 0;
    for (const { members: [{ f }] } of groups) if (f.severity.length > sevWidth) sevWidth = f.severity.length;
    const indent = ' '.repeat(2 + posWidth + 2 + sevWidth + 2);
    const unit = file.positions === 'paragraphs' ? ['in paragraph', 'in paragraphs'] : ['on line', 'on lines'];
    groups.forEach((g, i) => {
      const { f } = g.members[0];
      const sev = severityText(f) + ' '.repeat(sevWidth - f.severity.length);
      const count = g.members.length > 1 ? `  ${c.bold(`×${g.members.length}`)}` : '';
      out.push(`  ${c.dim(pos[i].padEnd(posWidth))}  ${sev}  ${f.message}  ${c.bold(f.clause.id)}  ${c.dim(f.ruleId)}${count}`);
      if (count) {
        const lines = linesOf(g);
        out.push(`${indent}${c.dim(`${unit[lines.length === 1 ? 0 : 1]} ${listOf(lines, LINES_SHOWN)}`)}`);
      }
      // A Word draft has no lines to go to: the heading and the words around the finding.
      if (f.context) out.push(`${indent}${c.dim(`${f.context.heading ? `under "${printable(f.context.heading)}": ` : ''}“${printable(f.context.excerpt)}”`)}`);
      out.push(`${indent}${c.dim(`Policy ${f.clause.id}: ${f.clause.title}`)}`);
      out.push(`${indent}${c.green('→')} ${f.suggestion}`);
    });
    out.push('');
  }
  const { errors, warnings, infos, files, fileErrors, suppressed } = report.summary;
  const problems = errors + warnings + infos;
  const extra = [
    fileErrors ? plural(fileErrors, 'file') + ' not checked' : '',
    suppressed ? `${suppressed} suppressed` : '',
  ].filter(Boolean);
  if (problems === 0 && fileErrors === 0) {
    out.push(c.green(`✔ No problems found in ${plural(files, 'file')}${extra.length ? ` (${extra.join(', ')})` : ''}`));
  } else {
    const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info`;
    const line = `✖ ${plural(problems, 'problem')} (${counts}) in ${plural(files, 'file')}${extra.length ? `; ${extra.join(', ')}` : ''}`;
    out.push(errors > 0 || fileErrors > 0 ? c.red.bold(line) : c.yellow.bold(line));
  }
  return `${out.join('\n')}\n`;
};
