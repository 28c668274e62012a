import { CHANNELS, ChannelSchema, type Channel, type Clause, type LoadedRule, type Severity } from '../rules/schema.js';

export type SeverityOverride = Severity | 'off';

/** A rule's severity on a channel: the config's `rules:` setting, else the rule's own for the channel (off for a rule
 * that is off unless turned on). */
export function severityOf(rule: LoadedRule, channel: Channel, overrides?: Record<string, SeverityOverride>): SeverityOverride {
  const override = overrides?.[rule.id];
  if (override) return override;
  if (!rule.enabled) return 'off';
  if (typeof rule.severity === 'string') return rule.severity;
  return rule.severity[channel] ?? rule.severity.default;
}

/** The clause a rule's finding cites on a channel: the channel's own where the rule gives one. */
export function clauseOf(rule: LoadedRule, channel: Channel): Clause {
  return rule.channelClauses?.[channel] ?? rule.clauseData;
}

/**
 * Who is posting a draft: its front matter's `channel:`, else the run's. A front matter value
 * that is not a channel leaves the run's and says what to write instead, with the line of the
 * `channel:` key in `source`. The value itself is never repeated: a draft's front matter can
 * hold anything, a child's name or a terminal's escape codes.
 */
export function channelOf(
  frontMatter: Record<string, unknown> | null,
  fallback: Channel,
  source = '',
): { channel: Channel; problem?: { message: string; line?: number } } {
  const declared = frontMatter?.channel;
  if (declared === undefined) return { channel: fallback };
  const parsed = ChannelSchema.safeParse(declared);
  if (parsed.success) return { channel: parsed.data };
  return {
    channel: fallback,
    problem: { message: `front matter channel is not one safepost knows; use ${CHANNELS.join(', ').replace(/, (?=[^,]*$)/, ' or ')}`, line: frontMatterKeyLine(source, 'channel') },
  };
}

/** The line of a top-level key in a draft's front matter, when it can be found. */
function frontMatterKeyLine(source: string, key: string): number | undefined {
  const lines = source.split(/\r?\n/, 500);
  if (!/^(?:\uFEFF)?---[ \t]*$/.test(lines[0] ?? '')) return undefined;
  for (let i = 1; i < lines.length && !/^(?:---|\.\.\.)[ \t]*$/.test(lines[i]); i++) {
    if (new RegExp(`^["']?${key}["']?[ \t]*:`).test(lines[i])) return i + 1;
  }
  return undefined;
}
