import { z } from 'zod';
import type { EntityType, PartOfSpeech, Tense } from '../language/index.js';

import { CHANNELS } from '../types/channels.js';

export { CHANNELS };
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
/** Each category in the words of a report for people. */
export const CATEGORY_NAMES: Record<(typeof CATEGORIES)[number], string> = {
  'pupil-name': 'pupils’ names',
  'contact-details': 'contact details and identifiers',
  imagery: 'photos and images',
  'sensitive-topic': 'sensitive school topics',
  'special-category': 'health, beliefs and other special category data',
  location: 'children’s whereabouts',
  conduct: 'conduct',
};
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

const ClauseIdSchema = z
  .string({
    error: (issue) =>
      typeof issue.input === 'number' ? 'put the clause id in quotes ("7.9"): YAML reads 7.10 as the number 7.1' : undefined,
  })
  .min(1);

/** A value for each channel, with a default: `{ default: error, official: warning }`. */
const byChannel = <T extends z.ZodType>(value: T) =>
  z.strictObject({
    default: value,
    official: value.optional(),
    'staff-personal': value.optional(),
    parent: value.optional(),
    pupil: value.optional(),
  });

const SeverityByChannel = byChannel(SeveritySchema);
const ClauseByChannel = byChannel(ClauseIdSchema);

const ExampleSchema = z.union([
  z.string(),
  z.strictObject({ text: z.string(), channel: ChannelSchema.optional() }),
]);

const RuleBase = {
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case words joined by hyphens, such as exam-results'),
  category: CategorySchema,
  severity: z.union([SeveritySchema, SeverityByChannel]),
  /** The clause a finding cites; or one for each channel, where the policy has its own words for one ({ default: 6(b), parent: 6.1(d) }). */
  clause: z.union([ClauseIdSchema, ClauseByChannel]),
  channels: z.array(ChannelSchema).min(1).default([...CHANNELS]),
  description: z.string().optional(),
  /** A template: {{match}} is the matched text (masked unless `quote: true`). */
  message: z.string().min(1),
  suggestion: z.string().min(1),
  /** Whether {{match}} may repeat the matched words; never for personal details. */
  quote: z.boolean().default(false),
  /** `false`: the rule runs only where the config's `rules:` gives it a severity, as ESLint's rules do. */
  enabled: z.boolean().default(true),
  /** Phrases that cancel a match they overlap or stand within `within` words of. */
  unless: z
    .strictObject({
      phrases: z.array(z.string().trim().min(1, 'must not be empty')).default([]),
      within: z.number().int().min(0).max(50).default(0),
      /** A match that names the organisation's own school or trust (read from `official.domains`) is not a finding. */
      official: z.boolean().default(false),
      /** A match in a heading or title is not a finding: there it names a topic ("GCSE Results 2025"), it does not report one. */
      headings: z.boolean().default(false),
      /** A match that is someone's name is not a finding: a pupil's name, a name of the config's `allow` lists, or a capitalised word where a name stands ("Tracey Dick", "Mr Cox"). */
      names: z.boolean().default(false),
    })
    .optional(),
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

export const POS_TAGS = [
  'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X',
] as const satisfies readonly PartOfSpeech[];
export const ENTITY_TYPES = [
  'PERSON', 'PLACE', 'ORG', 'TIME', 'DATE', 'DURATION', 'CARDINAL', 'ORDINAL', 'PERCENT', 'MONEY', 'EMAIL', 'URL', 'HASHTAG', 'MENTION',
] as const satisfies readonly EntityType[];
export const TENSES = ['past', 'present', 'future', 'none'] as const satisfies readonly Tense[];

/** One value or a list of them; `what` says what a value must be when one is not. */
const oneOrMore = <T extends z.ZodType>(item: T, what: string) =>
  z.union([item, z.array(item).min(1, 'needs at least one entry')], { error: () => `${what}, or a list of them` });
const Words = oneOrMore(z.string().trim().min(1), 'a word or phrase');
const PosTags = oneOrMore(z.enum(POS_TAGS), `a part of speech (${POS_TAGS.join(', ')})`);
const EntityTypes = oneOrMore(z.enum(ENTITY_TYPES), `an entity type (${ENTITY_TYPES.join(', ')})`);
const ClassName = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case words joined by hyphens, such as place-noun');

/** The longest repeat of one token condition: it bounds how far a sequence looks ahead. */
export const MAX_REPEAT = 8;

/** What a token condition looks at: any it gives must hold (or, under `not`, none may). */
const TokenFields = {
  /** Words or phrases, matched on the normal form (lower case, one kind of apostrophe). */
  word: Words.optional(),
  /** Dictionary forms: `be` matches is, are, 're, was. */
  lemma: Words.optional(),
  pos: PosTags.optional(),
  entity: EntityTypes.optional(),
  /** A named word class, defined in a classes.yaml. */
  class: ClassName.optional(),
  /** Part of a pupil's name, as the name rules find it: on the roster, or without one a name the lexicon knows. */
  name: z.literal(true).optional(),
};
const givesOne = (c: { word?: unknown; lemma?: unknown; pos?: unknown; entity?: unknown; class?: unknown; name?: unknown }) =>
  Boolean(c.word || c.lemma || c.pos || c.entity || c.class || c.name);
const GIVE_ONE = 'give at least one of word, lemma, pos, entity, class or name';

/** What a token of a sequence must not be: none of the words, lemmas, tags, entity types or class given. */
const ExceptSchema = z.strictObject(TokenFields).refine(givesOne, GIVE_ONE);

/** One token (or phrase) of a sequence: every condition it gives must hold. */
export const TokenConditionSchema = z
  .strictObject({
    ...TokenFields,
    /** The most tokens between the previous condition's match and this one's, for this condition only. */
    window: z.number().int().min(0).max(MAX_REPEAT, `at most ${MAX_REPEAT}`).optional(),
    /** No token matched may be any of these: `not: { class: school-site }`. */
    not: ExceptSchema.optional(),
    /**
     * No token skipped before it (by a window) may be any of these: `between: { class: someone }`
     * makes "her first steps with her new walking frame" match from the nearer "her".
     */
    between: ExceptSchema.optional(),
    optional: z.boolean().default(false),
    /** Least and most times in a row: [1, 4]. */
    repeat: z
      .tuple([z.number().int().min(0), z.number().int().min(1).max(MAX_REPEAT, `at most ${MAX_REPEAT}`)])
      .refine(([min, max]) => min <= max, 'the least ([0]) must not be more than the most ([1])')
      .optional(),
  })
  .refine(givesOne, GIVE_ONE);
export type TokenCondition = z.infer<typeof TokenConditionSchema>;

export const SequenceRuleSchema = z.strictObject({
  ...RuleBase,
  kind: z.literal('sequence'),
  tokens: z.array(TokenConditionSchema).min(1, 'needs at least one token condition'),
  /** The most tokens that may stand between the matches of two conditions in a row. */
  window: z.number().int().min(0).max(MAX_REPEAT, `at most ${MAX_REPEAT}`).default(0),
  /** Keep a match only when a clause it touches speaks of one of these times. */
  tense: oneOrMore(z.enum(TENSES), `a tense (${TENSES.join(', ')})`).optional(),
});

/** A named word class: any of its words or phrases, or any token with its part of speech or entity type. */
export const WordClassSchema = z
  .strictObject({
    description: z.string().optional(),
    words: z.array(z.string().trim().min(1, 'must not be empty')).optional(),
    lemma: Words.optional(),
    pos: PosTags.optional(),
    entity: EntityTypes.optional(),
    /** Pupils' names belong to the class too, as the name rules find them. */
    name: z.literal(true).optional(),
    /** Word lists from maintained sources whose words belong to it: `lists: [wordnet/health-conditions]`. */
    lists: z.array(z.string()).min(1, 'needs at least one list').optional(),
    /** Other classes whose members belong to this one too. */
    include: z.array(ClassName).min(1, 'needs at least one class').optional(),
  })
  .refine((c) => c.words?.length || c.lemma || c.pos || c.entity || c.name || c.lists || c.include, 'give words, lemma, pos, entity, name, lists or include');
export type WordClass = z.infer<typeof WordClassSchema>;
export const ClassesFileSchema = z.record(ClassName, WordClassSchema);

export const RuleSchema = z.discriminatedUnion('kind', [PatternRuleSchema, PhraseRuleSchema, DetectorRuleSchema, SequenceRuleSchema]);
export type Rule = z.infer<typeof RuleSchema>;
export type PatternRule = z.infer<typeof PatternRuleSchema>;
export type PhraseRule = z.infer<typeof PhraseRuleSchema>;
export type DetectorRule = z.infer<typeof DetectorRuleSchema>;
export type SequenceRule = z.infer<typeof SequenceRuleSchema>;

/**
 * A rule as loaded, with where it came from (for messages) and its clause resolved. `builtIn`:
 * one of the package's own rules, whose patterns run on RegExp; others' run in linear time.
 */
export type LoadedRule = Rule & {
  file: string;
  /** The clause its findings cite, and any a channel cites instead. */
  clauseData: Clause;
  channelClauses?: Partial<Record<Channel, Clause>>;
  builtIn: boolean;
  /** A sequence rule's word classes, by name, as its classes files define them. */
  classes?: Record<string, WordClass>;
};
