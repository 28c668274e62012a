import { existsSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { SeverityOverride } from '../engine/channel.js';
import { BaselineFilter, readBaseline, writeBaseline } from '../results/baseline.js';
import { unmatchedOverrides } from '../config/overrides.js';
import { changedDrafts, readDraftFile } from '../drafts/changed.js';
import { excluder, outsideMessage, resolveDrafts, type DraftFile } from '../drafts/find.js';
import { Command, InvalidArgumentError, Option } from 'commander';
import { SafepostError } from '../errors.js';
import { createChecker } from '../api/checker.js';
import { decodeDraft, formatOf, readDraft, UnreadableDraftError, type Document } from '../documents/index.js';
import { addToSummary, emptySummary, type FileResult } from '../results/schema.js';
import { FORMATTERS, JsonReportWriter, mayGroup, type FormatName } from '../report/index.js';
import { plural } from '../report/plural.js';
import { CHANNELS, type Channel } from '../rules/schema.js';
import type { CliIO } from './io.js';
import { reportOutput } from './report-output.js';
import { shownPath } from '../text/shown-path.js';
import { shownText } from '../text/shown-text.js';

interface CheckFlags {
  format: FormatName;
  config?: string;
  roster?: string;
  channel?: Channel;
  maxWarnings: number;
  quiet?: boolean;
  color: boolean;
  group: boolean;
  stdinFilename?: string;
  concurrency: number | 'auto';
  showMatches?: boolean;
  outputFile?: string;
  changed?: string | true;
  baseline?: string;
  baselinePrune?: boolean;
  cache?: boolean;
  cacheLocation?: string;
  exclude: string[];
  ignore: boolean;
  staged?: boolean;
  rule: Record<string, SeverityOverride>;
  reportUnusedDisableDirectives?: boolean;
  printConfig?: string;
}

function concurrency(value: string): number | 'auto' {
  if (value === 'auto') return 'auto';
  if (value === 'off') return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('give a number of threads, "auto" or "off".');
  return n;
}

/** `--rule "exam-results: off"`, repeatable: each a rule id and a severity, collected. */
function ruleSetting(value: string, all: Record<string, SeverityOverride>): Record<string, SeverityOverride> {
  const m = /^\s*([\w-]+)\s*[:=]\s*(off|error|warning|info)\s*$/.exec(value);
  if (!m) throw new InvalidArgumentError('give a rule id and a severity, such as "exam-results: off" (off, error, warning or info).');
  return { ...all, [m[1]]: m[2] as SeverityOverride };
}

function nonNegativeInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('give a whole number, 0 or more.');
  return n;
}

/** Colour when writing to a terminal, unless NO_COLOR or --no-color; FORCE_COLOR forces it. */
function wantsColor(flags: CheckFlags, io: CliIO): boolean {
  if (!flags.color) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.isTTY;
}

const NOTES_SHOWN = 10;

/**
 * A draft's text as its findings' positions count it (a Word draft's paragraphs, one a line), for
 * the reports that show or group by it, and a Word draft as it was read, for its headings and
 * tables; only a Word draft needs parsing for it.
 */
async function sourceOf(draft: DraftFile): Promise<{ source: string; doc?: Document } | undefined> {
  try {
    const bytes = readDraftFile(draft);
    if (formatOf(draft.absolute) !== 'docx') return { source: decodeDraft(bytes) };
    const { doc } = await readDraft(draft.absolute, bytes);
    return { source: doc.source, doc };
  } catch {
    return undefined;
  }
}

function onlyErrors(file: FileResult): FileResult {
  return { ...file, findings: file.findings.filter((x) => x.severity === 'error') };
}

export function checkCommand(io: CliIO, setExitCode: (code: number) => void): Command {
  return new Command('check')
    .description('Check drafts against the social networking policy')
    .argument('[paths...]', 'files, folders or globs to check; - reads standard input', ['.'])
    .addOption(new Option('-f, --format <format>', 'report format').choices(Object.keys(FORMATTERS)).default('stylish'))
    .option('-c, --config <file>', 'config file (default: safepost.config.yaml here or in a parent folder)')
    .option('--roster <file>', 'pupil roster CSV (overrides the config)')
    .addOption(new Option('--channel <channel>', 'who is posting, for drafts that do not say').choices(CHANNELS))
    .option('--max-warnings <n>', 'fail when there are more warnings than this', nonNegativeInteger, -1)
    .option('--quiet', 'report errors only')
    .option('--no-color', 'no colour in the report')
    .option('--no-group', 'in the stylish and html reports, one line for every finding, even of one rule on the same words')
    .addOption(
      new Option('--concurrency <n>', 'threads for many drafts: a number, auto (one a core for large runs) or off')
        .argParser(concurrency)
        .default('auto', 'auto'),
    )
    .option('--no-ignore', 'check what .gitignore, .safepostignore and the config\'s ignores: leave out of folders and globs')
    .option('--exclude <glob>', 'leave out drafts matching a glob, such as "content/archive/**" (repeatable)', (v: string, all: string[]) => [...all, v], [])
    .option('--report-unused-disable-directives', 'say of each safepost-disable comment that hides no finding, and fail the check')
    .option('--rule <rule>', 'a rule setting over the config\'s, such as "exam-results: off" (repeatable)', ruleSetting, {})
    .option('--print-config <draft>', 'print the settings that apply to one draft, as JSON, and check nothing')
    .option('--staged', 'check the drafts staged for the next commit, as staged (what a git hook does with --changed)')
    .option('--changed [ref]', 'check only drafts changed since REF (default: the merge base with the default branch; staged drafts in a git hook)')
    .option('--cache', 'skip drafts unchanged since the last run (kept in .safepostcache)')
    .option('--cache-location <file>', 'where to keep the cache (implies --cache)')
    .option('--baseline <file>', `leave out the findings recorded in a baseline (see "safepost baseline")`)
    .option('--baseline-prune', 'remove from the baseline the findings that are gone, and say how many')
    .option('-o, --output-file <file>', 'write the report to a file instead of standard output')
    .option('--show-matches', 'put the exact text of each finding in JSON and SARIF (it may be a personal detail)')
    .option('--stdin-filename <name>', 'name for standard input: picks the format (.md, .html, .txt) and is shown in the report')
    .addHelpText(
      'after',
      `
Examples:
  $ safepost check newsletter.md
  $ safepost check drafts/ --channel staff-personal
  $ safepost check "news/**/*.md" --format json > report.json
  $ safepost check posts/ --format sarif -o reports/safepost.sarif
  $ cat draft.md | safepost check - --stdin-filename draft.md
  $ safepost check --changed origin/main
  $ safepost check content/ --exclude "content/archive/**"

Exit status: 0 no errors (and warnings within --max-warnings), 1 the check failed,
2 the check could not run (bad argument, config or rule file, missing path).`,
    )
    .action(async (paths: string[], flags: CheckFlags) => {
      if (flags.baselinePrune && !flags.baseline) throw new SafepostError('--baseline-prune needs --baseline FILE');
      const baselinePath = flags.baseline ? resolve(io.cwd, flags.baseline) : undefined;
      const baseline = baselinePath ? readBaseline(baselinePath, io.cwd) : undefined;
      const checker = createChecker({
        fingerprintSalt: baseline?.salt,
        cwd: io.cwd,
        config: flags.config,
        channel: flags.channel,
        roster: flags.roster,
        concurrency: flags.concurrency,
        showMatches: flags.showMatches,
        cache: flags.cacheLocation ?? flags.cache,
        exclude: flags.exclude,
        ignore: flags.ignore,
        rules: Object.keys(flags.rule).length > 0 ? flags.rule : undefined,
        reportUnusedDisableDirectives: flags.reportUnusedDisableDirectives,
        warn: (message) => io.stderr(`safepost: ${message}\n`),
      });
      if (flags.printConfig !== undefined) {
        const absolute = resolve(io.cwd, flags.printConfig);
        if (!existsSync(absolute) || statSync(absolute).isDirectory()) throw new SafepostError(`--print-config: ${flags.printConfig}: give one draft (a file)`);
        io.stdout(`${JSON.stringify(await checker.settingsOf({ absolute, shown: shownPath(absolute, io.cwd) }), null, 2)}\n`);
        return;
      }
      const onDisk = paths.filter((p) => p !== '-');
      const sources = new Map<string, string>();
      const documents = new Map<string, Document>();
      let fromStdin: FileResult | undefined;
      if (paths.includes('-')) {
        const name = flags.stdinFilename ?? '<stdin>';
        try {
          const text = decodeDraft(io.readStdin());
          sources.set(name, text);
          await checker.ready();
          fromStdin = checker.checkText(text, name);
        } catch (error) {
          if (!(error instanceof UnreadableDraftError)) throw error;
          fromStdin = { path: name, channel: flags.channel ?? checker.config.channel ?? 'official', findings: [], error: error.message };
        }
      }
      // The drafts are found before the report is begun: a missing path or a bad ref writes none.
      let drafts: DraftFile[] = [];
      const unreadableFolders: FileResult[] = [];
      if (flags.staged && typeof flags.changed === 'string') throw new SafepostError('--staged checks what is staged: give it or --changed REF, not both');
      if (flags.changed !== undefined || flags.staged) {
        // Changed drafts, within the paths given (all of the repository by default).
        const within = onDisk.map((p) => resolve(io.cwd, p));
        const excluded = excluder(flags.exclude, io.cwd);
        const outside = (shown: string) => io.stderr(`safepost: ${outsideMessage(shown)}\n`);
        const ref = typeof flags.changed === 'string' ? flags.changed : undefined;
        drafts = changedDrafts(ref, io.cwd, io.env, outside, flags.staged).filter(
          (d) =>
            within.some((w) => d.absolute === w || d.absolute.startsWith(w.endsWith(sep) ? w : w + sep)) &&
            !excluded(d.absolute) &&
            !checker.ignoreFiles?.ignores(d.absolute),
        );
        if (drafts.length === 0) io.stderr(`safepost: no ${flags.staged ? 'staged' : 'changed'} drafts to check\n`);
      } else if (onDisk.length > 0) {
        drafts = resolveDrafts(onDisk, io.cwd, flags.exclude, {
          ignore: checker.ignoreFiles,
          // A folder that cannot be read fails the check as an unreadable draft does; a link out of it is a note.
          onSkipped: ({ shown, kind, message }) => {
            if (kind === 'unreadable') unreadableFolders.push({ path: shown, channel: flags.channel ?? checker.config.channel ?? 'official', findings: [], error: message });
            else io.stderr(`safepost: ${message}\n`);
          },
        });
      }

      if (drafts.length > 0) {
        for (const i of unmatchedOverrides(checker.config, drafts.map((d) => d.absolute))) {
          const files = checker.config.overrides![i].files.join(', ');
          io.stderr(`safepost: ${checker.config.file ? shownPath(checker.config.file, io.cwd) : 'config'}: overrides[${i}] (files: ${shownText(files, 80)}) matches none of the drafts checked; check its globs, which are relative to the config file\n`);
        }
      }
      // A file gets no colour codes, whatever the terminal.
      const color = !flags.outputFile && wantsColor(flags, io);
      const output = reportOutput(flags.outputFile, io);
      // JSON is written as drafts are checked; the other formats need every result first.
      const writer = flags.format === 'json' ? new JsonReportWriter(output.write) : undefined;
      const files: FileResult[] = [];
      const summary = emptySummary();
      const hideBaselined = baseline ? new BaselineFilter(baseline) : undefined;
      // Notes (photos not found) can come from every draft of a site: the first few, then a count.
      let notes = 0;
      let unusedDirectives = 0;
      const take = (result: FileResult) => {
        hideBaselined?.hide(result);
        unusedDirectives += result.unusedDirectives ?? 0;
        const file = flags.quiet ? onlyErrors(result) : result;
        addToSummary(summary, file);
        if (file.error) io.stderr(`safepost: ${file.path}${file.errorLine ? `:${file.errorLine}` : ''}: ${file.error}\n`);
        if (file.note && ++notes <= NOTES_SHOWN) io.stderr(`safepost: ${file.path}: ${file.note}\n`);
        if (writer) writer.add(file);
        else files.push(file);
      };
      try {
        if (fromStdin) take(fromStdin);
        unreadableFolders.forEach(take);
        await checker.eachResult(drafts, take);
        if (hideBaselined) summary.baselined = hideBaselined.hidden;
        if (writer) writer.end(summary);
        else {
          // The HTML report shows each draft, and the reports for people group a draft's findings
          // by the words found, which only the draft holds: read them again, as they were checked.
          const grouped = flags.group && flags.format === 'stylish';
          if (flags.format === 'html' || grouped) {
            const byShown = new Map(drafts.map((d) => [d.shown, d]));
            for (const file of files) {
              if (sources.has(file.path) || file.error || (grouped && !mayGroup(file))) continue;
              const read = await sourceOf(byShown.get(file.path) ?? { absolute: resolve(io.cwd, file.path), shown: file.path });
              if (read === undefined) continue;
              sources.set(file.path, read.source);
              if (read.doc && flags.format === 'html') documents.set(file.path, read.doc);
            }
          }
          output.write(FORMATTERS[flags.format]({ files, summary }, { rules: checker.rules, sourceOf: (path) => sources.get(path), documentOf: (path) => documents.get(path), color, group: flags.group }));
        }
        output.finish();
      } catch (error) {
        output.abandon();
        throw error;
      }
      if (notes > NOTES_SHOWN) {
        io.stderr(`safepost: and ${notes - NOTES_SHOWN} more drafts with notes (the JSON report has every note)\n`);
      }
      if (hideBaselined && baselinePath && flags.baselinePrune) {
        const stale = hideBaselined.stale();
        if (stale.length > 0) {
          for (const print of stale) delete baseline!.findings[print];
          writeBaseline(baselinePath, baseline!, io.cwd);
          io.stderr(`safepost: removed ${plural(stale.length, 'finding')} that are gone from ${flags.baseline}\n`);
        }
      }

      const { errors, warnings, fileErrors } = summary;
      const tooManyWarnings = flags.maxWarnings >= 0 && warnings > flags.maxWarnings;
      if (tooManyWarnings) {
        io.stderr(`safepost: ${warnings} warnings, more than --max-warnings ${flags.maxWarnings}\n`);
      }
      if (unusedDirectives > 0) {
        io.stderr(`safepost: ${plural(unusedDirectives, 'disable comment')} hid no finding (--report-unused-disable-directives)\n`);
      }
      setExitCode(errors > 0 || fileErrors > 0 || tooManyWarnings || unusedDirectives > 0 ? 1 : 0);
    });
}
