import { existsSync, mkdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, relative, resolve, sep } from 'node:path';
import { Command, Option } from 'commander';
import { createChecker, type Checker } from '../api/checker.js';
import { encodeDraft, formatOf, localImagePath, OBJECT, parseDocument, readDraft, UnreadableDraftError, type Draft, type DraftImage, type TextEncoding } from '../documents/index.js';
import { SafepostError } from '../errors.js';
import { shownPath } from '../text/shown-path.js';
import { printable } from '../text/shown-text.js';
import { writeFailureReason, writeFileAtomic } from '../fs/write-file.js';
import { paragraphEditsOf, redactDocx } from '../redact/docx.js';
import { applyEdits, planRedaction, type Edit, type LeftAlone } from '../redact/plan.js';
import { stripPhotoMetadata, UnsupportedPhotoError } from '../redact/strip-photo.js';
import { plural } from '../report/plural.js';
import type { Finding } from '../results/schema.js';
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
const PHOTO_RULES = new Set(['photo-location', 'photo-metadata-name']);

async function readInput(path: string, cwd: string): Promise<Draft> {
  try {
    return await readDraft(path);
  } catch (error) {
    if (error instanceof UnreadableDraftError) throw new SafepostError(`${shownPath(path, cwd)}: ${error.message}`);
    throw error;
  }
}

/** A Word draft as Markdown: a paragraph a block, its pictures left out. */
const wordAsMarkdown = (source: string) =>
  `${source
    .split('\n')
    .map((p) => p.split(OBJECT).join('').trim())
    .filter(Boolean)
    .join('\n\n')}\n`;

const errorsIn = (findings: Finding[]) => findings.filter((f) => !f.suppressed && f.severity === 'error');

/** What one run of `redact` did and left, to tell its user. */
interface Outcome {
  done: Array<{ line: number; edit: Edit }>;
  left: LeftAlone[];
}

/** Redacts a text draft (or a Word draft's text, as Markdown) in passes until nothing is left to change. */
function redactText(checker: Checker, text: string, asPath: string): Outcome & { text: string } {
  const done: Outcome['done'] = [];
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
  return { text, done, left };
}

/** Redacts a Word draft into a Word file, in passes as for text. */
async function redactWord(checker: Checker, bytes: Uint8Array, input: string, shown: string): Promise<Outcome & { bytes: Uint8Array; comments: number; changes: number; photos: Awaited<ReturnType<typeof redactDocx>>['photos'] }> {
  const done: Outcome['done'] = [];
  const left: LeftAlone[] = [];
  let first: Awaited<ReturnType<typeof redactDocx>> | undefined;
  for (let pass = 0; pass < PASSES; pass++) {
    const { doc } = await readDraft(input, bytes);
    const result = await checker.checkFile({ absolute: input, shown, bytes });
    const plan = planRedaction(doc.source, result.findings, doc.images, doc.linkTargets);
    if (pass === 0) left.push(...plan.left);
    if (first && plan.edits.length === 0) break;
    const paragraphs = paragraphEditsOf(doc, plan.edits);
    const redacted = await redactDocx(bytes, paragraphs);
    first ??= redacted;
    const unplaced = new Set(redacted.unplaced);
    for (const item of paragraphs) {
      if (unplaced.has(item)) {
        left.push({ line: item.line, column: 1, ruleId: item.planned[0].ruleId, reason: 'this paragraph could not be found in the Word file as safepost reads it: change it in Word' });
        continue;
      }
      for (const edit of item.planned) done.push({ line: item.line, edit: item.target.in === 'link' ? { ...edit, action: "link to a contact detail removed, its words kept" } : edit });
    }
    bytes = redacted.bytes;
    if (plan.edits.length === 0) break;
  }
  return { bytes, done, left, comments: first!.comments, changes: first!.changes, photos: first!.photos };
}

/** A path for a link in a draft: relative, with forward slashes, spaces and the like escaped. */
const linkTo = (path: string, from: string) => encodeURI(relative(from, path).split(sep).join('/'));

export function redactCommand(io: CliIO, setExitCode: (code: number) => void): Command {
  return new Command('redact')
    .description("Write a copy of a draft with pupils' full names cut to first names and personal contact details removed")
    .argument('<draft>', 'the draft: Markdown, HTML, plain text or Word (.docx)')
    .option('-o, --output <file>', 'where to write the copy (default: standard output); a Word draft is copied to a Word file (.docx) or to Markdown (.md)')
    .option('--in-place', 'change the draft itself (never done without this)')
    .option('--photos-to <folder>', "also write copies of the draft's photos without their metadata (GPS, names) to this folder, and point the copy at them")
    .option('-c, --config <file>', 'config file')
    .option('--roster <file>', 'pupil roster CSV')
    .addOption(new Option('--channel <channel>', 'who is posting, if the draft does not say').choices(CHANNELS))
    .addHelpText(
      'after',
      `
Examples:
  $ safepost redact newsletter.docx -o newsletter.safe.docx
  $ safepost redact post.md -o post.safe.md --photos-to clean-photos/
  $ safepost redact post.md --in-place

A Word copy keeps the document: headings, tables, pictures and formatting stay; its comments are
taken out, its tracked changes accepted and its pictures' metadata removed. The changes are listed
by line (by paragraph in a Word draft), without the text taken out. Exit status: 0 the copy would
pass the check (no error left, photos included), 1 some are left for you (listed), 2 it could not run.`,
    )
    .action(async (draft: string, flags: RedactFlags) => {
      const input = resolve(io.cwd, draft);
      if (!existsSync(input)) throw new SafepostError(`${draft}: no such file`);
      if (statSync(input).isDirectory()) throw new SafepostError(`${draft} is a folder; redact one draft at a time`);
      if (flags.inPlace && flags.output) throw new SafepostError('give either --output or --in-place, not both');
      const word = formatOf(input) === 'docx';
      const output = flags.inPlace ? input : flags.output ? resolve(io.cwd, flags.output) : undefined;
      const toWord = word && output !== undefined && (flags.inPlace || /\.docx$/i.test(output));
      if (word && output && !toWord && !/\.(md|markdown|txt)$/i.test(output)) {
        throw new SafepostError('a Word draft is copied to a Word file or to Markdown: give an output file ending in .docx or .md');
      }
      if (output && !flags.inPlace && existsSync(output) && realpathSync(output) === realpathSync(input)) {
        throw new SafepostError(`--output is the draft itself; add --in-place if you mean to change it`);
      }
      const say = output ? io.stdout : io.stderr;
      const checker = createChecker({ cwd: io.cwd, config: flags.config, roster: flags.roster, channel: flags.channel });
      const original = await readInput(input, io.cwd);
      await checker.ready();
      const unit = toWord ? 'paragraph' : 'line';
      const tell = ({ done, left }: Outcome) => {
        for (const { line, edit } of done.sort((a, b) => a.line - b.line)) say(`  ${unit} ${line}: ${edit.action} (${edit.ruleId})\n`);
        for (const l of left) say(`  ${l.line ? `${unit} ${l.line}: ` : ''}left as it is: ${l.reason} (${l.ruleId})\n`);
      };
      const write = (content: string | Uint8Array) => {
        try {
          writeFileAtomic(output!, content, { createFolder: true });
        } catch (error) {
          throw new SafepostError(`cannot write the redacted copy to ${flags.inPlace ? draft : flags.output}: ${writeFailureReason(error)}`);
        }
      };

      let remaining: Finding[];
      if (toWord) {
        const result = await redactWord(checker, readFileSync(input), input, draft);
        write(result.bytes);
        tell(result);
        const { comments, changes, photos } = result;
        const what = [
          plural(result.done.length, 'change'),
          comments ? `${plural(comments, 'comment')} taken out` : '',
          changes ? `${plural(changes, 'tracked change')} accepted` : '',
          photos.cleaned ? `${plural(photos.cleaned, 'picture')} without ${photos.cleaned === 1 ? 'its' : 'their'} metadata` : '',
        ].filter(Boolean);
        say(`Wrote ${printable(shownPath(output!, io.cwd))}: ${what.join(', ')}.\n`);
        for (const p of photos.notCleaned) say(`  picture ${printable(p.name)}: its metadata could not be taken out: ${p.reason}\n`);
        if (flags.photosTo) copyPhotos(io, flags.photosTo, original, input, say);
        // The copy itself, read back as any Word draft is, pictures included.
        remaining = errorsIn((await checker.checkFile({ absolute: output!, shown: flags.output ?? draft, bytes: result.bytes })).findings);
      } else {
        // The copy is checked as the format it is written in; a Word draft's Markdown copy as Markdown.
        const asPath = word ? resolve(dirname(output ?? input), `${basename(input, extname(input))}.md`) : input;
        const result = redactText(checker, word ? wordAsMarkdown(original.doc.source) : original.doc.source, asPath);
        let text = result.text;
        const copies = flags.photosTo ? copyPhotos(io, flags.photosTo, original, input, say) : new Map<string, string>();
        // Where the copy is, for its links to photos: standard output is taken to go beside the draft.
        const copyAt = word ? asPath : resolve(dirname(output ?? input), basename(input));
        if (copies.size > 0 && !word) {
          // The copy's images point at the clean copies, from where the copy is.
          const edits: Edit[] = [];
          for (const image of parseDocument(text, formatOf(asPath)).images) {
            const from = localImagePath(image.src, input);
            const copy = from && copies.get(resolve(from));
            const at = image.src ? text.indexOf(image.src, image.start) : -1;
            if (copy && at >= 0 && at < image.end) edits.push({ start: at, end: at + image.src.length, replacement: linkTo(copy, dirname(copyAt)), ruleId: 'photo', action: 'photo pointed at its clean copy' });
          }
          text = applyEdits(text, edits);
          if (edits.length > 0) say(`  ${plural(edits.length, 'photo link')} pointed at the clean copies\n`);
        }
        if (output) write(encodeDraft(text, original.encoding ?? 'utf-8'));
        else io.stdout(text);
        tell(result);
        const where = output ? `Wrote ${printable(shownPath(output, io.cwd))}` : 'The copy is on standard output';
        say(`${where}: ${plural(result.done.length, 'change')}${word ? '; the pictures of the Word draft are not in the Markdown copy (-o FILE.docx writes a Word copy with them)' : ''}.\n`);
        // Checked where its photos are found: the clean copies when it points at them, else the draft's own.
        remaining = errorsIn((await checker.checkFile({ absolute: copies.size > 0 ? copyAt : asPath, shown: output ? (flags.output ?? draft) : draft, bytes: encodeDraft(text, original.encoding ?? 'utf-8') })).findings);
        if (word && !flags.photosTo) {
          // A Markdown copy holds no pictures; the Word draft's own still hold what they hold.
          const photos = errorsIn((await checker.checkFile({ absolute: input, shown: draft })).findings).filter((f) => PHOTO_RULES.has(f.ruleId));
          for (const f of photos) say(`  paragraph ${f.line} of the draft: the photo there holds ${f.ruleId === 'photo-location' ? 'its GPS position' : 'a name'}: add --photos-to FOLDER for clean copies\n`);
          if (photos.length > 0) setExitCode(1);
        }
      }
      // What the copy would still fail the check for, which only its writer can change.
      if (remaining.length > 0) {
        say(`${plural(remaining.length, 'error')} left in the copy, for you to change:\n`);
        for (const f of remaining) {
          const hint = PHOTO_RULES.has(f.ruleId) && !flags.photosTo ? '; add --photos-to FOLDER for clean copies of the photos' : '';
          say(`  ${unit} ${f.line} of the copy: ${f.message} (${f.ruleId})${hint}\n`);
        }
        setExitCode(1);
      }
    });
}

/**
 * Writes copies of a draft's photos without their metadata to a folder; gives each original's
 * path (or "embedded N") with the path of its copy.
 */
function copyPhotos(io: CliIO, to: string, draft: Draft, input: string, say: (text: string) => void): Map<string, string> {
  const folder = resolve(io.cwd, to);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new SafepostError(`cannot write the photos to ${to}: ${writeFailureReason(error)}`);
  }
  const copies = new Map<string, string>();
  // Two photos of one name from different folders must not overwrite each other's copy.
  const sourceOf = new Map<string, string>();
  const nameFor = (wanted: string, source: string) => {
    const ext = extname(wanted);
    let name = wanted;
    for (let k = 2; sourceOf.has(name) && sourceOf.get(name) !== source; k++) name = `${wanted.slice(0, wanted.length - ext.length)}-${k}${ext}`;
    sourceOf.set(name, source);
    if (name !== wanted) say(`  photo ${wanted} from another folder is copied as ${name}\n`);
    return name;
  };
  draft.doc.images.forEach((image: DraftImage, n) => {
    const embedded = draft.embedded?.get(image);
    const path = embedded ? null : localImagePath(image.src, input);
    if (!embedded && (!path || !existsSync(path))) return;
    const source = path ? resolve(path) : `embedded ${n}`;
    // A photo shown twice is copied once.
    if (copies.has(source)) return;
    if (path && resolve(dirname(path)) === folder) {
      throw new SafepostError(`--photos-to is the folder the photos are in; choose another folder so the originals are kept`);
    }
    try {
      const bytes = embedded ?? readFileSync(path!);
      const clean = stripPhotoMetadata(bytes);
      const target = resolve(folder, nameFor(path ? basename(path) : `picture-${n + 1}.${bytes[0] === 0xff ? 'jpg' : 'png'}`, source));
      try {
        writeFileAtomic(target, clean);
      } catch (error) {
        throw new SafepostError(`cannot write the photo copy to ${shownPath(target, io.cwd)}: ${writeFailureReason(error)}`);
      }
      copies.set(source, target);
    } catch (error) {
      if (!(error instanceof UnsupportedPhotoError)) throw error;
      say(`  photo ${n + 1}: not copied: ${error.message}\n`);
    }
  });
  say(`Wrote ${plural(copies.size, 'photo')} without metadata to ${printable(shownPath(folder, io.cwd))}.\n`);
  return copies;
}
