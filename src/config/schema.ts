import { z } from 'zod';
import { ChannelSchema } from '../rules/schema.js';

const RuleSettingsSchema = z.record(z.string(), z.enum(['off', 'error', 'warning', 'info']));

/** `safepost.config.yaml`. The contract fixes channel, roster, official and allow; the rest is ours. */
export const ConfigFileSchema = z.strictObject({
  /** Default channel for drafts whose front matter does not say. */
  channel: ChannelSchema.optional(),
  /** Pupil list (CSV), relative to the config file. */
  roster: z.string().min(1).optional(),
  /** The organisation's own contact details: never reported. */
  official: z
    .strictObject({
      domains: z.array(z.string().min(1)).optional(),
      phones: z.array(z.string().min(1)).optional(),
      /** The organisation's postal addresses (safepost's own key). */
      addresses: z.array(z.string().min(1)).optional(),
      /** The organisation's social media accounts: "@BrookfieldAcad" (safepost's own key). */
      handles: z.array(z.string().min(1)).optional(),
    })
    .optional(),
  /** People who may be named. */
  allow: z
    .strictObject({
      names: z.array(z.string().min(1)).optional(),
      /** The school's adults (staff, governors, volunteers): a list of names, or a file of them (safepost's own key). */
      adults: z.union([z.array(z.string().min(1)), z.string().min(1)]).optional(),
    })
    .optional(),
  /** Turn a rule off or change its severity: `rules: { exam-results: off }`. */
  rules: RuleSettingsSchema.optional(),
  /** Folders of extra rule files, relative to the config file. */
  'rule-folders': z.array(z.string().min(1)).optional(),
  /** Drafts never to check, with the syntax of .gitignore, relative to the config file: `ignores: [public/, "*.draft.md"]`. */
  ignores: z.array(z.string().min(1)).optional(),
  /** Settings for the drafts of some folders or files, over the config's: the later of two that match wins. */
  overrides: z
    .array(
      z.strictObject({
        /** Globs relative to the config file: `content/staff-blogs/**`. */
        files: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
        channel: ChannelSchema.optional(),
        rules: RuleSettingsSchema.optional(),
        allow: z.strictObject({ names: z.array(z.string().min(1)).optional() }).optional(),
      }),
    )
    .optional(),
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
