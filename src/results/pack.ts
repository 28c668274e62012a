import type { Clause } from '../rules/schema.js';
import type { FileResult } from './schema.js';

// A result leaves the process (another thread, the cache file) with each finding's clause as
// its id, not the clause's words repeated for every finding.
type PackedFinding = Omit<FileResult['findings'][number], 'clause'> & { clause: string };
export type PackedResult = Omit<FileResult, 'findings'> & { findings: PackedFinding[] };

export function packResult(result: FileResult): PackedResult {
  return { ...result, findings: result.findings.map((f) => ({ ...f, clause: f.clause.id })) };
}

/** The result again, or null when a finding names a clause the policy no longer has. */
export function unpackResult(packed: PackedResult, clauses: ReadonlyMap<string, Clause>): FileResult | null {
  const findings: FileResult['findings'] = [];
  for (const f of packed.findings) {
    const clause = clauses.get(f.clause);
    if (!clause) return null;
    findings.push({ ...f, clause });
  }
  return { ...packed, findings };
}
