import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { SafepostError } from '../errors.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { shownPath } from '../text/shown-path.js';
import { ConfigFileSchema, type ResolvedConfig } from './schema.js';
import { lineOf, readYamlFile, validateYaml, yamlValue } from '../text/yaml-file.js';
import { shownText } from '../text/shown-text.js';

export const CONFIG_FILE_NAME = 'safepost.config.yaml';

/** `safepost.config.yaml` in `from` or the nearest parent folder that has one. */
export function findConfigFile(from: string): string | undefined {
  let dir = resolve(from);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The JSON Schema of the config file, made by `npm run build` and shipped in the package. */
export const CONFIG_SCHEMA_FILE = join(PACKAGE_ROOT, 'dist', 'config.schema.json');

export const EMPTY_CONFIG: ResolvedConfig = {
  official: { domains: [], phones: [], addresses: [], handles: [] },
  allow: { names: [], adults: [] },
  rules: {},
  ruleFolders: [],
};

/** Reads and checks a config file; every problem is a SafepostError naming the file and line. */
export function loadConfigFile(path: string, cwd = process.cwd()): ResolvedConfig {
  const name = shownPath(path, cwd);
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new SafepostError(`${name}: is a folder; give the config file itself`);
  }
  const file = readYamlFile(path, name);
  const read = yamlValue(file.doc);
  if ('error' in read) throw new SafepostError(`${name}:${file.lines.linePos(read.error.offset).line}: not valid YAML: ${read.error.message}`);
  const config = validateYaml(file, ConfigFileSchema, name, read.value ?? {});
  const base = dirname(resolve(path));
  let roster: string | undefined;
  if (config.roster) {
    roster = resolve(base, config.roster);
    checkReadable(roster, `${name}:${lineOf(file, ['roster'])}: roster`, cwd);
  }
  let adults: string[] | { file: string } = [];
  const listed = config.allow?.adults;
  if (typeof listed === 'string') {
    adults = { file: resolve(base, listed) };
    checkReadable(adults.file, `${name}:${lineOf(file, ['allow', 'adults'])}: adults list`, cwd);
  } else if (listed) adults = listed;
  const ruleFolders = (config['rule-folders'] ?? []).map((folder, i) => {
    const abs = resolve(base, folder);
    if (!existsSync(abs) || !statSync(abs).isDirectory()) {
      throw new SafepostError(
        `${name}:${lineOf(file, ['rule-folders', i])}: rule folder "${shownText(folder, 80)}" not found (paths are relative to the config file)`,
      );
    }
    return abs;
  });
  return {
    file: resolve(path),
    channel: config.channel,
    roster,
    official: {
      domains: config.official?.domains ?? [],
      phones: config.official?.phones ?? [],
      addresses: config.official?.addresses ?? [],
      handles: config.official?.handles ?? [],
    },
    allow: { names: config.allow?.names ?? [], adults },
    rules: config.rules ?? {},
    ruleFolders,
    ...(config.ignores ? { ignores: { base, patterns: config.ignores } } : {}),
    ...(config.overrides
      ? {
          overrides: config.overrides.map((o) => ({
            files: typeof o.files === 'string' ? [o.files] : o.files,
            base,
            ...(o.channel ? { channel: o.channel } : {}),
            rules: o.rules ?? {},
            allowNames: o.allow?.names ?? [],
          })),
        }
      : {}),
    ruleLines: Object.fromEntries([
      // A rule an override names (the first such), where the config's `rules:` does not.
      ...(config.overrides ?? []).flatMap((o, i) => Object.keys(o.rules ?? {}).map((id) => [id, lineOf(file, ['overrides', i, 'rules', id])])).reverse(),
      ...Object.keys(config.rules ?? {}).map((id) => [id, lineOf(file, ['rules', id])]),
    ]),
  };
}

/** Fails unless a file exists and can be read; never reads or prints what is in it. */
export function checkReadable(path: string, what: string, cwd = process.cwd()): void {
  try {
    if (statSync(path).isDirectory()) throw new SafepostError(`${what} ${shownPath(path, cwd)} is a folder, not a file`);
    accessSync(path, constants.R_OK);
  } catch (error) {
    if (error instanceof SafepostError) throw error;
    throw new SafepostError(`${what} file ${shownPath(path, cwd)} not found or not readable`);
  }
}

/** The config given, or the one found from `cwd` upwards, or the defaults. */
export function loadConfig(options: { config?: string | false; cwd?: string } = {}): ResolvedConfig {
  const cwd = options.cwd ?? process.cwd();
  if (options.config === false) return EMPTY_CONFIG;
  if (options.config) {
    const path = resolve(cwd, options.config);
    if (!existsSync(path)) throw new SafepostError(`${options.config}: config file not found`);
    return loadConfigFile(path, cwd);
  }
  const found = findConfigFile(cwd);
  return found ? loadConfigFile(found, cwd) : EMPTY_CONFIG;
}

/** Every rule the config's `rules:` names must exist: the first that does not stops the run, naming its line. */
export function checkRuleSettings(config: ResolvedConfig, ruleIds: ReadonlySet<string>, cwd = process.cwd()): void {
  const named = [...Object.keys(config.rules).map((id) => ['rules', id]), ...(config.overrides ?? []).flatMap((o) => Object.keys(o.rules).map((id) => ['overrides', id]))];
  for (const [key, id] of named) {
    if (ruleIds.has(id)) continue;
    const line = config.ruleLines?.[id];
    throw new SafepostError(
      `${config.file ? shownPath(config.file, cwd) : 'config'}${line ? `:${line}` : ''}: ${key}: no rule "${shownText(id, 60)}"; run "safepost rules" to list the rule ids`,
    );
  }
}
