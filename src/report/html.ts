import { formatOf, OBJECT, parseDocument } from '../documents/index.js';
import { LineIndex } from '../text/positions.js';
import { CATEGORIES, CATEGORY_NAMES, type Category } from '../rules/schema.js';
import type { FileResult, Finding } from '../results/schema.js';
import type { Formatter } from './formatter.js';
import { groupFindings, linesOf, listOf } from './group.js';
import { plural } from './plural.js';

/**
 * One self-contained page for a person, not a program: each draft's text with every finding
 * marked where it is, the message, the advice and the policy clause's words beside it, a summary
 * by category, filters, and keys to go from finding to finding. Everything it needs is inside
 * the page: no link, font, script or picture is fetched, so it works offline and nothing leaves
 * the machine.
 */

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const RANK = { error: 0, warning: 1, info: 2 } as const;

// Colours checked for WCAG AA contrast (4.5:1 or more) against their backgrounds.
const STYLE = `
:root { color-scheme: light; --error: #a4001d; --error-bg: #fde7ea; --warning: #7a4d00; --warning-bg: #fff1d6; --info: #00507a; --info-bg: #e3f2fb; --text: #1a1a1a; --muted: #4a4a4a; --line: #d0d0d0; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); background: #fff; }
header, main, footer { max-width: 78rem; margin: 0 auto; padding: 1rem 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-top: 1px solid var(--line); padding-top: 1rem; }
.privacy { color: var(--muted); font-size: .95rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { text-align: left; padding: .25rem .75rem; border-bottom: 1px solid var(--line); }
fieldset { border: 1px solid var(--line); display: inline-block; margin: 0 1rem .5rem 0; padding: .25rem .75rem .5rem; }
legend { font-weight: 600; }
label { margin-right: .75rem; white-space: nowrap; }
.keys { color: var(--muted); font-size: .95rem; }
.draft { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5rem; }
@media (max-width: 50rem) { .draft { grid-template-columns: 1fr; } }
.text { font: 16px/1.6 Georgia, "Times New Roman", serif; white-space: pre-wrap; overflow-wrap: anywhere; background: #fafafa; border: 1px solid var(--line); padding: .75rem; margin: 0; }
mark { color: inherit; border-bottom: 3px solid; padding: 0 1px; scroll-margin: 6rem; }
mark.error { background: var(--error-bg); border-color: var(--error); }
mark.warning { background: var(--warning-bg); border-color: var(--warning); }
mark.info { background: var(--info-bg); border-color: var(--info); }
mark.off { background: none; border-color: transparent; }
mark:focus, .finding:focus { outline: 3px solid #000; outline-offset: 2px; }
.findings { list-style: none; margin: 0; padding: 0; }
.finding { border-left: 6px solid; padding: .5rem .75rem; margin-bottom: .75rem; background: #fff; scroll-margin: 6rem; }
.finding.error { border-color: var(--error); } .finding.warning { border-color: var(--warning); } .finding.info { border-color: var(--info); }
.finding.current { box-shadow: 0 0 0 2px #000; }
.badge { display: inline-block; font-size: .8rem; font-weight: 700; padding: 0 .4rem; border-radius: .25rem; margin-right: .35rem; }
.badge.error { color: #fff; background: var(--error); } .badge.warning { color: #fff; background: var(--warning); } .badge.info { color: #fff; background: var(--info); }
.badge.category, .badge.count { color: var(--text); background: #eee; }
.number { display: inline-block; min-width: 1.4rem; font-weight: 700; margin-right: .35rem; }
sup.number { min-width: 0; margin: 0 .1rem 0 0; font-size: .7rem; color: var(--muted); }
.where { color: var(--muted); font-size: .9rem; }
.message { font-weight: 600; margin: .25rem 0; }
.advice { margin: .25rem 0; }
blockquote { margin: .5rem 0 0; padding: .25rem .75rem; border-left: 3px solid var(--line); color: var(--muted); }
.text .heading { font: 700 1.15em/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.text .caption { font-style: italic; color: var(--muted); }
.hidden { display: none; }
.file-error { color: var(--error); font-weight: 600; }
`;

// Filters hide findings and their marks; n / p (or j / k) move from one shown finding to the next.
const SCRIPT = `
(() => {
  const findings = [...document.querySelectorAll('.finding')];
  const marks = [...document.querySelectorAll('mark[data-findings]')];
  const marksOf = (id) => marks.filter((m) => m.dataset.findings.split(' ').includes(id));
  const checked = (name) => new Set([...document.querySelectorAll('input[name="' + name + '"]:checked')].map((i) => i.value));
  const apply = () => {
    const categories = checked('category');
    const severities = checked('severity');
    let shown = 0;
    const hidden = new Set();
    for (const f of findings) {
      const show = categories.has(f.dataset.category) && severities.has(f.dataset.severity);
      f.classList.toggle('hidden', !show);
      if (show) shown += Number(f.dataset.count);
      else hidden.add(f.dataset.id);
    }
    // A mark stays while any of its findings is shown.
    for (const m of marks) m.classList.toggle('off', m.dataset.findings.split(' ').every((id) => hidden.has(id)));
    document.getElementById('shown').textContent = shown === 1 ? '1 finding shown' : shown + ' findings shown';
  };
  document.querySelectorAll('input[name="category"], input[name="severity"]').forEach((i) => i.addEventListener('change', apply));
  let current = -1;
  const go = (step) => {
    const visible = findings.filter((f) => !f.classList.contains('hidden'));
    if (visible.length === 0) return;
    const at = visible.indexOf(findings[current]);
    const next = visible[(at + step + visible.length) % visible.length];
    findings.forEach((f) => f.classList.remove('current'));
    current = findings.indexOf(next);
    next.classList.add('current');
    const mark = marksOf(next.dataset.id)[0];
    (mark || next).focus();
    next.scrollIntoView({ block: 'nearest' });
  };
  document.addEventListener('keydown', (event) => {
    if (event.target instanceof HTMLInputElement || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'n' || event.key === 'j') { go(1); event.preventDefault(); }
    if (event.key === 'p' || event.key === 'k') { go(-1); event.preventDefault(); }
  });
  for (const mark of marks) {
    mark.addEventListener('click', () => { const f = document.getElementById('f-' + mark.dataset.finding); current = findings.indexOf(f); f.focus(); });
    mark.addEventListener('keydown', (event) => { if (event.key === 'Enter') mark.click(); });
  }
  apply();
})();
`;

/**
 * The draft as a reader sees it (the text safepost checked: no markup, code or comments), with
 * the findings' words in marks. A finding on something a reader does not see (a link's address,
 * a photo's file metadata) is marked where it stands by a small flag.
 */
/** A finding where it is in the text, and the card (its group's first finding) that describes it. */
interface Occurrence {
  f: Finding;
  id: number;
  card: number;
}

function markedText(source: string, path: string, findings: Occurrence[]): string {
  const format = formatOf(path);
  const doc = parseDocument(source, format === 'docx' ? 'text' : format);
  const text = doc.prose.text;
  const lines = new LineIndex(source);
  // Where each character of the reader's text stands in the file.
  const at = new Int32Array(text.length);
  for (let t = 0; t < text.length; t++) at[t] = doc.prose.toSource(t, t + 1).start;
  const spans = findings
    .map(({ f, id, card }) => ({ id, card, severity: f.severity, start: lines.offset(f.line, f.column), end: Math.max(lines.offset(f.endLine, f.endColumn), lines.offset(f.line, f.column) + 1) }))
    .sort((a, b) => a.start - b.start || RANK[a.severity] - RANK[b.severity]);
  type Span = (typeof spans)[number];
  // The text's characters by where they stand in the file, so that the characters of each
  // finding are found by binary search, not by looking at the whole text for every finding.
  const bySource = Int32Array.from(text.length ? at.keys() : []).sort((x, y) => at[x] - at[y] || x - y);
  const firstAtOrAfter = (offset: number) => {
    let lo = 0;
    let hi = bySource.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[bySource[mid]] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // The findings over each character (one shared empty list for the many with none): the loop
  // below cuts the text where they change.
  const NONE: Span[] = [];
  const cover: Span[][] = new Array<Span[]>(text.length).fill(NONE);
  // The furthest source offset reached by each prefix of the text: where a flag goes.
  const reached = new Int32Array(text.length);
  for (let t = 0, most = -1; t < text.length; t++) reached[t] = most = Math.max(most, at[t]);
  // Findings with no visible character get a flag before the first character after them.
  const flags = new Map<number, Span[]>();
  for (const span of spans) {
    let k = firstAtOrAfter(span.start);
    if (k >= bySource.length || at[bySource[k]] >= span.end) {
      let lo = 0;
      let hi = text.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (reached[mid] < span.start) lo = mid + 1;
        else hi = mid;
      }
      const group = flags.get(lo);
      if (group) group.push(span);
      else flags.set(lo, [span]);
      continue;
    }
    for (; k < bySource.length && at[bySource[k]] < span.end; k++) {
      const t = bySource[k];
      if (text[t] === '\n') continue;
      if (cover[t] === NONE) cover[t] = [span];
      else cover[t].push(span);
    }
  }
  const keys = cover.map((c) => (c === NONE ? '' : c.map((s) => s.id).join(' ')));
  const cardsOf = (group: Span[]) => [...new Set(group.map((c) => c.card))];
  const out: string[] = [];
  const seen = new Set<number>();
  const open = (group: typeof spans, inner: string) => {
    const sorted = [...group].sort((x, y) => RANK[x.severity] - RANK[y.severity]);
    // Only the first piece of a finding takes focus, so Tab goes once through each finding (each
    // place of a group's); marks name the cards that describe them.
    const starts = sorted.filter((c) => !seen.has(c.id));
    const focus = starts.length ? ` tabindex="0" aria-describedby="${cardsOf(starts).map((card) => `f-${card}`).join(' ')}"` : '';
    for (const c of sorted) seen.add(c.id);
    // Where a finding starts, the number of its card, so that the text and the list match.
    const numbers = cardsOf(starts).map((card) => `<sup class="number" aria-hidden="true">${card}</sup>`).join('');
    return `${numbers}<mark class="${sorted[0].severity}" data-finding="${sorted[0].card}" data-findings="${cardsOf(sorted).join(' ')}"${focus}>${inner}</mark>`;
  };
  // Headings and captions look like themselves, so the draft reads as it will be seen.
  const style = new Uint8Array(text.length);
  for (const segment of doc.segments) {
    const kind = segment.kind === 'heading' ? 1 : segment.kind === 'caption' || segment.kind === 'image-alt' ? 2 : 0;
    if (kind) style.fill(kind, segment.start, segment.end);
  }
  const STYLE_CLASS = ['', 'heading', 'caption'];
  let t = 0;
  while (t <= text.length) {
    const flagged = flags.get(t);
    if (flagged) out.push(open(flagged, '<span aria-label="finding here">⚑</span>'));
    if (t === text.length) break;
    const here = cover[t];
    let u = t + 1;
    while (u < text.length && !flags.has(u) && style[u] === style[t] && keys[u] === keys[t]) u++;
    let piece = escape(text.slice(t, u)).split(OBJECT).join('[picture]');
    if (here.length) piece = open(here, piece);
    out.push(style[t] ? `<span class="${STYLE_CLASS[style[t]]}">${piece}</span>` : piece);
    t = u;
  }
  return out.join('');
}

function fileSection(file: FileResult, source: string | undefined, next: () => number, group: boolean): string {
  const shown = file.findings.filter((f) => !f.suppressed).map((f) => ({ f, id: next() }));
  const groups = groupFindings(shown, group ? source : undefined);
  const occurrences: Occurrence[] = groups.flatMap(({ members }) => members.map((m) => ({ ...m, card: members[0].id })));
  occurrences.sort((a, b) => a.id - b.id);
  const where = file.positions === 'paragraphs' ? 'paragraph' : 'line';
  const parts = [`<section aria-labelledby="h-${escape(file.path)}"><h2 id="h-${escape(file.path)}">${escape(file.path)} <span class="where">(posted as ${escape(file.channel)}; ${plural(shown.length, 'finding')})</span></h2>`];
  if (file.error) parts.push(`<p class="file-error">This file was not checked: ${escape(file.error)}</p>`);
  if (file.note) parts.push(`<p class="where">${escape(file.note)}</p>`);
  const cards = groups.map((g) => {
    const [{ f, id }] = g.members;
    const count = g.members.length;
    const lines = linesOf(g);
    const times = count > 1 ? `<span class="badge count">×${count}</span>` : '';
    const places = count > 1 ? `\n<p class="where places">${count} times, ${lines.length === 1 ? `all on ${where}` : `on ${where}s`} ${listOf(lines)}</p>` : '';
    // A Word draft shows no paragraph numbers: the heading and the words around the finding say where it is.
    const context = f.context ? `\n<p class="where context">${f.context.heading ? `Under “${escape(f.context.heading)}”: ` : ''}“${escape(f.context.excerpt)}”</p>` : '';
    return `<li class="finding ${f.severity}" id="f-${id}" tabindex="-1" data-id="${id}" data-count="${count}" data-category="${f.category}" data-severity="${f.severity}">
<span class="number">${id}</span><span class="badge ${f.severity}">${f.severity}</span><span class="badge category">${CATEGORY_NAMES[f.category]}</span>${times}<span class="where">${where} ${f.line}</span>${context}
<p class="message">${escape(f.message)}</p>${places}
<p class="advice"><strong>What to do:</strong> ${escape(f.suggestion)}</p>
<blockquote><strong>Policy ${escape(f.clause.id)}, ${escape(f.clause.title)}:</strong> ${escape(f.clause.text)}</blockquote></li>`;
  });
  const text = source === undefined ? '<p class="where">The draft could not be read to show it here.</p>' : `<div class="text" role="document" aria-label="The draft ${escape(file.path)}, as a reader sees it">${markedText(source, file.path, occurrences)}</div>`;
  parts.push(`<div class="draft"><div>${text}</div><ol class="findings" aria-label="Findings in ${escape(file.path)}">${cards.join('\n')}</ol></div></section>`);
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
  const sections = report.files.filter((f) => f.error || f.findings.some((x) => !x.suppressed)).map((f) => fileSection(f, options.sourceOf?.(f.path), next, options.group !== false));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>safepost report: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}</title>
<style>${STYLE}</style>
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
<script>${SCRIPT}</script>
</body>
</html>
`;
};
