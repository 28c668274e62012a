import { VERSION } from '../version.js';
import { CATEGORY_NAMES, type Clause, type LoadedRule } from './schema.js';

/** Where a built-in rule's page is, for this version; none for a rule of a user's own. */
export function ruleDocUrl(rule: Pick<LoadedRule, 'id' | 'builtIn'>): string | undefined {
  return rule.builtIn ? `https://github.com/mercian-trust/safepost/blob/v${VERSION}/docs/rules/${rule.id}.md` : undefined;
}

/** The folder of the rules' pages, in the repository. */
export const RULE_DOCS_FOLDER = 'docs/rules';

const severityText = (rule: LoadedRule): string => {
  const base = typeof rule.severity === 'string' ? rule.severity : rule.severity.default;
  if (!rule.enabled) return `off unless turned on (then ${base})`;
  if (typeof rule.severity === 'string') return rule.severity;
  const { default: fallback, ...byChannel } = rule.severity;
  return [...Object.entries(byChannel).map(([channel, severity]) => `${severity} on ${channel} posts`), `${fallback} on others`].join(', ');
};

const quote = (clause: Clause) => `**Policy ${clause.id}: ${clause.title}**\n\n> ${clause.text.replace(/\n+/g, ' ')}`;

/** An example as a list item, its span in bold: "we are [[at Rowlee Farm]]" → "we are **at Rowlee Farm**". */
const exampleItem = (example: string | { text: string; channel?: string }) => {
  const text = typeof example === 'string' ? example : example.text;
  const channel = typeof example === 'string' || !example.channel ? '' : ` (on ${example.channel} posts)`;
  return `- ${text.replace(/\s*\n\s*/g, ' ').replace(/\[\[(.+?)\]\]/g, '**$1**')}${channel}`;
};

/** A built-in rule's page, made from its YAML by `npm run docs`: what it finds, the clause it cites, examples and what to write instead. */
export function ruleDoc(rule: LoadedRule): string {
  const out = [
    `# ${rule.id}`,
    '',
    `${CATEGORY_NAMES[rule.category]} · ${severityText(rule)} · ${rule.channels.join(', ')}`,
    '',
  ];
  if (rule.description) out.push(rule.description, '');
  out.push('## What the policy says', '', quote(rule.clauseData), '');
  for (const [channel, clause] of Object.entries(rule.channelClauses ?? {})) out.push(`On ${channel} posts the finding cites:`, '', quote(clause), '');
  out.push('## What safepost says', '', `> ${rule.message.replace(/\{\{\s*match\s*\}\}/g, '…')}`, '', rule.suggestion, '');
  const match = rule.examples?.match ?? [];
  const noMatch = rule.examples?.['no-match'] ?? [];
  if (match.length > 0) out.push('## Found', '', ...match.map(exampleItem), '');
  if (noMatch.length > 0) out.push('## Not found', '', ...noMatch.map(exampleItem), '');
  const rewrite = rule.examples?.rewrite;
  if (rewrite) out.push('## Instead', '', 'Rather than:', '', `> ${rewrite.before.replace(/\n+/g, ' ')}`, '', 'write:', '', `> ${rewrite.after.replace(/\n+/g, ' ')}`, '');
  out.push(
    '## Turning it off',
    '',
    `In \`safepost.config.yaml\`, \`rules: { ${rule.id}: "off" }\` (or another severity); for one passage that has been checked, \`<!-- safepost-disable-next-line ${rule.id} -->\` above it.`,
    '',
  );
  return out.join('\n');
}

/** The index of the rules' pages. */
export function ruleDocsIndex(rules: LoadedRule[]): string {
  const rows = rules.map((r) => `| [${r.id}](${r.id}.md) | ${CATEGORY_NAMES[r.category]} | ${r.clauseData.id} | ${(r.description ?? r.clauseData.title).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ')} |`);
  return ['# safepost’s rules', '', 'Made from the rule files in `rules/` by `npm run docs`.', '', '| rule | category | clause | what it finds |', '| --- | --- | --- | --- |', ...rows, ''].join('\n');
}
