import { createHash } from 'node:crypto';
import type { Formatter } from './formatter.js';

const SEVERITY = { error: 'major', warning: 'minor', info: 'info' } as const;

const hash = (...parts: Array<string | number>) => createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);

/**
 * GitLab's code-quality report (`artifacts: reports: codequality`): the fields GitLab requires,
 * `description`, `check_name`, `fingerprint`, `severity` and `location.path` with
 * `location.lines.begin`, and the end line.
 *
 * GitLab compares fingerprints between a merge request and its target branch, so a fingerprint
 * must stay the same when a finding moves to another line, and differ between two findings.
 * It is made from the rule, the path, the masked message (already in the description, so it
 * reveals nothing more) and which occurrence of that message in the file it is.
 */
export const gitlab: Formatter = (report) => {
  const issues: object[] = [];
  for (const file of report.files) {
    if (file.error) {
      issues.push({
        type: 'issue',
        check_name: 'file-not-checked',
        description: `safepost could not check this file: ${file.error}`,
        fingerprint: hash('file-not-checked', file.path),
        severity: 'major',
        location: { path: file.path, lines: { begin: file.errorLine ?? 1 } },
      });
    }
    const seen = new Map<string, number>();
    for (const f of file.findings) {
      if (f.suppressed) continue;
      const key = `${f.ruleId}\u0000${f.message}`;
      const occurrence = (seen.get(key) ?? 0) + 1;
      seen.set(key, occurrence);
      issues.push({
        type: 'issue',
        check_name: f.ruleId,
        description: `${f.message}. ${f.suggestion} (policy ${f.clause.id}: ${f.clause.title})`,
        categories: ['Security'],
        fingerprint: hash(f.ruleId, file.path, f.message, occurrence),
        severity: SEVERITY[f.severity],
        location: { path: file.path, lines: { begin: f.line, end: f.endLine } },
      });
    }
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
};
