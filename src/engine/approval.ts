import type { Finding } from '../results/schema.js';
import { shownText } from '../text/shown-text.js';

/**
 * A post authorised in its front matter (`approved-by:` and `approved-on:`) keeps its findings
 * under the clauses a senior leader can authorise (the policy file's `authorisable:`), as
 * information naming who approved it and when.
 */
export function applyApproval(findings: Finding[], frontMatter: Record<string, unknown> | null, authorisable: ReadonlySet<string>): void {
  const by = frontMatter?.['approved-by'];
  const on = frontMatter?.['approved-on'];
  if (typeof by !== 'string' || by.trim() === '' || (typeof on !== 'string' && !(on instanceof Date)) || String(on).trim() === '') return;
  const when = on instanceof Date ? on.toISOString().slice(0, 10) : on.trim();
  for (const f of findings) {
    if (!authorisable.has(f.clause.id)) continue;
    f.severity = 'info';
    // The front matter's own words, so escaped and cut short like any text a message repeats.
    f.message = `${f.message} (authorised by ${shownText(by.trim(), 60)} on ${shownText(when, 20)})`;
  }
}
