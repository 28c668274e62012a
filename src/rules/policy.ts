import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import { readYamlFile, validateYaml } from '../text/yaml-file.js';
import { readPrebuilt } from '../lexicon/baked.js';
import { PolicyFileSchema, type Clause } from './schema.js';

/** The folder of built-in rules and policy data shipped with the package. */
export const BUILT_IN_RULES = join(PACKAGE_ROOT, 'rules');
export const POLICY_FILE = join(BUILT_IN_RULES, 'policy', 'clauses.yaml');

let cached: Map<string, Clause> | null = null;

export { PACKAGE_ROOT };

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
