import { resolve } from 'node:path';
import { Command } from 'commander';
import { SafepostError } from '../errors.js';
import { printable, shownPath } from '../fs/shown-path.js';
import { writeFailureReason, writeFileAtomic } from '../fs/write-file.js';
import { loadRosterCsv, RosterIndex } from '../roster/index.js';
import type { CliIO } from './io.js';

export function rosterCommand(io: CliIO): Command {
  const roster = new Command('roster').description('Work with pupil rosters');
  roster
    .command('hash')
    .description('Write a hashed copy of a roster that can be committed: names cannot be read back from it')
    .argument('<csv>', 'the roster CSV (or a list of full names, one a line)')
    .requiredOption('-o, --output <file>', 'the hashed roster to write (for example roster.safepost)')
    .option('--include-single-names', 'also hash first names and surnames alone (easier to guess: see the README)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ safepost roster hash pupils.csv -o roster.safepost\n  then, in safepost.config.yaml:  roster: roster.safepost\n',
    )
    .action((csv: string, flags: { output: string; includeSingleNames?: boolean }) => {
      const input = resolve(io.cwd, csv);
      const output = resolve(io.cwd, flags.output);
      if (input === output) throw new SafepostError('the output would replace the roster itself; give another file with -o');
      const pupils = loadRosterCsv(input, io.cwd);
      const hashed = RosterIndex.hash(pupils, Boolean(flags.includeSingleNames));
      try {
        writeFileAtomic(output, `${JSON.stringify(hashed, null, 1)}\n`);
      } catch (error) {
        throw new SafepostError(`cannot write the hashed roster to ${shownPath(output, io.cwd)}: ${writeFailureReason(error)}`);
      }
      const what = flags.includeSingleNames ? 'names, pairs, initials and sounds' : 'full names, initials and sounds of pairs; no single names';
      io.stdout(`Wrote ${printable(shownPath(output, io.cwd))}: ${pupils.length} pupils as ${hashed.entries.length} salted hashes (${what}).\n`);
    });
  return roster;
}
