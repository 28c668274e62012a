import { resolve } from 'node:path';
import { checkReadable, checkRuleSettings, loadConfig } from '../config/load.js';
import type { ResolvedConfig } from '../config/schema.js';
import type { ContextName, DetectorContext } from '../detectors/index.js';
import { compileRules, type CompiledRuleSet } from '../engine/compile.js';
import { bakedSection } from '../lexicon/baked.js';
import { loadLanguage } from '../language/index.js';
import { loadImageWords } from '../lexicon/image-words.js';
import { loadNameLexicon } from '../lexicon/names.js';
import { ownNames } from '../detectors/own-names.js';
import { ADULTS, allowedNames, knownAdults, loadRoster, loadRosterCsv, peopleFromNames } from '../roster/index.js';
import { loadRules } from '../rules/load.js';
import { loadPolicy, type Policy } from '../rules/policy.js';
import type { Channel, LoadedRule } from '../rules/schema.js';
import { rememberStems } from '../text/tokens.js';
import { SafepostError } from '../errors.js';
import type { SeverityOverride } from '../engine/channel.js';
import { shownText } from '../text/shown-text.js';

export interface CheckerOptions {
  /** Folder that relative paths and config discovery start from. Default: the current folder. */
  cwd?: string;
  /** A config file, or `false` to use none. Default: `safepost.config.yaml` found upwards from `cwd`. */
  config?: string | false;
  /** Channel for drafts whose front matter does not say (wins over the config's). */
  channel?: Channel;
  /** Pupil roster CSV (wins over the config's). */
  roster?: string;
  /** Extra rule folders, added to those of the config. */
  ruleFolders?: string[];
  /**
   * Threads for many drafts: a number, or 'auto' for one a core when there are enough drafts
   * (the command line's default). Default 1, as an embedding program may want its threads.
   */
  concurrency?: number | 'auto';
  /** Put the exact text of each finding in the report (`match`). Off by default: it may be a personal detail. */
  showMatches?: boolean;
  /** Skip drafts unchanged since the last run: true for `.safepostcache`, or the cache file's path. */
  cache?: boolean | string;
  /** Globs of drafts not to check, relative to `cwd` (`content/archive/**`); a folder excludes all in it. */
  exclude?: string[];
  /** Leave out of folders and globs what .gitignore and .safepostignore files and the config's `ignores:` name. Default true. */
  ignore?: boolean;
  /** Say of each disable comment that hid no finding, which then fails the check. */
  reportUnusedDisableDirectives?: boolean;
  /** Rule settings over the config's and its overrides' (the command line's `--rule`). */
  rules?: Record<string, SeverityOverride>;
  /** Give each finding a `fingerprint` salted with this, for a baseline. */
  fingerprintSalt?: string;
  /** Where notes about the run itself go (a cache file made again). Default: nowhere. */
  warn?: (message: string) => void;
}

/** What a run needs before its first draft: the config, the rules compiled, what the detectors need. */
export interface Setup {
  cwd: string;
  config: ResolvedConfig;
  rules: LoadedRule[];
  compiled: CompiledRuleSet;
  policy: Policy;
  /** The channel of drafts whose front matter does not say. */
  channel: Channel;
  /** What the rules' detectors need once a run; `photos` is read for each draft. */
  context: Partial<DetectorContext>;
}

// Photos are read for each draft; the linguistic layer loads asynchronously (see `prepareLanguage`).
type RunContextName = Exclude<ContextName, 'photos' | 'language'>;

/** How each kind of context a detector may need is made, from the run's config. */
const PROVIDERS: { [K in RunContextName]: (config: ResolvedConfig, cwd: string, warn?: (message: string) => void) => DetectorContext[K] } = {
  official: (config) => config.official,
  names: (config, cwd, warn) => ({
    roster: config.roster ? loadRoster(config.roster, cwd, warn) : null,
    lexicon: loadNameLexicon(),
    allow: allowedNames(config.allow.names),
    schools: ownNames(config.official.domains),
    adults: knownAdults(Array.isArray(config.allow.adults) ? peopleFromNames(config.allow.adults) : loadRosterCsv(config.allow.adults.file, cwd, ADULTS, warn)),
  }),
  imageWords: () => loadImageWords(),
};

/** Loads the linguistic layer into the run's context when a rule needs it; nothing otherwise. */
export async function prepareLanguage(setup: Setup): Promise<void> {
  if (setup.compiled.needs.has('language') && !setup.context.language) setup.context.language = await loadLanguage();
}

/** Loads the config and rules, and makes what the rules' detectors need: once a run. */
export function setUp(options: CheckerOptions): Setup {
  const cwd = options.cwd ?? process.cwd();
  const config = { ...loadConfig({ config: options.config, cwd }) };
  if (options.roster) {
    config.roster = resolve(cwd, options.roster);
    checkReadable(config.roster, '--roster', cwd);
  }
  const rules = loadRules([...config.ruleFolders, ...(options.ruleFolders ?? [])]);
  const ids = new Set(rules.map((r) => r.id));
  checkRuleSettings(config, ids, cwd);
  for (const id of Object.keys(options.rules ?? {})) {
    if (!ids.has(id)) throw new SafepostError(`--rule: no rule "${shownText(id, 60)}"; run "safepost rules" to list the rule ids`);
  }
  const stems = bakedSection<Array<[string, string]>>('stems');
  if (stems) rememberStems(stems);
  const compiled = compileRules(rules);
  const context: Partial<DetectorContext> = {};
  for (const need of compiled.needs) {
    if (need !== 'photos' && need !== 'language') (context as Record<RunContextName, unknown>)[need] = PROVIDERS[need](config, cwd, options.warn);
  }
  return { cwd, config, rules, compiled, policy: loadPolicy(), channel: options.channel ?? config.channel ?? 'official', context };
}
