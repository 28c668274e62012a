import { fstatSync, readFileSync, writeSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { SafepostError } from '../errors.js';
import { printable } from '../text/shown-text.js';
import { VERSION } from '../version.js';
import { baselineCommand } from './baseline.js';
import { checkCommand } from './check.js';
import { explainCommand } from './explain.js';
import { initCommand } from './init.js';
import { redactCommand } from './redact.js';
import type { CliIO } from './io.js';
import { rosterCommand } from './roster.js';
import { rulesCommand } from './rules.js';

/** Runs the command line; returns the exit status instead of exiting, so tests can run it in-process. */
export async function run(argv: string[], given: CliIO): Promise<number> {
  // Messages name files, and a file name may hold escape codes: none reaches the terminal raw.
  const io: CliIO = { ...given, stderr: (text) => given.stderr(printable(text, true)) };
  let exitCode = 0;
  const program = new Command('safepost')
    .description("Check a school's draft post against The Mercian Trust's Social Networking Policy before it is published")
    .version(VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(add --help for the options)')
    .addHelpText('after', '\nExamples:\n  $ safepost init\n  $ safepost check drafts/\n  $ safepost rules\n  $ safepost explain 6(e)\n  $ safepost roster hash pupils.csv -o roster.safepost\n  $ safepost redact newsletter.md -o newsletter.safe.md\n');
  // Commands made apart from the program do not inherit its settings: give them to each, and
  // to their own subcommands.
  const configure = (command: Command): Command => {
    command.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr }).showHelpAfterError('(add --help for the options)');
    command.commands.forEach(configure);
    return command;
  };
  for (const command of [checkCommand(io, (code) => (exitCode = code)), rulesCommand(io), explainCommand(io), rosterCommand(io), baselineCommand(io), redactCommand(io, (code) => (exitCode = code)), initCommand(io)]) {
    program.addCommand(configure(command));
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      // Commander has already printed its message.
      return 2;
    }
    if (error instanceof SafepostError) {
      io.stderr(`safepost: ${error.message}\n`);
      return error.exitCode;
    }
    const detail = io.env.SAFEPOST_DEBUG ? `\n${(error as Error).stack}` : '';
    io.stderr(`safepost: internal error: ${(error as Error).message}; please report it (set SAFEPOST_DEBUG=1 for details)${detail}\n`);
    return 2;
  }
}

/**
 * Whether standard output goes to a file (`> report.json`): then the report is written to it
 * directly, as the stream would first copy each piece into a buffer (a fifth of a cached run's
 * report time). Writes to a file are synchronous either way, so the two never interleave wrongly.
 */
function stdoutIsFile(): boolean {
  try {
    return fstatSync(1).isFile();
  } catch {
    return false;
  }
}

/** The bin's entry: real streams, real exit status. */
export async function main(): Promise<void> {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = await run(process.argv.slice(2), {
    stdout: stdoutIsFile() ? (text) => writeSync(1, text) : (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: () => readFileSync(0),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    cwd: process.cwd(),
  });
}
