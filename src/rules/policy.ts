import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readYamlFile, validateYaml } from '../config/yaml-file.js';
import { readPrebuilt } from './prebuilt.js';
import { PolicyFileSchema, type Clause } from './schema.js';

/** The folder of built-in rules and policy data shipped with the package. */
export const BUILT_IN_RULES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'rules');
export const POLICY_FILE = join(BUILT_IN_RULES, 'policy', 'clauses.yaml');

let cached: Map<string, Clause> | null = null;

/** The package's own folder: rules/ and package.json are here. */
export const PACKAGE_ROOT = dirname(BUILT_IN_RULES);

/** The policy's clauses by id. */
export function loadClauses(): Map<string, Clause> {
  if (cached) return cached;
  const prebuilt = readPrebuilt(BUILT_IN_RULES);
  if (prebuilt) {
    cached = new Map(prebuilt.clauses.map((c) => [c.id, c]));
    return cached;
  }
  const file = readYamlFile(POLICY_FILE);
  const policy = validateYaml(file, PolicyFileSchema, POLICY_FILE);
  cached = new Map(policy.clauses.map((c) => [c.id, c]));
  return cached;
}
