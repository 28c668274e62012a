import { Chalk } from 'chalk';
import type { Finding } from '../results/schema.js';
import { printable } from '../text/shown-text.js';
import type { Formatter } from './formatter.js';
import { plural } from './plural.js';


/** The terminal report: grouped by file, one finding a line with its clause and advice below. */
export const stylish: Formatter = (report, { color }) => {
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
    const pos = shown.map((f) => `${f.line}:${f.column}`);
    // Widest by a loop: spreading a file's findings into Math.max overflows the stack on a big one.
    let posWidth = 0;
    for (const p of pos) if (p.length > posWidth) posWidth = p.length;
    let sevWidth = 0;
    for (const f of shown) if (f.severity.length > sevWidth) sevWidth = f.severity.length;
    const indent = ' '.repeat(2 + posWidth + 2 + sevWidth + 2);
    shown.forEach((f, i) => {
      const sev = severityText(f) + ' '.repeat(sevWidth - f.severity.length);
      out.push(`  ${c.dim(pos[i].padEnd(posWidth))}  ${sev}  ${f.message}  ${c.bold(f.clause.id)}  ${c.dim(f.ruleId)}`);
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
