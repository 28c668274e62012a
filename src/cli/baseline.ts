import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { createChecker } from '../api/checker.js';
import { BASELINE_FILE, newBaseline, writeBaseline } from '../results/baseline.js';
import { shownPath } from '../text/shown-path.js';
import { printable } from '../text/shown-text.js';
import { plural } from '../report/plural.js';
import { CHANNELS, type Channel } from '../rules/schema.js';
import type { CliIO } from './io.js';

export function baselineCommand(io: CliIO): Command {
  return new Command('baseline')
    .description('Record the findings of drafts as they are now, so that "check --baseline" reports only new ones')
    .argument('[paths...]', 'files, folders or globs', ['.'])
    .option('-c, --config <file>', 'config file')
    .option('--roster <file>', 'pupil roster CSV')
    .addOption(new Option('--channel <channel>', 'who is posting, for drafts that do not say').choices(CHANNELS))
    .option('-o, --output <file>', 'the baseline to write', BASELINE_FILE)
    .addHelpText('after', '\nExamples:\n  $ safepost baseline content/\n  $ safepost check content/ --baseline .safepost-baseline.json\n')
    .action(async (paths: string[], flags: { config?: string; roster?: string; channel?: Channel; output: string }) => {
      const baseline = newBaseline();
      const checker = createChecker({ cwd: io.cwd, config: flags.config, roster: flags.roster, channel: flags.channel, fingerprintSalt: baseline.salt });
      const report = await checker.checkPaths(paths);
      let count = 0;
      for (const file of report.files) {
        for (const f of file.findings) {
          if (f.suppressed || !f.fingerprint) continue;
          baseline.findings[f.fingerprint] = (baseline.findings[f.fingerprint] ?? 0) + 1;
          count++;
        }
      }
      const output = resolve(io.cwd, flags.output);
      writeBaseline(output, baseline, io.cwd);
      io.stdout(`Wrote ${printable(shownPath(output, io.cwd))}: ${plural(count, 'finding')} in ${plural(report.files.length, 'file')}.\n`);
    });
}
