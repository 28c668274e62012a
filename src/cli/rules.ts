import { Command, Option } from 'commander';
import { loadConfig } from '../config/load.js';
import { loadRules } from '../rules/load.js';
import { CATEGORIES, type LoadedRule } from '../rules/schema.js';
import type { CliIO } from './io.js';

export function severityLabel(rule: LoadedRule): string {
  if (!rule.enabled) return `off (${typeof rule.severity === 'string' ? rule.severity : rule.severity.default} when turned on)`;
  if (typeof rule.severity === 'string') return rule.severity;
  const { default: fallback, ...byChannel } = rule.severity;
  const parts = Object.entries(byChannel).map(([channel, sev]) => `${sev} (${channel})`);
  return [...parts, `${fallback} (other channels)`].join(', ');
}

function table(rows: string[][]): string {
  // A loop, not Math.max(...lengths): a spread of a long list overflows the stack.
  const widths = rows[0].map((_, i) => rows.reduce((widest, r) => Math.max(widest, r[i].length), 0));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ')).join('\n');
}

export function rulesCommand(io: CliIO): Command {
  return new Command('rules')
    .description('List every rule: id, category, severity, channels and the clause it cites')
    .option('-c, --config <file>', 'also list the rules of this config\'s rule folders')
    .addOption(new Option('--category <category>', 'only this category').choices(CATEGORIES))
    .option('--json', 'print the list as JSON')
    .addHelpText('after', '\nExamples:\n  $ safepost rules\n  $ safepost rules --category sensitive-topic\n')
    .action((flags: { config?: string; category?: string; json?: boolean }) => {
      const config = loadConfig({ config: flags.config, cwd: io.cwd });
      const rules = loadRules(config.ruleFolders).filter((r) => !flags.category || r.category === flags.category);
      if (flags.json) {
        const list = rules.map((r) => ({
          id: r.id,
          category: r.category,
          severity: r.severity,
          channels: r.channels,
          clause: r.clauseData,
          ...(r.channelClauses ? { channelClauses: r.channelClauses } : {}),
          description: r.description,
          file: r.file,
        }));
        io.stdout(`${JSON.stringify(list, null, 2)}\n`);
        return;
      }
      const rows = [['RULE', 'CATEGORY', 'SEVERITY', 'CHANNELS', 'CLAUSE']];
      for (const r of rules) {
        rows.push([
          r.id,
          r.category,
          severityLabel(r),
          r.channels.length === 4 ? 'all' : r.channels.join(','),
          `${r.clauseData.id} ${r.clauseData.title}${r.channelClauses ? ` (${Object.entries(r.channelClauses).map(([channel, c]) => `${channel}: ${c.id}`).join(', ')})` : ''}`,
        ]);
      }
      io.stdout(`${table(rows)}\n\n${rules.length} rules. "safepost explain <rule-id>" tells more about one.\n`);
    });
}
