import type { Document } from '../documents/index.js';
import { CATEGORIES, CATEGORY_NAMES, type Category, type Channel } from '../rules/schema.js';
import type { FileResult, Finding } from '../results/schema.js';
import { splitAdvice } from './advice.js';
import type { Formatter } from './formatter.js';
import { groupFindings, linesOf, listOf, type FindingGroup } from './group.js';
import { draftView, type Occurrence } from './html-draft.js';
import { escapeHtml } from './html-escape.js';
import { PAGE_SCRIPT } from './html-script.js';
import { PAGE_STYLE } from './html-style.js';
import { plural } from './plural.js';

/**
 * One self-contained page for a person, not a program: each draft's text with every finding
 * marked where it is, the message, the advice and the policy clause's words beside it, a summary
 * by category, filters, and keys to go from finding to finding. Each card says where its finding
 * is as a reader would (the heading above it, its paragraph's first words), keeps commands and
 * positions in a line for the technical team, and stands beside its mark on a wide screen.
 * Everything it needs is inside the page: no link, font, script or picture is fetched, so it
 * works offline and nothing leaves the machine.
 */

// Who posts on each channel, as the report's reader would say it.
const POSTED_AS: Record<Channel, string> = {
  official: 'on the school’s or the trust’s own account',
  'staff-personal': 'by a member of staff on their own account',
  parent: 'by a parent',
  pupil: 'by a pupil',
};

/** Where a finding is, for whoever runs safepost: "line 3, column 6" (in a Word draft, its paragraph and character). */
const positionOf = (f: Finding, file: FileResult) => (file.positions === 'paragraphs' ? `paragraph ${f.line}, character ${f.column}` : `line ${f.line}, column ${f.column}`);

function card(g: FindingGroup<{ f: Finding; id: number }>, file: FileResult, place: string | undefined): string {
  const [{ f, id }] = g.members;
  const count = g.members.length;
  const lines = linesOf(g);
  const where = file.positions === 'paragraphs' ? 'paragraph' : 'line';
  const times = count > 1 ? `<span class="badge count">×${count}</span>` : '';
  const places = count > 1 ? `\n<p class="where places">Found ${count} times in this draft: each place is marked in the text with this card’s number.</p>` : '';
  // Without the draft's text, a Word finding still has its heading and the words around it.
  const fallback = f.context ? `${f.context.heading ? `Under “${f.context.heading}”, n` : 'N'}ear “${f.context.excerpt}”` : undefined;
  const shownPlace = place ?? fallback;
  const context = shownPlace ? `\n<p class="where context">${escapeHtml(shownPlace)}</p>` : '';
  const advice = splitAdvice(f.suggestion);
  const technical = [
    `Rule <code>${escapeHtml(f.ruleId)}</code> at <span class="position">${positionOf(f, file)}</span>${count > 1 ? `, found on ${lines.length === 1 ? `that ${where} only` : `${where}s ${listOf(lines)}`}` : ''}.`,
    ...advice.technical.map(escapeHtml),
  ];
  return `<li class="finding ${f.severity}" id="f-${id}" tabindex="-1" data-id="${id}" data-count="${count}" data-category="${f.category}" data-severity="${f.severity}">
<span class="number">${id}</span><span class="badge ${f.severity}">${f.severity}</span><span class="badge category">${CATEGORY_NAMES[f.category]}</span>${times}${context}
<p class="message">${escapeHtml(f.message)}</p>${places}
<p class="advice"><strong>What to do:</strong> ${escapeHtml(advice.plain || 'Ask whoever looks after your website to follow the technical note below.')}</p>
<blockquote><strong>Policy ${escapeHtml(f.clause.id)}, ${escapeHtml(f.clause.title)}:</strong> ${escapeHtml(f.clause.text)}</blockquote>
<details class="technical"><summary>For the technical team</summary><p>${technical.join(' ')}</p></details></li>`;
}

function fileSection(file: FileResult, source: string | undefined, word: Document | undefined, next: () => number, group: boolean): string {
  const shown = file.findings.filter((f) => !f.suppressed).map((f) => ({ f, id: next() }));
  const groups = groupFindings(shown, group ? source : undefined);
  const occurrences: Occurrence[] = groups.flatMap(({ members }) => members.map((m) => ({ ...m, card: members[0].id })));
  occurrences.sort((a, b) => a.id - b.id);
  const heading = `h-${escapeHtml(file.path)}`;
  const parts = [`<section aria-labelledby="${heading}"><h2 id="${heading}">${escapeHtml(file.path)} <span class="where">(posted ${POSTED_AS[file.channel]}; ${plural(shown.length, 'finding')})</span></h2>`];
  if (file.error) parts.push(`<p class="file-error">This file was not checked: ${escapeHtml(file.error)}</p>`);
  if (file.note) parts.push(`<p class="where">${escapeHtml(file.note)}</p>`);
  const view = source === undefined ? undefined : draftView(source, file.path, occurrences, word);
  const cards = groups.map((g) => card(g, file, view?.placeOf.get(g.members[0].id)));
  const text = view ? `<div class="text" role="document" aria-label="The draft ${escapeHtml(file.path)}, as a reader sees it">${view.html}</div>` : '<p class="where">The draft could not be read to show it here.</p>';
  parts.push(`<div class="draft"><div>${text}</div><ol class="findings" aria-label="Findings in ${escapeHtml(file.path)}">${cards.join('\n')}</ol></div></section>`);
  return parts.join('\n');
}

export const html: Formatter = (report, options) => {
  let counter = 0;
  const next = () => ++counter;
  const all = report.files.flatMap((f) => f.findings.filter((x) => !x.suppressed));
  const count = (category: string, severity: string) => all.filter((f) => f.category === category && f.severity === severity).length;
  const used = CATEGORIES.filter((c) => all.some((f) => f.category === c));
  const summary = used
    .map((c) => `<tr><th scope="row">${CATEGORY_NAMES[c]}</th><td>${count(c, 'error')}</td><td>${count(c, 'warning')}</td><td>${count(c, 'info')}</td></tr>`)
    .join('');
  const filters = (name: string, values: readonly string[], label: (value: string) => string = (v) => v) =>
    values.map((v) => `<label><input type="checkbox" name="${name}" value="${v}" checked> ${label(v)}</label>`).join('');
  const { errors, warnings, infos, files } = report.summary;
  const sections = report.files.filter((f) => f.error || f.findings.some((x) => !x.suppressed)).map((f) => fileSection(f, options.sourceOf?.(f.path), options.documentOf?.(f.path), next, options.group !== false));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>safepost report: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header>
<h1>safepost report</h1>
<p>${plural(files, 'draft')} checked against The Mercian Trust's Social Networking Policy: <strong>${plural(errors, 'error')}</strong>, ${plural(warnings, 'warning')}, ${infos} for information.</p>
<p class="privacy">This page shows your drafts in full, so keep it on this computer. It needs no internet connection and sends nothing anywhere. Personal details in the messages are partly hidden.</p>
</header>
<main>
${used.length ? `<table><caption class="where">Findings by category</caption><thead><tr><th scope="col">category</th><th scope="col">errors</th><th scope="col">warnings</th><th scope="col">info</th></tr></thead><tbody>${summary}</tbody></table>` : '<p>Nothing to change: no finding in any draft.</p>'}
<form aria-label="Filters" onsubmit="return false">
<fieldset><legend>Categories</legend>${filters('category', used, (c) => CATEGORY_NAMES[c as Category])}</fieldset>
<fieldset><legend>Severities</legend>${filters('severity', ['error', 'warning', 'info'])}</fieldset>
<p class="keys"><span id="shown" aria-live="polite"></span>. Press <kbd>n</kbd> for the next finding and <kbd>p</kbd> for the previous one; Tab goes through the marked text.</p>
</form>
${sections.join('\n')}
</main>
<footer class="where">Made by safepost. Each finding cites the clause of the policy it breaks, word for word.</footer>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
};
