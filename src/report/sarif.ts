import { ruleDocUrl } from '../rules/docs.js';
import { VERSION } from '../version.js';
import type { Formatter } from './formatter.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. */
export const sarif: Formatter = (report, { rules }) => {
  const used = new Set(report.files.flatMap((f) => f.findings.map((x) => x.ruleId)));
  const described = rules.filter((r) => used.has(r.id));
  const index = new Map(described.map((r, i) => [r.id, i]));
  const driverRules = described.map((r) => ({
    id: r.id,
    name: r.id
      .split('-')
      .map((w) => w[0].toUpperCase() + w.slice(1))
      .join(''),
    shortDescription: { text: r.description ?? r.clauseData.title },
    fullDescription: { text: `Policy ${r.clauseData.id}: ${r.clauseData.title}` },
    help: {
      text: `Policy ${r.clauseData.id} (${r.clauseData.title}): "${r.clauseData.text}"\n\n${r.suggestion}`,
      markdown: `**Policy ${r.clauseData.id}: ${r.clauseData.title}**\n\n> ${r.clauseData.text}\n\n${r.suggestion}`,
    },
    ...(ruleDocUrl(r) ? { helpUri: ruleDocUrl(r) } : {}),
    defaultConfiguration: { level: LEVEL[typeof r.severity === 'string' ? r.severity : r.severity.default] },
    properties: { category: r.category, clause: r.clauseData.id, tags: [r.category, `policy-${r.clauseData.id}`] },
  }));
  const results = report.files.flatMap((file) =>
    file.findings.map((f) => ({
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId),
      level: LEVEL[f.severity],
      message: { text: `${f.message}. ${f.suggestion}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(file.path), uriBaseId: '%SRCROOT%' },
            region: {
              startLine: f.line,
              startColumn: f.column,
              endLine: f.endLine,
              endColumn: f.endColumn,
              ...(f.match !== undefined ? { snippet: { text: f.match } } : {}),
            },
          },
        },
      ],
      properties: { category: f.category, clause: f.clause.id },
      ...(f.suppressed ? { suppressions: [{ kind: 'inSource' as const }] } : {}),
    })),
  );
  const notifications = report.files
    .filter((f) => f.error)
    .map((f) => ({
      level: 'error' as const,
      message: { text: `${f.path}: ${f.error}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(f.path), uriBaseId: '%SRCROOT%' } } }],
    }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'safepost',
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: 'https://github.com/mercian-trust/safepost#readme',
            rules: driverRules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
