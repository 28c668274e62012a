import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { Command, Option } from 'commander';
import { CONFIG_FILE_NAME } from '../config/load.js';
import { SafepostError } from '../errors.js';
import { writeFailureReason, writeFileAtomic } from '../fs/write-file.js';
import { CHANNELS, ChannelSchema, type Channel } from '../rules/schema.js';
import { VERSION } from '../version.js';
import type { CliIO } from './io.js';

/**
 * Where editors find the config's JSON Schema: the installed package's copy, or the published
 * one of this version when safepost runs without being installed there (npx).
 */
function schemaAddress(folder: string): string {
  const local = join(folder, 'node_modules', 'safepost', 'dist', 'config.schema.json');
  if (existsSync(local)) return relative(folder, local).split('\\').join('/');
  return `https://unpkg.com/safepost@${VERSION}/dist/config.schema.json`;
}

const yamlList = (items: string[]) => `[${items.map((i) => JSON.stringify(i)).join(', ')}]`;

/** The commented config `init` writes. */
export function configTemplate(channel: Channel, domains: string[], schema: string): string {
  return `# yaml-language-server: $schema=${schema}
# safepost's settings for the drafts in this folder and below it. Every key is optional.

# Who is posting, for drafts whose front matter does not say: official, staff-personal, parent, pupil.
channel: ${channel}

# The pupil roster (a CSV with first_name,last_name columns, or one hashed with
# "safepost roster hash"): with it, pupils' names are found by the roster. Never commit a plain one.
# roster: pupils.csv

# The school's and the trust's own contact details, never reported.
official:
  domains: ${yamlList(domains)}
  # phones: ["0116 496 0000"]
  # addresses: ["Brookfield Academy, 1 School Lane, Anstey, LE7 7AB"]
  # handles: ["@BrookfieldAcad"]

# People who may be named, and the school's adults (never taken for pupils).
# allow:
#   names: [Grace Hill]
#   adults: staff.csv

# Turn a rule off or change its severity ("safepost rules" lists them).
# rules:
#   exam-results: "off"

# Drafts never checked, as in a .gitignore (a .gitignore's own patterns are used already).
# ignores: [public/]

# Settings for some folders: here, the staff blogs are staff members' own accounts.
# overrides:
#   - files: content/staff-blogs
#     channel: staff-personal
`;
}

/** Asks on the terminal; the default when the answer is empty. */
async function ask(question: string, fallback: string): Promise<string> {
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await terminal.question(`${question} (${fallback || 'none'}): `)).trim() || fallback;
  } finally {
    terminal.close();
  }
}

export function initCommand(io: CliIO): Command {
  return new Command('init')
    .description(`Write a commented ${CONFIG_FILE_NAME} here (asks two questions on a terminal, none otherwise)`)
    .addOption(new Option('--channel <channel>', 'who posts the drafts here').choices(CHANNELS))
    .option('--domains <domains>', "the school's and trust's email and web domains, separated by commas")
    .option('--force', `replace a ${CONFIG_FILE_NAME} that is already here`)
    .action(async (flags: { channel?: Channel; domains?: string; force?: boolean }) => {
      const file = join(io.cwd, CONFIG_FILE_NAME);
      if (existsSync(file) && !flags.force) throw new SafepostError(`${CONFIG_FILE_NAME} is already here; edit it, or give --force to replace it`);
      const interactive = io.isTTY && process.stdin.isTTY === true;
      let channel = flags.channel;
      while (channel === undefined) {
        const answer = interactive ? await ask(`Who posts these drafts: ${CHANNELS.join(', ')}?`, 'official') : 'official';
        if (ChannelSchema.safeParse(answer).success) channel = answer as Channel;
        else io.stderr(`safepost: "${answer}" is not one of ${CHANNELS.join(', ')}\n`);
      }
      const domainText = flags.domains ?? (interactive ? await ask("The school's and trust's domains, separated by commas", '') : '');
      const domains = domainText.split(/[\s,]+/).filter(Boolean);
      try {
        writeFileAtomic(file, configTemplate(channel, domains, schemaAddress(io.cwd)));
      } catch (error) {
        throw new SafepostError(`cannot write ${CONFIG_FILE_NAME}: ${writeFailureReason(error)}`);
      }
      io.stdout(`Wrote ${CONFIG_FILE_NAME} (channel: ${channel}). Edit it to add the roster and the school's own contact details, then run "safepost check".\n`);
    });
}
