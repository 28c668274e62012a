import { existsSync, mkdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { createChecker } from '../api/checker.js';
import { encodeDraft, formatOf, localImagePath, OBJECT, parseDocument, readDraft, UnreadableDraftError, type DraftImage, type TextEncoding } from '../documents/index.js';
import { SafepostError } from '../errors.js';
import { shownPath } from '../text/shown-path.js';
import { printable } from '../text/shown-text.js';
import { writeFailureReason, writeFileAtomic } from '../fs/write-file.js';
import { applyEdits, planRedaction, type Edit, type LeftAlone } from '../redact/plan.js';
import { stripPhotoMetadata, UnsupportedPhotoError } from '../redact/strip-photo.js';
import { plural } from '../report/plural.js';
import { CHANNELS, type Channel } from '../rules/schema.js';
import { LineIndex } from '../text/positions.js';
import type { CliIO } from './io.js';

interface RedactFlags {
  output?: string;
  inPlace?: boolean;
  photosTo?: string;
  config?: string;
  roster?: string;
  channel?: Channel;
}

// A name cut to a first name can still identify a child where it stands: check again, at most this often.
const PASSES = 4;

/** The draft as text to redact: a Word draft becomes Markdown, a paragraph a block. */
async function readForRedaction(path: string, cwd: string): Promise<{ text: string; images: DraftImage[]; embedded?: Map<DraftImage, Uint8Array>; word: boolean; encoding?: TextEncoding }> {
  let draft;
  try {
    draft = await readDraft(path);
  } catch (error) {
    if (error instanceof UnreadableDraftError) throw new SafepostError(`${shownPath(path, cwd)}: ${error.message}`);
    throw error;
  }
  const { doc, embedded } = draft;
  if (draft.format !== 'docx') return { text: doc.source, images: doc.images, word: false, encoding: draft.encoding };
  const text = doc.source
    .split('\n')
    .map((p) => p.split(OBJECT).join('').trim())
    .filter(Boolean)
    .join('\n\n');
  return { text: `${text}\n`, images: doc.images, embedded, word: true };
}

export function redactCommand(io: CliIO, setExitCode: (code: number) => void): Command {
  return new Command('redact')
    .description("Write a copy of a draft with pupils' full names cut to first names and personal contact details removed")
    .argument('<draft>', 'the draft: Markdown, HTML, plain text or Word (.docx)')
    .option('-o, --output <file>', 'where to write the copy (default: standard output); a Word draft is written as Markdown')
    .option('--in-place', 'change the draft itself (never done without this)')
    .option('--photos-to <folder>', "also write copies of the draft's photos without their metadata (GPS, names) to this folder")
    .option('-c, --config <file>', 'config file')
    .option('--roster <file>', 'pupil roster CSV')
    .addOption(new Option('--channel <channel>', 'who is posting, if the draft does not say').choices(CHANNELS))
    .addHelpText(
      'after',
      `
Examples:
  $ safepost redact newsletter.md -o newsletter.safe.md
  $ safepost redact newsletter.docx -o newsletter.safe.md --photos-to clean-photos/
  $ safepost redact post.md --in-place

The changes are listed by line, without the text taken out. Exit status: 0 the copy would pass
the check (no error left, photos included), 1 some are left for you (listed), 2 it could not run.`,
    )
    .action(async (draft: string, flags: RedactFlags) => {
      const input = resolve(io.cwd, draft);
      if (!existsSync(input)) throw new SafepostError(`${draft}: no such file`);
      if (statSync(input).isDirectory()) throw new SafepostError(`${draft} is a folder; redact one draft at a time`);
      const word = formatOf(input) === 'docx';
      let output = flags.inPlace ? input : flags.output ? resolve(io.cwd, flags.output) : undefined;
      if (flags.inPlace && flags.output) throw new SafepostError('give either --output or --in-place, not both');
      if (word && flags.inPlace) throw new SafepostError('a Word draft cannot be changed in place; give -o FILE.md for a Markdown copy');
      if (word && output && !/\.(md|markdown|txt)$/i.test(output)) throw new SafepostError('a Word draft is redacted to Markdown: give an output file ending in .md');
      if (output && !flags.inPlace && existsSync(output) && realpathSync(output) === realpathSync(input)) {
        throw new SafepostError(`--output is the draft itself; add --in-place if you mean to change it`);
      }

      const checker = createChecker({ cwd: io.cwd, config: flags.config, roster: flags.roster, channel: flags.channel });
      const read = await readForRedaction(input, io.cwd);
      await checker.ready();
      // The copy is checked as the format it is written in.
      const asPath = word ? `${basename(input, extname(input))}.md` : input;
      let text = read.text;
      const done: Array<{ line: number; edit: Edit }> = [];
      let left: LeftAlone[] = [];
      for (let pass = 0; pass < PASSES; pass++) {
        const result = checker.checkText(text, asPath);
        const parsed = parseDocument(text, formatOf(asPath));
        const plan = planRedaction(text, result.findings, parsed.images, parsed.linkTargets);
        left = plan.left;
        if (plan.edits.length === 0) break;
        const lines = new LineIndex(text);
        for (const edit of plan.edits) done.push({ line: lines.position(edit.start).line, edit });
        text = applyEdits(text, plan.edits);
      }
      const remaining = checker
        .checkText(text, asPath)
        .findings.filter((f) => !f.suppressed && f.severity === 'error');

      if (output) {
        try {
          // A UTF-16 draft's copy stays UTF-16, as the programs that read it expect.
          writeFileAtomic(output, encodeDraft(text, read.encoding ?? 'utf-8'), { createFolder: true });
        } catch (error) {
          throw new SafepostError(`cannot write the redacted copy to ${flags.inPlace ? draft : flags.output}: ${writeFailureReason(error)}`);
        }
      } else {
        io.stdout(text);
      }
      const say = output ? io.stdout : io.stderr;
      for (const { line, edit } of done.sort((a, b) => a.line - b.line)) say(`  line ${line}: ${edit.action} (${edit.ruleId})\n`);
      for (const l of left) say(`  line ${l.line}: left as it is: ${l.reason} (${l.ruleId})\n`);
      const where = output ? `Wrote ${printable(shownPath(output, io.cwd))}` : 'The copy is on standard output';
      say(`${where}: ${plural(done.length, 'change')}${word ? '; the pictures of the Word draft are not in the Markdown copy' : ''}.\n`);

      // The photos' own metadata is not in the copy's text: say so when the photos are not cleaned.
      if (!flags.photosTo) {
        const original = await checker.checkFile({ absolute: input, shown: draft });
        const photos = original.findings.filter((f) => !f.suppressed && (f.ruleId === 'photo-location' || f.ruleId === 'photo-metadata-name'));
        for (const f of photos) say(`  ${word ? 'paragraph' : 'line'} ${f.line} of the draft: the photo there holds ${f.ruleId === 'photo-location' ? 'its GPS position' : 'a name'}: add --photos-to FOLDER for clean copies\n`);
        if (photos.length > 0) setExitCode(1);
      }
      if (flags.photosTo) {
        const folder = resolve(io.cwd, flags.photosTo);
        try {
          mkdirSync(folder, { recursive: true });
        } catch (error) {
          throw new SafepostError(`cannot write the photos to ${flags.photosTo}: ${writeFailureReason(error)}`);
        }
        let written = 0;
        // Two photos of one name from different folders must not overwrite each other's copy.
        const sourceOf = new Map<string, string>();
        const copied = new Set<string>();
        const nameFor = (wanted: string, source: string) => {
          const ext = extname(wanted);
          let name = wanted;
          for (let k = 2; sourceOf.has(name) && sourceOf.get(name) !== source; k++) name = `${wanted.slice(0, wanted.length - ext.length)}-${k}${ext}`;
          sourceOf.set(name, source);
          copied.add(source);
          if (name !== wanted) say(`  photo ${wanted} from another folder is copied as ${name}\n`);
          return name;
        };
        read.images.forEach((image, n) => {
          const embedded = read.embedded?.get(image);
          const path = embedded ? null : localImagePath(image.src, input);
          if (!embedded && (!path || !existsSync(path))) return;
          // A photo shown twice is copied once.
          if (path && copied.has(resolve(path))) return;
          if (path && resolve(dirname(path)) === folder) {
            throw new SafepostError(`--photos-to is the folder the photos are in; choose another folder so the originals are kept`);
          }
          try {
            const bytes = embedded ?? readFileSync(path!);
            const clean = stripPhotoMetadata(bytes);
            const name = path ? nameFor(basename(path), resolve(path)) : nameFor(`picture-${n + 1}.${bytes[0] === 0xff ? 'jpg' : 'png'}`, `embedded ${n}`);
            const to = resolve(folder, name);
            try {
              writeFileAtomic(to, clean);
            } catch (error) {
              throw new SafepostError(`cannot write the photo copy to ${shownPath(to, io.cwd)}: ${writeFailureReason(error)}`);
            }
            written++;
          } catch (error) {
            if (!(error instanceof UnsupportedPhotoError)) throw error;
            say(`  photo ${n + 1}: not copied: ${error.message}\n`);
          }
        });
        say(`Wrote ${plural(written, 'photo')} without metadata to ${printable(shownPath(folder, io.cwd))}.\n`);
      }
      // What the copy would still fail the check for, which only its writer can change.
      if (remaining.length > 0) {
        say(`${plural(remaining.length, 'error')} left in the copy, for you to change:\n`);
        for (const f of remaining) say(`  line ${f.line} of the copy: ${f.message} (${f.ruleId})\n`);
        setExitCode(1);
      }
    });
}
