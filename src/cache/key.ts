import { readFileSync } from 'node:fs';
import type { ResolvedConfig } from '../config/schema.js';
import { sha256 } from '../fs/hash.js';
import { builtInFingerprint } from '../lexicon/baked.js';
import type { LoadedRule } from '../rules/schema.js';
import { VERSION } from '../version.js';

/**
 * What besides a draft decides its findings: safepost's version, every rule and the policy,
 * the name and image word lists, the config, the roster's content and the options that change
 * results. A change to any of them empties the cache.
 */
export function cacheKey(config: ResolvedConfig, rules: LoadedRule[], options: { channel?: string; fingerprintSalt?: string; rules?: Record<string, string>; reportUnusedDisableDirectives?: boolean }): string {
  let roster: string | null = null;
  if (config.roster) {
    try {
      roster = sha256(readFileSync(config.roster));
    } catch {
      roster = 'unreadable';
    }
  }
  const { file: _file, ruleLines: _lines, ...settings } = config;
  return sha256(
    JSON.stringify({
      version: VERSION,
      rules,
      builtIn: builtInFingerprint(),
      settings,
      roster,
      channel: options.channel ?? null,
      salt: options.fingerprintSalt ?? null,
      ruleOptions: options.rules ?? null,
      unusedDirectives: options.reportUnusedDisableDirectives === true,
    }),
  );
}
