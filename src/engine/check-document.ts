import type { DetectorContext } from '../detectors/index.js';
import type { Document } from '../documents/index.js';
import type { Finding } from '../results/schema.js';
import type { Channel, LoadedRule, Severity } from '../rules/schema.js';
import { LineIndex } from '../text/positions.js';
import { compactText } from '../text/shown-text.js';
import { tokenize } from '../text/tokens.js';
import { severityOf, type SeverityOverride } from './channel.js';
import type { CompiledRuleSet } from './compile.js';
import { mask } from './mask.js';
import { findMatches } from './match.js';
import { Suppressions } from './suppress.js';

export interface DocumentCheckOptions {
  channel: Channel;
  /** Config `rules:` settings: a rule turned off or given another severity. */
  overrides?: Record<string, SeverityOverride>;
  /** Put the exact matched text in each finding (`match`); off by default for privacy. */
  showMatches?: boolean;
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
    if (name === 'clause') return rule.clauseData.id;
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
  const { channel, overrides } = options;
  const active = rules.rules.map(({ rule }) => rule.channels.includes(channel) && severityOf(rule, channel, overrides) !== 'off');
  if (!active.some(Boolean)) return [];
  const text = doc.prose.text;
  const matches = findMatches(rules, text, tokenize(text), active, doc, context);
  if (matches.length === 0) return [];

  const lines = new LineIndex(doc.source);
  const suppressions = new Suppressions(doc.suppressions, lines, doc.source);
  const findings: Finding[] = [];
  for (const m of matches) {
    const { rule } = rules.rules[m.rule];
    const span = m.source ? { start: m.start, end: m.end } : doc.prose.toSource(m.start, m.end);
    const start = lines.position(span.start);
    const end = lines.position(span.end);
    const matched = { text: m.source ? doc.source.slice(m.start, m.end) : text.slice(m.start, m.end), data: m.data };
    const finding: Finding = {
      ruleId: rule.id,
      category: rule.category,
      severity: severityOf(rule, channel, overrides) as Severity,
      message: fillTemplate(rule.message, rule, matched, channel),
      clause: rule.clauseData,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      suggestion: fillTemplate(rule.suggestion, rule, matched, channel),
    };
    if (options.showMatches) finding.match = doc.source.slice(span.start, span.end);
    if (!suppressions.empty && suppressions.covers(span.start, start.line, rule.id, rule.category)) {
      finding.suppressed = true;
    }
    findings.push(finding);
  }
  return sortFindings(findings);
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
