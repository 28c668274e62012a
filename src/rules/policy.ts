import { join } from 'node:path';
import { bakedSection } from '../lexicon/baked.js';
import { BUILT_IN_RULES, PACKAGE_ROOT } from '../package-root.js';
import { readYamlFile, validateYaml } from '../text/yaml-file.js';
import { PolicyFileSchema, type Clause, type PolicyFile } from './schema.js';

export { BUILT_IN_RULES, PACKAGE_ROOT };
export const POLICY_FILE = join(BUILT_IN_RULES, 'policy', 'clauses.yaml');

export interface Policy {
  /** The policy's clauses by id. */
  clauses: Map<string, Clause>;
  /** Clauses a senior leader can authorise a post against. */
  authorisable: ReadonlySet<string>;
}

let cached: Policy | null = null;

/** The policy's clauses, as `npm run build` baked them while rules/ is as it was, else from the YAML. */
export function loadPolicy(): Policy {
  if (cached) return cached;
  const file = bakedSection<Omit<PolicyFile, 'source'>>('policy') ?? readPolicyFile();
  cached = { clauses: new Map(file.clauses.map((c) => [c.id, c])), authorisable: new Set(file.authorisable) };
  for (const id of cached.authorisable) {
    if (!cached.clauses.has(id)) throw new Error(`${POLICY_FILE}: authorisable clause "${id}" is not in the policy`);
  }
  return cached;
}

export function readPolicyFile(): PolicyFile {
  return validateYaml(readYamlFile(POLICY_FILE), PolicyFileSchema, POLICY_FILE);
}

/** The policy's clauses by id. */
export const loadClauses = (): Map<string, Clause> => loadPolicy().clauses;
