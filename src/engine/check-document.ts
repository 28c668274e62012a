import type { DetectorContext } from '../detectors/index.js';
import type { Document } from '../documents/index.js';
import type { Finding } from '../results/schema.js';
import type { Channel, LoadedRule, Severity } from '../rules/schema.js';
import { LineIndex } from '../text/positions.js';
import { compactText } from '../text/shown-text.js';
import { tokenize } from '../text/tokens.js';
import { clauseOf, severityOf, type SeverityOverride } from './channel.js';
import type { CompiledRuleSet } from './compile.js';
import { mask } from './mask.js';
import { findMatches } from './match.js';
import { Suppressions, type DirectiveProblem } from './suppress.js';

export interface DocumentCheckOptions {
  channel: Channel;
  /** Config `rules:` settings: a rule turned off or given another severity. */
  overrides?: Record<string, SeverityOverride>;
  /** Put the exact matched text in each finding (`match`); off by default for privacy. */
  showMatches?: boolean;
  /**
   * Where to say what is wrong with the draft's disable comments: a name that is no rule id or
   * category of `known`, and with `reportUnused` a comment that hid nothing.
   */
  directives?: { known: ReadonlySet<string>; reportUnused: boolean; problems: DirectiveProblem[] };
}

/**
 * Fills a message template: {{match}} (masked unless the rule may quote), {{clause}},
 * {{channel}}, and any fact the detector gave ({{detail}}); then a capital first letter.
 */
function fillTemplate(template: string, rule: LoadedRule, m: { text: string; data?: Record<string, string> }, channel: Channel): string {
  if (!template.includes('{{')) return template;
  const shown = m.text.replace(/\s+/g, ' ').trim();
  const quoted = rule.quote ? (shown.length > 80 ? `${shown.slice(0, 77)}...` : shown) : mask(shown, m.data?.kind);
  const filled = template.replace(/\{\{\s*([a-z-]+)\s*\}\}/gi, (whole, name: string) => {
    if (name === 'match') return quoted;
    if (name === 'clause') return clauseOf(rule, channel).id;
    if (name === 'channel') return channel;
    return m.data?.[name] ?? whole;
  });
  return compactText(filled.charAt(0).toUpperCase() + filled.slice(1));
}

/** Every finding of the active rules in one parsed document, sorted by position then rule. */
export function checkDocument(
  doc: Document,
  rules: CompiledRuleSet,
  options: DocumentCheckOptions,
  /** What the rules' detectors need (see `CompiledRuleSet.needs`). */
  context: Partial<DetectorContext> = {},
): Finding[] {
  const { directives } = options;
  const findings = findingsOf(doc, rules, options, context);
  if (directives && doc.suppressions.length > 0) {
    const suppressions = findings.suppressions ?? new Suppressions(doc.suppressions, new LineIndex(doc.source), doc.source);
    directives.problems.push(...suppressions.problems(directives.known, directives.reportUnused));
  }
  return findings.list;
}

function findingsOf(
  doc: Document,
  rules: CompiledRuleSet,
  { channel, overrides, showMatches }: DocumentCheckOptions,
  context: Partial<DetectorContext>,
): { list: Finding[]; suppressions?: Suppressions } {
  const active = rules.rules.map(({ rule }) => rule.channels.includes(channel) && severityOf(rule, channel, overrides) !== 'off');
  if (!active.some(Boolean)) return { list: [] };
  const text = doc.prose.text;
  const matches = findMatches(rules, text, tokenize(text), active, { segments: doc.segments, images: doc.images, channel }, context);
  if (matches.length === 0) return { list: [] };

  // Pupils' names inside a passage another rule quotes are masked in its message.
  const names = matches.filter((m) => !m.source && rules.rules[m.rule].rule.category === 'pupil-name').sort((a, b) => a.start - b.start);
  const quotable = (m: (typeof matches)[number]) => {
    let shown = '';
    let at = m.start;
    for (const name of names) {
      if (name.end <= at || name.start >= m.end) continue;
      shown += text.slice(at, Math.max(at, name.start)) + mask(text.slice(Math.max(at, name.start), Math.min(m.end, name.end)));
      at = Math.min(m.end, name.end);
    }
    return shown + text.slice(at, m.end);
  };
  const lines = new LineIndex(doc.source);
  const suppressions = new Suppressions(doc.suppressions, lines, doc.source);
  const findings: Finding[] = [];
  const spans: Span[] = [];
  for (const m of matches) {
    const { rule } = rules.rules[m.rule];
    const span = m.source ? { start: m.start, end: m.end } : doc.prose.toSource(m.start, m.end);
    const start = lines.position(span.start);
    const end = lines.position(span.end);
    const matched = { text: m.source ? doc.source.slice(m.start, m.end) : rule.quote ? quotable(m) : text.slice(m.start, m.end), data: m.data };
    const finding: Finding = {
      ruleId: rule.id,
      category: rule.category,
      severity: severityOf(rule, channel, overrides) as Severity,
      message: fillTemplate(rule.message, rule, matched, channel),
      clause: clauseOf(rule, channel),
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      suggestion: fillTemplate(rule.suggestion, rule, matched, channel),
    };
    if (showMatches) finding.match = doc.source.slice(span.start, span.end);
    if (!suppressions.empty && suppressions.covers(span.start, start.line, rule.id, rule.category)) {
      finding.suppressed = true;
    }
    findings.push(finding);
    // An image's findings say different things about it (no consent; a name in its file name),
    // and a rule of one's own is always shown.
    spans.push({ ...span, apart: m.source === true || !rule.builtIn });
  }
  return { list: sortFindings(mergeOverlaps(findings, spans, doc.source)), suppressions };
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/**
 * Findings of safepost's own rules of one category whose passages of text overlap are one finding
 * ("meet by the canal bridge at 12.40" is one whereabouts, whichever rules saw it): the most
 * severe rule's, the longest on a tie, over the passages together.
 */
interface Span {
  start: number;
  end: number;
  /** Never merged with another. */
  apart: boolean;
}

/**
 * Categories whose findings of one clause a few characters apart in one paragraph are one passage
 * too: what is wrong with a rant or an invitation is the passage as a whole ("add me, go for it,
 * ping me on messenger"), and a paragraph that repeats one insult is one finding, not thousands.
 * Findings of different clauses stay apart, so that each breach is cited.
 */
const PASSAGE_GAP: Partial<Record<Finding['category'], number>> = { conduct: 60 };

/** Whether the source between two findings is short and holds no blank line, which ends a passage. */
function inOnePassage(source: string, from: number, to: number, gap: number | undefined): boolean {
  return gap !== undefined && to - from <= gap && !/\n[ \t]*\r?\n/.test(source.slice(from, to));
}

function mergeOverlaps(findings: Finding[], spans: Span[], source: string): Finding[] {
  const order = findings.map((_, i) => i).sort((a, b) => spans[a].start - spans[b].start || spans[b].end - spans[a].end);
  const groups: Array<{ members: number[]; end: number }> = [];
  const open = new Map<string, { members: number[]; end: number }>();
  for (const i of order) {
    const key = `${findings[i].category} ${findings[i].suppressed === true}`;
    const group = spans[i].apart ? undefined : open.get(key);
    const sameClause = () => group!.members.some((m) => findings[m].clause.id === findings[i].clause.id);
    if (group && (spans[i].start < group.end || (inOnePassage(source, group.end, spans[i].start, PASSAGE_GAP[findings[i].category]) && sameClause()))) {
      group.members.push(i);
      group.end = Math.max(group.end, spans[i].end);
      continue;
    }
    const started = { members: [i], end: spans[i].end };
    if (!spans[i].apart) open.set(key, started);
    groups.push(started);
  }
  const length = (i: number) => spans[i].end - spans[i].start;
  return groups.map(({ members }) => {
    if (members.length === 1) return findings[members[0]];
    const winner = members.reduce((a, b) => (RANK[findings[b].severity] - RANK[findings[a].severity] || length(b) - length(a)) > 0 ? b : a);
    const last = members.reduce((a, b) => (spans[b].end > spans[a].end ? b : a));
    const merged: Finding = { ...findings[winner], line: findings[members[0]].line, column: findings[members[0]].column, endLine: findings[last].endLine, endColumn: findings[last].endColumn };
    if (merged.match !== undefined) merged.match = source.slice(spans[members[0]].start, spans[last].end);
    return merged;
  });
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      a.line - b.line ||
      a.column - b.column ||
      a.endLine - b.endLine ||
      a.endColumn - b.endColumn ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}
