import { z } from 'zod';
import { ChannelSchema } from '../rules/schema.js';

const RuleSettingsSchema = z.record(z.string(), z.enum(['off', 'error', 'warning', 'info']));

/**
 * `safepost.config.yaml`. The contract fixes channel, roster, official and allow; the rest is ours.
 * The descriptions go into the JSON Schema that `npm run build` makes for editors.
 */
export const ConfigFileSchema = z.strictObject({
  channel: ChannelSchema.optional().describe('Who is posting, for drafts whose front matter does not say: official, staff-personal, parent or pupil.'),
  roster: z.string().min(1).optional().describe('The pupil roster: a CSV with first_name and last_name columns, or a hashed roster; relative to this file.'),
  official: z
    .strictObject({
      domains: z.array(z.string().min(1)).optional().describe("The organisation's email and web domains (subdomains too)."),
      phones: z.array(z.string().min(1)).optional().describe("The organisation's phone numbers, in any spacing or +44 form."),
      addresses: z.array(z.string().min(1)).optional().describe("The organisation's postal addresses."),
      handles: z.array(z.string().min(1)).optional().describe('The organisation\'s social media accounts, such as "@BrookfieldAcad".'),
    })
    .optional()
    .describe("The organisation's own contact details: never reported."),
  allow: z
    .strictObject({
      names: z.array(z.string().min(1)).optional().describe('People who may be named: staff, consented adults.'),
      adults: z
        .union([z.array(z.string().min(1)), z.string().min(1)])
        .optional()
        .describe("The school's adults (staff, governors, volunteers), never pupils: a list of names, or a file of them relative to this file."),
    })
    .optional()
    .describe('People who may be named.'),
  rules: RuleSettingsSchema.optional().describe('Turn a rule off or change its severity: { exam-results: "off" }. "safepost rules" lists the ids.'),
  'rule-folders': z.array(z.string().min(1)).optional().describe('Folders of extra rule files, relative to this file.'),
  ignores: z.array(z.string().min(1)).optional().describe('Drafts never to check, with the syntax of .gitignore, relative to this file: [public/, "*.draft.md"].'),
  overrides: z
    .array(
      z.strictObject({
        files: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).describe('Globs relative to this file; a folder stands for every draft in it.'),
        channel: ChannelSchema.optional().describe('Who is posting, for these drafts (their front matter still decides).'),
        rules: RuleSettingsSchema.optional().describe("Rule settings for these drafts, over the config's."),
        allow: z.strictObject({ names: z.array(z.string().min(1)).optional() }).optional().describe('More people who may be named in these drafts.'),
      }),
    )
    .optional()
    .describe('Settings for the drafts of some folders or files, over the config\'s: the later of two that match wins.'),
});
export type ConfigFile = z.infer<typeof ConfigFileSchema>;

// A value with every key present, as the config's defaults fill it.
type Filled<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };

/** A config with defaults filled and every path made absolute. */
export interface ResolvedConfig {
  /** The file it came from, if any. */
  file?: string;
  channel?: ConfigFile['channel'];
  roster?: string;
  official: Filled<NonNullable<ConfigFile['official']>>;
  allow: { names: string[]; adults: string[] | { file: string } };
  rules: NonNullable<ConfigFile['rules']>;
  ruleFolders: string[];
  /** The `ignores:` patterns and the folder they are relative to. */
  ignores?: { base: string; patterns: string[] };
  /** The `overrides:`, each with the folder its globs are relative to. */
  overrides?: ConfigOverride[];
  /** Where each `rules:` entry is, for messages about unknown rule ids. */
  ruleLines?: Record<string, number>;
}

/** One entry of `overrides:`, its globs relative to `base` (the config's folder). */
export interface ConfigOverride {
  files: string[];
  base: string;
  channel?: ConfigFile['channel'];
  rules: NonNullable<ConfigFile['rules']>;
  allowNames: string[];
}
