import { ChannelSchema, type Channel, type LoadedRule, type Severity } from '../rules/schema.js';

export type SeverityOverride = Severity | 'off';

/** A rule's severity on a channel: the config's `rules:` setting, else the rule's own for the channel. */
export function severityOf(rule: LoadedRule, channel: Channel, overrides?: Record<string, SeverityOverride>): SeverityOverride {
  const override = overrides?.[rule.id];
  if (override) return override;
  if (typeof rule.severity === 'string') return rule.severity;
  return rule.severity[channel] ?? rule.severity.default;
}

/**
 * Who is posting a draft: its front matter's `channel:`, else the run's. A front matter value
 * that is not a channel leaves the run's and says what to write instead.
 */
export function channelOf(frontMatter: Record<string, unknown> | null, fallback: Channel): { channel: Channel; problem?: string } {
  const declared = frontMatter?.channel;
  if (declared === undefined) return { channel: fallback };
  const parsed = ChannelSchema.safeParse(declared);
  if (parsed.success) return { channel: parsed.data };
  return {
    channel: fallback,
    problem: `front matter channel "${String(declared)}" is not a channel; use official, staff-personal, parent or pupil`,
  };
}
