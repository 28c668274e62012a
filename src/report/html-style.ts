/**
 * The HTML report's style sheet, inside the page as everything of it is. On wide screens the
 * draft and its cards stand side by side (the page's script then lines each card up with its
 * mark); on narrow ones, and without the script, the cards follow the draft in their order.
 */
// Colours checked for WCAG AA contrast (4.5:1 or more) against their backgrounds.
export const PAGE_STYLE = `
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
.text .word-table { margin: .25rem 0; border-collapse: collapse; }
.text .word-table td, .text .word-table th { border: 1px solid var(--line); padding: .15rem .5rem; vertical-align: top; }
.technical { margin: .4rem 0 0; color: var(--muted); font-size: .9rem; }
.technical summary { cursor: pointer; width: fit-content; }
.technical p { margin: .25rem 0 0; }
code { font: .9em/1.4 ui-monospace, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.hidden { display: none; }
.file-error { color: var(--error); font-weight: 600; }
`;
