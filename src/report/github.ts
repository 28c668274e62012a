import { printable } from '../text/shown-text.js';
import type { Formatter } from './formatter.js';

// GitHub workflow commands: data escapes %, CR and LF; properties also : and ,. The log shows
// escape codes as colours, and has no escape for them: other control characters are spelt out.
const data = (s: string) => printable(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** Annotations for GitHub Actions: `::error file=…,line=…,col=…::message`. */
export const github: Formatter = (report) => {
  const out: string[] = [];
  for (const file of report.files) {
    if (file.error) {
      out.push(`::error file=${property(file.path)}${file.errorLine ? `,line=${file.errorLine}` : ''},title=${property('safepost: file not checked')}::${data(file.error)}`);
    }
    for (const f of file.findings) {
      if (f.suppressed) continue;
      const props = [
        `file=${property(file.path)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${property(`${f.clause.id} ${f.clause.title} (${f.ruleId})`)}`,
      ];
      out.push(`::${COMMAND[f.severity]} ${props.join(',')}::${data(`${f.message}. ${f.suggestion}`)}`);
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
};
