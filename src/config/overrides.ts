import { relative, sep } from 'node:path';
import picomatch from 'picomatch';
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

const matchers = new WeakMap<ConfigOverride, (path: string) => boolean>();

// A glob without a wildcard names a file or a folder, and everything in the folder ("content/staff-blogs").
function matcherOf(override: ConfigOverride): (path: string) => boolean {
  let matches = matchers.get(override);
  if (!matches) {
    const globs = override.files.flatMap((p) => {
      const pattern = p.split('\\').join('/').replace(/^\.\//, '').replace(/\/+$/, '');
      return [pattern, `${pattern}/**`];
    });
    matches = picomatch(globs, { dot: true });
    matchers.set(override, matches);
  }
  return matches;
}

/**
 * The settings for the draft at `absolute`: the config's, with those of each override whose
 * `files` match it (relative to the config's folder) laid over them in order, the later winning;
 * null when none matches.
 */
export function settingsFor(config: ResolvedConfig, absolute: string): DraftSettings | null {
  let settings: DraftSettings | null = null;
  (config.overrides ?? []).forEach((override, i) => {
    const path = relative(override.base, absolute).split(sep).join('/');
    if (path === '' || path.startsWith('../') || !matcherOf(override)(path)) return;
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
  return (config.overrides ?? []).flatMap((override, i) =>
    drafts.some((absolute) => {
      const path = relative(override.base, absolute).split(sep).join('/');
      return path !== '' && !path.startsWith('../') && matcherOf(override)(path);
    })
      ? []
      : [i],
  );
}
