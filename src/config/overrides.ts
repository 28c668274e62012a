import { globMatcher } from '../fs/globs.js';
import type { Channel } from '../rules/schema.js';
import type { ConfigOverride, ResolvedConfig } from './schema.js';

/** What the config's `overrides:` make of its settings for one draft. */
export interface DraftSettings {
  channel?: Channel;
  rules: ResolvedConfig['rules'];
  /** Names allowed besides the config's. */
  allowNames: string[];
  /** Which overrides matched, as a key: drafts with the same key share their settings. */
  key: string;
}

const matchers = new WeakMap<ConfigOverride, (absolute: string) => boolean>();

/** Whether an override's `files` match a draft: globs as `--exclude` reads them, relative to the config's folder. */
function matches(override: ConfigOverride, absolute: string): boolean {
  let test = matchers.get(override);
  if (!test) matchers.set(override, (test = globMatcher(override.files, override.base)));
  return test(absolute);
}

/**
 * The settings for the draft at `absolute`: the config's, with those of each override whose
 * `files` match it (relative to the config's folder) laid over them in order, the later winning;
 * null when none matches.
 */
export function settingsFor(config: ResolvedConfig, absolute: string): DraftSettings | null {
  let settings: DraftSettings | null = null;
  (config.overrides ?? []).forEach((override, i) => {
    if (!matches(override, absolute)) return;
    settings ??= { rules: { ...config.rules }, allowNames: [], key: '' };
    if (override.channel) settings.channel = override.channel;
    Object.assign(settings.rules, override.rules);
    settings.allowNames.push(...override.allowNames);
    settings.key += `${i} `;
  });
  return settings;
}

/** The overrides (by their place in the list) whose `files` match none of these drafts: a glob that may be mistyped. */
export function unmatchedOverrides(config: ResolvedConfig, drafts: string[]): number[] {
  return (config.overrides ?? []).flatMap((override, i) => (drafts.some((absolute) => matches(override, absolute)) ? [] : [i]));
}
