import { resolve } from 'node:path';
import { checkWithCache } from '../cache/check.js';
import { cacheKey } from '../cache/key.js';
import { ResultCache } from '../cache/result-cache.js';
import type { ResolvedConfig } from '../config/schema.js';
import { formatOf, parseDocument, readDraft, readPhotoMetadata, UnreadableDraftError, type Aside, type Document, type DocumentFormat, type PhotoMetadata } from '../documents/index.js';
import { settingsFor, type DraftSettings } from '../config/overrides.js';
import { readDraftFile } from '../drafts/changed.js';
import { resolveDrafts, type DraftFile } from '../drafts/find.js';
import { IgnoreFiles } from '../fs/ignore-files.js';
import { applyApproval } from '../engine/approval.js';
import { channelOf, severityOf, type SeverityOverride } from '../engine/channel.js';
import { checkDocument } from '../engine/check-document.js';
import type { DirectiveProblem } from '../engine/suppress.js';
import { maskedExcerpt } from '../engine/excerpt.js';
import { compactText } from '../text/shown-text.js';
import { needsLanguage, StoppedRuleError } from '../engine/match.js';
import { fingerprint } from '../results/baseline.js';
import { summarize, type FileResult, type Finding, type Report } from '../results/schema.js';
import { CATEGORIES, type Channel, type LoadedRule } from '../rules/schema.js';
import { SafepostError } from '../errors.js';
import { allowedNames } from '../roster/index.js';
import { LineIndex } from '../text/positions.js';
import { shownPath } from '../text/shown-path.js';
import { checkInThreads, threadsFor } from './parallel.js';
import { prepareLanguage, setUp, type CheckerOptions } from './setup.js';

export type { CheckerOptions } from './setup.js';

export interface Checker {
  readonly config: ResolvedConfig;
  readonly rules: LoadedRule[];
  /**
   * Loads what the rules need that takes a while (the linguistic layer, for sequence rules):
   * await it once before `checkText`; the other methods wait for it themselves.
   */
  ready(): Promise<void>;
  /** Checks one draft given as text; `path` picks the format (by extension) and is shown in the report. */
  checkText(text: string, path?: string, format?: DocumentFormat): FileResult;
  /** Checks one draft on disk, and the metadata of its local photos. */
  checkFile(file: DraftFile): Promise<FileResult>;
  /** Checks files, folders and globs. */
  checkPaths(paths: string[]): Promise<Report>;
  /** What folders and globs are walked by (unless `ignore: false`): ignore files and the config's `ignores:`. */
  readonly ignoreFiles?: IgnoreFiles;
  /** The settings that apply to one draft: its channel and where that comes from, the overrides that match, each rule's severity. */
  settingsOf(draft: DraftFile): Promise<AppliedSettings>;
  /** Checks a list of drafts already found (for example the changed ones). */
  checkDrafts(drafts: DraftFile[]): Promise<Report>;
  /**
   * Checks drafts and hands each result to `visit` when it is ready, in order, keeping none: for
   * writing the report of a whole site while it is checked.
   */
  eachResult(drafts: DraftFile[], visit: (result: FileResult) => void): Promise<void>;
}

/** What `settingsOf` tells of one draft (for `check --print-config`). */
export interface AppliedSettings {
  path: string;
  config: string | null;
  channel: Channel;
  /** What decided the channel. */
  channelFrom: 'front matter' | '--channel' | 'overrides' | 'config' | 'default';
  /** The places in `overrides:` of those that match the draft. */
  overrides: number[];
  /** Left out of folders and globs by ignore files or `ignores:`. */
  ignored: boolean;
  roster: string | null;
  /** Each rule's severity for this draft, or off. */
  rules: Record<string, SeverityOverride>;
}

/**
 * A finding in a Word comment, deleted text, a header, a footer or a link's address says so, and
 * where it goes: "Personal mobile number *** 123 (in a comment by Jo Bloggs)".
 */
function sayWhereAside(findings: Finding[], asides: Aside[]): void {
  for (const finding of findings) {
    const aside = asides.find((a) => a.startLine <= finding.line && finding.line <= a.endLine);
    if (!aside) continue;
    finding.message = `${finding.message} (${aside.where})`;
    const reach = aside.part === 'link' ? 'which anyone who clicks the link reaches' : 'which no reader of the post sees but which goes wherever the file goes';
    finding.suggestion = `This is ${aside.where}, ${reach}: ${aside.advice}. ${finding.suggestion}`;
  }
}

// Characters of a paragraph shown either side of a finding in its excerpt.
const EXCERPT_REACH = 30;

/**
 * Each finding of a Word draft gets the heading above it and an excerpt of its paragraph, with
 * every finding of the paragraph masked, so that a reader finds it without counting paragraphs.
 */
function addWordContext(findings: Finding[], doc: Document): void {
  const lines = doc.source.split('\n');
  for (const finding of findings) {
    const paragraph = lines[finding.line - 1] ?? '';
    // Where a finding ends in this paragraph: its end, or the paragraph's when it runs on.
    const endOf = (f: Finding) => (f.endLine > f.line ? paragraph.length : f.endColumn - 1);
    const from = finding.column - 1;
    const to = endOf(finding);
    let start = Math.max(0, from - EXCERPT_REACH);
    let end = Math.min(paragraph.length, to + EXCERPT_REACH);
    // Whole words at the edges.
    if (start > 0) start = paragraph.indexOf(' ', start) + 1 || start;
    if (end < paragraph.length) end = Math.max(to, paragraph.lastIndexOf(' ', end));
    const hidden = findings.filter((f) => f.line === finding.line).map((f) => [f.column - 1, endOf(f)] as const);
    const excerpt = maskedExcerpt(paragraph, start, end, hidden);
    const heading = doc.headings?.[finding.line];
    finding.context = heading ? { heading: compactText(heading).slice(0, 80), excerpt } : { excerpt };
  }
}

/** Loads the config and rules once and checks any number of drafts with them. */
export function createChecker(options: CheckerOptions = {}): Checker {
  const setup = setUp(options);
  const { cwd, config, rules, compiled, policy } = setup;
  const ignoreFiles =
    options.ignore === false
      ? undefined
      : new IgnoreFiles(cwd, config.ignores && IgnoreFiles.patterns(config.ignores.base, config.ignores.patterns, config.file ? shownPath(config.file, cwd) : 'config'));
  let preparing: Promise<void> | undefined;
  const ready = (): Promise<void> => (preparing ??= prepareLanguage(setup));

  // What a disable comment may name.
  const directiveNames: ReadonlySet<string> = new Set([...rules.map((r) => r.id), ...CATEGORIES]);
  // The names' context with an override's allowed names, made once for each set of overrides.
  const allowedContexts = new Map<string, typeof setup.context>();
  const contextFor = (settings: DraftSettings | null) => {
    const names = setup.context.names;
    if (!settings || settings.allowNames.length === 0 || !names) return setup.context;
    let context = allowedContexts.get(settings.key);
    if (!context) {
      context = { ...setup.context, names: { ...names, allow: allowedNames([...config.allow.names, ...settings.allowNames]) } };
      allowedContexts.set(settings.key, context);
    }
    return context;
  };

  /**
   * What applies to the draft at `absolute`: the overrides that match it, the channel it has
   * unless its front matter says (--channel, then the overrides, then the config), and its rule
   * settings (--rule over the overrides over the config).
   */
  const settingsAt = (absolute: string) => {
    const settings = config.overrides ? settingsFor(config, absolute) : null;
    const ruleSettings = settings?.rules ?? config.rules;
    return { settings, fallback: options.channel ?? settings?.channel ?? setup.channel, rules: options.rules ? { ...ruleSettings, ...options.rules } : ruleSettings };
  };

  const checkParsed = (doc: Document, path: string, photos: PhotoMetadata[] = [], absolute = resolve(cwd, path)): FileResult => {
    const { settings, fallback, rules: ruleSettings } = settingsAt(absolute);
    const { channel, problem } = channelOf(doc.frontMatter, fallback, doc.source);
    const directives = { known: directiveNames, reportUnused: options.reportUnusedDisableDirectives === true, problems: [] as DirectiveProblem[] };
    const base = contextFor(settings);
    const context = compiled.needs.has('photos') ? { ...base, photos } : base;
    let findings;
    try {
      findings = checkDocument(doc, compiled, { channel, overrides: ruleSettings, showMatches: options.showMatches, directives }, context);
    } catch (error) {
      // One user rule too slow on this draft: the draft is reported as not checked, the others go on.
      if (!(error instanceof StoppedRuleError)) throw error;
      return { path, channel, findings: [], error: error.message };
    }
    applyApproval(findings, doc.frontMatter, policy.authorisable);
    if (doc.asides) sayWhereAside(findings, doc.asides);
    if (doc.format === 'docx') addWordContext(findings, doc);
    const broken = doc.problems[0];
    const lines = options.fingerprintSalt || broken ? new LineIndex(doc.source) : undefined;
    if (options.fingerprintSalt) {
      for (const f of findings) f.fingerprint = fingerprint(options.fingerprintSalt, path, f, doc.source, lines!);
    }
    const result: FileResult = { path, channel, findings };
    if (directives.problems.length > 0) {
      result.note = directives.problems.map((p) => p.message).join('; ');
      const unused = directives.problems.filter((p) => p.unused).length;
      if (unused > 0) result.unusedDirectives = unused;
    }
    if (broken) {
      result.error = broken.message;
      result.errorLine = lines!.position(broken.offset).line;
    } else if (problem) {
      result.error = problem.message;
      if (problem.line) result.errorLine = problem.line;
    }
    return result;
  };

  /**
   * Checks a draft on disk (its bytes, when already read), and gives the document it read.
   * `folders` is what the run has found of its photos' folders (see readPhotoMetadata).
   */
  const inspectFile = async (file: DraftFile, bytes?: Uint8Array, folders?: Map<string, boolean>): Promise<{ result: FileResult; doc?: Document }> => {
    const { absolute, shown } = file;
    const word = formatOf(absolute) === 'docx';
    const positions = word ? { positions: 'paragraphs' as const } : {};
    const only = (result: FileResult) => ({ result });
    let draft;
    try {
      draft = await readDraft(absolute, bytes ?? file.bytes ?? (file.staged ? readDraftFile(file) : undefined));
    } catch (error) {
      if (!(error instanceof UnreadableDraftError)) throw error;
      return only({ path: shown, channel: setup.channel, findings: [], error: error.message });
    }
    const { doc, embedded } = draft;
    if (draft.empty) return only({ path: shown, channel: setup.channel, findings: [], note: 'file is empty; nothing to check', ...positions });
    // The layer loads at the first draft a sequence rule could match: a run with none pays nothing.
    if (!setup.context.language && needsLanguage(compiled, doc.prose.text)) await ready();
    // Only drafts with images pay for reading photo metadata.
    if (!compiled.needs.has('photos') || doc.images.length === 0) return { result: { ...checkParsed(doc, shown, [], absolute), ...positions }, doc };
    const lines = new LineIndex(doc.source);
    const { photos, notes } = await readPhotoMetadata(doc.images, absolute, (offset) => lines.position(offset).line, embedded, folders);
    const result: FileResult = { ...checkParsed(doc, shown, photos, absolute), ...positions };
    if (notes.length > 0 && !word) result.note = [...notes, ...(result.note ? [result.note] : [])].join('; ');
    return { result, doc };
  };

  const checkFile = async (draft: DraftFile): Promise<FileResult> => (await inspectFile(draft)).result;

  // Never with --show-matches, so that the cache never holds a matched text.
  const cache =
    options.cache && !options.showMatches
      ? new ResultCache(
          resolve(cwd, typeof options.cache === 'string' ? options.cache : '.safepostcache'),
          cacheKey(config, rules, options),
          policy.clauses,
          options.warn ?? (() => {}),
          cwd,
        )
      : undefined;

  const eachResult = async (drafts: DraftFile[], visit: (result: FileResult) => void): Promise<void> => {
    // Photos' folders are asked about once a run: a folder made since the last run is seen.
    const folders = new Map<string, boolean>();
    const inspect = (draft: DraftFile, bytes?: Uint8Array) => inspectFile(draft, bytes, folders);
    if (cache) return checkWithCache(cache, drafts, visit, inspect);
    const threads = threadsFor(drafts.length, options.concurrency);
    if (threads > 1) {
      const { warn: _warn, ...workerOptions } = options;
      for (const result of await checkInThreads(drafts, threads, { ...workerOptions, cwd }, async (draft) => (await inspect(draft)).result)) visit(result);
      return;
    }
    for (const draft of drafts) visit((await inspect(draft)).result);
  };

  const checkDrafts = async (drafts: DraftFile[]): Promise<Report> => {
    const files: FileResult[] = [];
    await eachResult(drafts, (result) => files.push(result));
    return { files, summary: summarize(files) };
  };

  return {
    config,
    rules,
    ignoreFiles,
    ready,
    checkText(text, path = '<text>', format) {
      if (compiled.needs.has('language') && !setup.context.language) {
        throw new Error('the rules include sequence rules: await checker.ready() once before checkText');
      }
      return checkParsed(parseDocument(text, format ?? formatOf(path)), path);
    },
    checkFile,
    async checkPaths(paths) {
      // A folder that cannot be read fails the check as an unreadable draft does; a link out of it is a note.
      const unreadable: FileResult[] = [];
      const drafts = resolveDrafts(paths, cwd, options.exclude, {
        ignore: ignoreFiles,
        onSkipped: ({ shown, kind, message }) => {
          if (kind === 'unreadable') unreadable.push({ path: shown, channel: setup.channel, findings: [], error: message });
          else options.warn?.(message);
        },
      });
      const files = [...unreadable];
      await eachResult(drafts, (result) => files.push(result));
      return { files, summary: summarize(files) };
    },
    checkDrafts,
    eachResult,
    async settingsOf(draft) {
      const { settings, fallback, rules: ruleSettings } = settingsAt(draft.absolute);
      let frontMatter: Record<string, unknown> | null = null;
      try {
        frontMatter = (await readDraft(draft.absolute, readDraftFile(draft))).doc.frontMatter;
      } catch (error) {
        if (!(error instanceof UnreadableDraftError)) throw error;
        throw new SafepostError(`${draft.shown}: ${error.message}`);
      }
      const { channel } = channelOf(frontMatter, fallback);
      const declared = frontMatter?.channel !== undefined && channel === frontMatter.channel;
      const channelFrom = declared ? 'front matter' : options.channel ? '--channel' : settings?.channel ? 'overrides' : config.channel ? 'config' : 'default';
      return {
        path: draft.shown,
        config: config.file ? shownPath(config.file, cwd) : null,
        channel,
        channelFrom,
        overrides: settings ? settings.key.trim().split(' ').map(Number) : [],
        ignored: ignoreFiles?.ignores(draft.absolute) ?? false,
        roster: config.roster ? shownPath(config.roster, cwd) : null,
        rules: Object.fromEntries(rules.map((rule) => [rule.id, rule.channels.includes(channel) ? severityOf(rule, channel, ruleSettings) : 'off'])),
      };
    },
  };
}

/** One call for the common case: check paths or a text with the given options. */
export async function check(input: { paths: string[] } | { text: string; path?: string }, options: CheckerOptions = {}): Promise<Report> {
  const checker = createChecker(options);
  if ('paths' in input) return checker.checkPaths(input.paths);
  await checker.ready();
  const file = checker.checkText(input.text, input.path);
  return { files: [file], summary: summarize([file]) };
}
