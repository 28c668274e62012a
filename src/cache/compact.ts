import type { FileResult, Finding } from '../results/schema.js';
import type { Clause } from '../rules/schema.js';

/**
 * A finding as the cache keeps it: its fields in the report's order, each text an index into
 * the file's table of texts (a rule's suggestion and a message stand once in the file, not once
 * a finding), the clause by its id, and any other field (`suppressed`, `fingerprint`) as it is.
 */
type CompactFinding = [
  ruleId: number,
  category: number,
  severity: number,
  message: number,
  clause: number,
  line: number,
  column: number,
  endLine: number,
  endColumn: number,
  suggestion: number,
  rest?: Record<string, unknown>,
];

/** A result as the cache keeps it, without its path (a draft is shown by the path it is given by). */
export type CompactResult = Omit<FileResult, 'path' | 'findings'> & { findings: CompactFinding[] };

/** The texts of a cache file, each once. */
export class TextTable {
  private readonly index: Map<string, number>;

  constructor(readonly texts: string[] = []) {
    this.index = new Map(texts.map((text, i) => [text, i]));
  }

  id(text: string): number {
    let id = this.index.get(text);
    if (id === undefined) {
      id = this.texts.push(text) - 1;
      this.index.set(text, id);
    }
    return id;
  }

  text(id: number): string {
    const text = this.texts[id];
    if (typeof text !== 'string') throw new Error('not a text of this cache');
    return text;
  }
}

export function compactResult({ path: _path, findings, ...rest }: FileResult, table: TextTable): CompactResult {
  const id = (text: string) => table.id(text);
  return {
    ...rest,
    findings: findings.map(({ ruleId, category, severity, message, clause, line, column, endLine, endColumn, suggestion, ...others }) => {
      const compact: CompactFinding = [id(ruleId), id(category), id(severity), id(message), id(clause.id), line, column, endLine, endColumn, id(suggestion)];
      if (Object.keys(others).length > 0) compact.push(others);
      return compact;
    }),
  };
}

/** The result again, shown by `path`; throws when the entry does not fit this table or policy. */
export function expandResult(path: string, { channel, findings, ...rest }: CompactResult, table: TextTable, clauses: ReadonlyMap<string, Clause>): FileResult {
  const text = (id: number) => table.text(id);
  return {
    path,
    channel,
    findings: findings.map(([ruleId, category, severity, message, clauseId, line, column, endLine, endColumn, suggestion, others]) => {
      const clause = clauses.get(text(clauseId));
      if (!clause) throw new Error('a clause the policy no longer has');
      return {
        ruleId: text(ruleId),
        category: text(category),
        severity: text(severity),
        message: text(message),
        clause,
        line,
        column,
        endLine,
        endColumn,
        suggestion: text(suggestion),
        ...others,
      } as Finding;
    }),
    ...rest,
  };
}

/** The same result with its texts in another table (when entries of two files become one). */
export function reindexResult({ findings, ...rest }: CompactResult, from: TextTable, to: TextTable): CompactResult {
  const move = (id: number) => to.id(from.text(id));
  return {
    ...rest,
    findings: findings.map(
      ([ruleId, category, severity, message, clause, line, column, endLine, endColumn, suggestion, ...others]): CompactFinding => [
        move(ruleId),
        move(category),
        move(severity),
        move(message),
        move(clause),
        line,
        column,
        endLine,
        endColumn,
        move(suggestion),
        ...others,
      ],
    ),
  };
}
