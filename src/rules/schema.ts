import { z } from 'zod';

export const CHANNELS = ['official', 'staff-personal', 'parent', 'pupil'] as const;
export const CATEGORIES = [
  'pupil-name',
  'contact-details',
  'imagery',
  'sensitive-topic',
  'special-category',
  'location',
  'conduct',
] as const;
export const SEVERITIES = ['error', 'warning', 'info'] as const;

export const ChannelSchema = z.enum(CHANNELS);
export const CategorySchema = z.enum(CATEGORIES);
export const SeveritySchema = z.enum(SEVERITIES);
export type Channel = z.infer<typeof ChannelSchema>;
export type Category = z.infer<typeof CategorySchema>;
export type Severity = z.infer<typeof SeveritySchema>;

export const ClauseSchema = z.strictObject({
  id: z.string().regex(/^\d+(\.\d+)?(\([a-z]\))?$/, 'a clause id such as 7.9, 6(e) or 7.3(c)'),
  title: z.string().min(1),
  text: z.string().min(1),
});
export type Clause = z.infer<typeof ClauseSchema>;

export const PolicyFileSchema = z.strictObject({
  source: z.string(),
  /** Clauses whose findings a post's `approved-by:` and `approved-on:` turn into information. */
  authorisable: z.array(z.string()).default([]),
  clauses: z.array(ClauseSchema).min(1),
});
export type PolicyFile = z.infer<typeof PolicyFileSchema>;

const PhraseList = z.array(z.string().trim().min(1, 'must not be empty')).min(1, 'needs at least one entry');

/** Per-channel severity: `{ default: error, official: warning }`. */
const SeverityByChannel = z.strictObject({
  default: SeveritySchema,
  official: SeveritySchema.optional(),
  'staff-personal': SeveritySchema.optional(),
  parent: SeveritySchema.optional(),
  pupil: SeveritySchema.optional(),
});

const ExampleSchema = z.union([
  z.string(),
  z.strictObject({ text: z.string(), channel: ChannelSchema.optional() }),
]);

const RuleBase = {
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case words joined by hyphens, such as exam-results'),
  category: CategorySchema,
  severity: z.union([SeveritySchema, SeverityByChannel]),
  clause: z
    .string({
      error: (issue) =>
        typeof issue.input === 'number' ? 'put the clause id in quotes ("7.9"): YAML reads 7.10 as the number 7.1' : undefined,
    })
    .min(1),
  channels: z.array(ChannelSchema).min(1).default([...CHANNELS]),
  description: z.string().optional(),
  /** A template: {{match}} is the matched text (masked unless `quote: true`). */
  message: z.string().min(1),
  suggestion: z.string().min(1),
  /** Whether {{match}} may repeat the matched words; never for personal details. */
  quote: z.boolean().default(false),
  /** Phrases that cancel a match they overlap or stand within `within` words of. */
  unless: z.strictObject({ phrases: PhraseList, within: z.number().int().min(0).max(50).default(0) }).optional(),
  /** Keep a match only when one of these words stands within `within` words of it. */
  near: z
    .strictObject({
      words: z.array(z.string().trim().min(1, 'must not be empty')).default([]),
      within: z.number().int().min(1).max(50).default(8),
      /** Stretch the finding to cover the nearest of these words too ("84% ... expected standard"). */
      extend: z.boolean().default(false),
      /** A pupil's name (found by the pupil-names detector) counts as a near word too. */
      names: z.boolean().default(false),
    })
    .optional(),
  /** Match word forms too (Porter stemmer) in `phrases`, `unless` and `near`: "inspected" matches "inspection". */
  stem: z.boolean().default(false),
  /** Texts the rule must flag (the span in [[double brackets]]) and must not flag; checked by the tests. */
  examples: z
    .strictObject({
      match: z.array(ExampleSchema).default([]),
      'no-match': z.array(ExampleSchema).default([]),
      /** A text the rule flags and the same news written within the policy, for `safepost explain`. */
      rewrite: z.strictObject({ before: z.string().min(1), after: z.string().min(1) }).optional(),
    })
    .optional(),
};

export const PatternRuleSchema = z.strictObject({
  ...RuleBase,
  kind: z.literal('pattern'),
  patterns: z.array(z.string().min(1)).min(1, 'needs at least one pattern'),
  'case-sensitive': z.boolean().default(false),
  /** Words one of which a text must have for the patterns to run at all: a speed hint. */
  requires: PhraseList.optional(),
});

export const PhraseRuleSchema = z.strictObject({
  ...RuleBase,
  kind: z.literal('phrase'),
  phrases: PhraseList,
  /** Word lists from packages, added to `phrases`: `lists: [naughty-words/en]`. */
  lists: z.array(z.string()).optional(),
});

export const DetectorRuleSchema = z.strictObject({
  ...RuleBase,
  kind: z.literal('detector'),
  detector: z.string().min(1),
  options: z.record(z.string(), z.unknown()).default({}),
  /** Keep only matches whose facts are these: `where: { kind: [phone], owner: author }`. */
  where: z.record(z.string(), z.union([z.string(), z.array(z.string()).min(1)])).optional(),
});

export const RuleSchema = z.discriminatedUnion('kind', [PatternRuleSchema, PhraseRuleSchema, DetectorRuleSchema]);
export type Rule = z.infer<typeof RuleSchema>;
export type PatternRule = z.infer<typeof PatternRuleSchema>;
export type PhraseRule = z.infer<typeof PhraseRuleSchema>;
export type DetectorRule = z.infer<typeof DetectorRuleSchema>;

/**
 * A rule as loaded, with where it came from (for messages) and its clause resolved. `builtIn`:
 * one of the package's own rules, whose patterns run on RegExp; others' run in linear time.
 */
export type LoadedRule = Rule & { file: string; clauseData: Clause; builtIn: boolean };
