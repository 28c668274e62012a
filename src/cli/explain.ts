import { Command } from 'commander';
import { loadConfig } from '../config/load.js';
import { SafepostError } from '../errors.js';
import { loadRules } from '../rules/load.js';
import { loadClauses } from '../rules/policy.js';
import { ruleDocUrl } from '../rules/docs.js';
import type { Clause, LoadedRule } from '../rules/schema.js';
import type { CliIO } from './io.js';
import { severityLabel } from './rules.js';

/** Accepts "7.3(c)", "7.3c", "7.3 (C)" and "6e" for the same clause. */
export function normalizeClauseId(id: string): string {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:\(?\s*([a-zA-Z])\s*\)?)?\s*$/.exec(id);
  return m ? `${m[1]}${m[2] ? `(${m[2].toLowerCase()})` : ''}` : id;
}

function wrap(text: string, width = 88, indent = '  '): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

const quoteClause = (c: Clause) => `Policy ${c.id}: ${c.title}\n\n${wrap(`"${c.text}"`)}\n`;

/** A rule's example of a draft that breaks the policy and the same news written within it. */
function rewriteOf(rule: LoadedRule): string {
  const rewrite = rule.examples?.rewrite;
  if (!rewrite) return '';
  const show = (text: string) => text.split('\n').map((line) => (line ? wrap(line, 84, '    ') : '')).join('\n');
  return `For example, instead of:\n${show(rewrite.before)}\nwrite:\n${show(rewrite.after)}\n`;
}

export function explainCommand(io: CliIO): Command {
  return new Command('explain')
    .description("Show a policy clause's words and the rules that cite it, or what a rule checks")
    .argument('<id>', 'a rule id (exam-results) or a clause id (6(e), 7.3(c), 7.9)')
    .option('-c, --config <file>', "also search this config's rule folders")
    .addHelpText('after', '\nExamples:\n  $ safepost explain 6(e)\n  $ safepost explain exam-results\n')
    .action((id: string, flags: { config?: string }) => {
      const config = loadConfig({ config: flags.config, cwd: io.cwd });
      const rules = loadRules(config.ruleFolders);
      const clauses = loadClauses();
      const rule = rules.find((r) => r.id === id.trim());
      if (rule) {
        const out = [
          `${rule.id}  (${rule.category})`,
          '',
          rule.description ? `${wrap(rule.description)}\n` : '',
          `  Severity:  ${severityLabel(rule)}`,
          `  Channels:  ${rule.channels.join(', ')}`,
          `  Message:   ${rule.message}`,
          `  Advice:    ${rule.suggestion}`,
          `  Defined in ${rule.file}`,
          ...(ruleDocUrl(rule) ? [`  More:      ${ruleDocUrl(rule)}`] : []),
          '',
          quoteClause(rule.clauseData),
          ...Object.entries(rule.channelClauses ?? {}).map(([channel, clause]) => `On ${channel} posts it cites instead:\n${quoteClause(clause)}`),
          rewriteOf(rule),
        ];
        io.stdout(`${out.filter((l, i) => l !== '' || out[i - 1] !== '').join('\n')}`);
        return;
      }
      const clause = clauses.get(normalizeClauseId(id));
      if (clause) {
        const citing = rules.filter((r) => r.clauseData.id === clause.id || Object.values(r.channelClauses ?? {}).some((c) => c.id === clause.id));
        const list = citing.length
          ? citing.map((r) => `  ${r.id}  (${r.category}, ${severityLabel(r)})${r.description ? `: ${r.description}` : ''}`).join('\n')
          : '  none yet';
        const example = citing.find((r) => r.examples?.rewrite);
        io.stdout(`${quoteClause(clause)}\nRules that cite it:\n${list}\n${example ? `\n${rewriteOf(example)}` : ''}`);
        return;
      }
      throw new SafepostError(`no rule or clause "${id}"; "safepost rules" lists the rules, clause ids look like 6(e) or 7.9`);
    });
}
