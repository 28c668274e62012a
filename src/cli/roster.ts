import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { SafepostError } from '../errors.js';
import { shownPath } from '../text/shown-path.js';
import { printable } from '../text/shown-text.js';
import { writeFailureReason, writeFileAtomic } from '../fs/write-file.js';
import { plural } from '../report/plural.js';
import { loadRosterCsv, RosterIndex } from '../roster/index.js';
import type { CliIO } from './io.js';

export function rosterCommand(io: CliIO): Command {
  const roster = new Command('roster').description('Work with pupil rosters');
  roster
    .command('hash')
    .description('Write a hashed copy of a roster: full names only, each a salted, deliberately slow hash (what a guesser can still learn: see the README)')
    .argument('<csv>', 'the roster CSV (or a list of full names, one a line)')
    .requiredOption('-o, --output <file>', 'the hashed roster to write (for example roster.safepost)')
    // Single names fall to a list of common names in seconds, and pairs from them next; the
    // option is refused with the reason rather than ignored.
    .addOption(new Option('--include-single-names').hideHelp())
    .addHelpText(
      'after',
      '\nExamples:\n  $ safepost roster hash pupils.csv -o roster.safepost\n  then, in safepost.config.yaml:  roster: roster.safepost\n',
    )
    .action((csv: string, flags: { output: string; includeSingleNames?: boolean }) => {
      if (flags.includeSingleNames) {
        throw new SafepostError(
          '--include-single-names is no longer offered: hashed first names and surnames are recovered from a list of common names in seconds; to match single names, give the plain roster CSV with --roster from outside the repository',
        );
      }
      const input = resolve(io.cwd, csv);
      const output = resolve(io.cwd, flags.output);
      if (input === output) throw new SafepostError('the output would replace the roster itself; give another file with -o');
      const pupils = loadRosterCsv(input, io.cwd, undefined, (message) => io.stderr(`safepost: ${message}\n`));
      const hashed = RosterIndex.hash(pupils);
      try {
        writeFileAtomic(output, `${JSON.stringify(hashed, null, 1)}\n`);
      } catch (error) {
        throw new SafepostError(`cannot write the hashed roster to ${shownPath(output, io.cwd)}: ${writeFailureReason(error)}`);
      }
      io.stdout(`Wrote ${printable(shownPath(output, io.cwd))}: ${plural(pupils.length, 'pupil')} as ${hashed.entries.length} salted ${hashed.entries.length === 1 ? 'hash' : 'hashes'} of full names (first and last name together; no single names, initials or sounds).\n`);
    });
  return roster;
}
