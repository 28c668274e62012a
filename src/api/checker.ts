import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkReadable, loadConfig } from '../config/load.js';
import type { ResolvedConfig } from '../config/schema.js';
import { decodeDraft, formatOf, parseDocument, readDocx, UnreadableDocxError, UnreadableDraftError } from '../documents/index.js';
import { OBJECT, type DocxDraft } from '../documents/docx.js';
import type { DocumentFormat } from '../documents/index.js';
import { LineIndex } from '../text/positions.js';
import { checkDocument } from '../engine/check-document.js';
import { compileRules, type CompiledRuleSet } from '../engine/compile.js';
import { rememberStems } from '../text/tokens.js';
import { SafepostError } from '../errors.js';
import { resolveDrafts, type DraftFile } from '../drafts/find.js';
import { fingerprint } from '../results/baseline.js';
import { ResultCache } from '../files/cache.js';
import { sha256 } from '../fs/hash.js';
import { localImagePath, readPhotoMetadata } from '../documents/photo-metadata.js';
import { BUILT_IN_RULES, loadClauses } from '../rules/policy.js';
import { builtInFingerprint, readPrebuilt } from '../lexicon/baked.js';
import { VERSION } from '../version.js';
import { shownPath } from '../fs/shown-path.js';
import { loadImageWords } from '../lexicon/image-words.js';
import type { NameContext, PhotoMetadata } from '../detectors/index.js';
import { allowedNames, loadNameLexicon, loadRoster } from '../roster/index.js';
import { summarize, type FileResult, type Report } from '../results/schema.js';
import { loadRules } from '../rules/load.js';
import { ChannelSchema, type Channel, type LoadedRule } from '../rules/schema.js';
import { checkInThreads, threadsFor } from './parallel.js';

export interface CheckerOptions {
  /** Folder that relative paths and config discovery start from. Default: the current folder. */
  cwd?: string;
  /** A config file, or `false` to use none. Default: `safepost.config.yaml` found upwards from `cwd`. */
  config?: string | false;
  /** Channel for drafts whose front matter does not say (wins over the config's). */
  channel?: Channel;
  /** Pupil roster CSV (wins over the config's). */
  roster?: string;
  /** Extra rule folders, added to those of the config. */
  ruleFolders?: string[];
  /**
   * Threads for many drafts: a number, or 'auto' for one a core when there are enough drafts.
   * Default 1: a second thread saves about 15% on 10,000 drafts on a 2-core machine, and costs
   * more than it saves on a few.
   */
  concurrency?: number | 'auto';
  /** Put the exact text of each finding in the report (`match`). Off by default: it may be a personal detail. */
  showMatches?: boolean;
  /** Skip drafts unchanged since the last run: true for `.safepostcache`, or the cache file's path. */
  cache?: boolean | string;
  /** Globs of drafts not to check, relative to `cwd` (`content/archive/**`); a folder excludes all in it. */
  exclude?: string[];
  /** Give each finding a `fingerprint` salted with this, for a baseline. */
  fingerprintSalt?: string;
}

export interface Checker {
  readonly config: ResolvedConfig;
  readonly rules: LoadedRule[];
  /** Checks one draft given as text; `path` picks the format (by extension) and is shown in the report. */
  checkText(text: string, path?: string, format?: DocumentFormat): FileResult;
  /** Checks one draft on disk, and the metadata of its local photos. */
  checkFile(file: DraftFile): Promise<FileResult>;
  /** Checks files, folders and globs. */
  checkPaths(paths: string[]): Promise<Report>;
  /** Checks a list of drafts already found (for example the changed ones). */
  checkDrafts(drafts: DraftFile[]): Promise<Report>;
  /**
   * Checks drafts and hands each result to `visit` when it is ready, in order, keeping none: for
   * writing the report of a whole site while it is checked.
   */
  eachResult(drafts: DraftFile[], visit: (result: FileResult) => void): Promise<void>;
}

// Word files carry their photos: a larger limit than for text drafts.
const MAX_DOCX_BYTES = 50 * 1024 * 1024;

/** Loads the config and rules once and checks any number of drafts with them. */
export function createChecker(options: CheckerOptions = {}): Checker {
  const cwd = options.cwd ?? process.cwd();
  const config = { ...loadConfig({ config: options.config, cwd }) };
  if (options.roster) {
    config.roster = resolve(cwd, options.roster);
    checkReadable(config.roster, '--roster', cwd);
  }
  const rules = loadRules([...config.ruleFolders, ...(options.ruleFolders ?? [])]);
  const known = new Set(rules.map((r) => r.id));
  for (const id of Object.keys(config.rules)) {
    if (!known.has(id)) {
      const line = config.ruleLines?.[id];
      throw new SafepostError(
        `${config.file ? shownPath(config.file, cwd) : 'config'}${line ? `:${line}` : ''}: rules: no rule "${id}"; run "safepost rules" to list the rule ids`,
      );
    }
  }
  const stems = readPrebuilt(BUILT_IN_RULES)?.stems;
  if (stems) rememberStems(stems);
  const compiled: CompiledRuleSet = compileRules(rules);
  const names: NameContext | undefined = rules.some((r) => (r.kind === 'detector' && r.detector === 'pupil-names') || r.near?.names)
    ? {
        roster: config.roster ? loadRoster(config.roster, cwd) : null,
        lexicon: loadNameLexicon(),
        allow: allowedNames(config.allow.names),
      }
    : undefined;
  const defaultChannel = options.channel ?? config.channel ?? 'official';

  const needsPhotos = rules.some((r) => r.kind === 'detector' && r.detector === 'photo-metadata');
  const imageWords = rules.some((r) => r.kind === 'detector' && r.detector === 'images') ? loadImageWords() : undefined;

  const checkSource = (source: string, path: string, format: DocumentFormat, photos?: PhotoMetadata[], doc = parseDocument(source, format)): FileResult => {
    let channel: Channel = defaultChannel;
    let error: string | undefined;
    let errorOffset: number | undefined;
    const declared = doc.frontMatter?.channel;
    if (declared !== undefined) {
      const parsed = ChannelSchema.safeParse(declared);
      if (parsed.success) channel = parsed.data;
      else {
        error = `front matter channel "${String(declared)}" is not a channel; use official, staff-personal, parent or pupil`;
      }
    }
    if (doc.problems.length > 0) {
      error = doc.problems[0].message;
      errorOffset = doc.problems[0].offset;
    }
    const findings = checkDocument(doc, compiled, {
      channel,
      overrides: config.rules,
      official: config.official,
      showMatches: options.showMatches,
      names,
      imageWords,
      photos,
    });
    applyApproval(findings, doc.frontMatter);
    if (options.fingerprintSalt) {
      const lines = new LineIndex(source);
      for (const f of findings) f.fingerprint = fingerprint(options.fingerprintSalt, path, f, source, lines);
    }
    const result: FileResult = { path, channel, findings };
    if (error) {
      result.error = error;
      if (errorOffset !== undefined) result.errorLine = new LineIndex(source).position(errorOffset).line;
    }
    return result;
  };

  const checkWordFile = async (absolute: string, shown: string): Promise<FileResult> => {
    let draft: DocxDraft;
    try {
      const bytes = readFileSync(absolute);
      if (bytes.length > MAX_DOCX_BYTES) throw new UnreadableDocxError(`is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, over the 50 MB limit for a Word draft`);
      draft = await readDocx(bytes);
    } catch (error) {
      const reason = error instanceof UnreadableDocxError ? error.message : `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
      return { path: shown, channel: defaultChannel, findings: [], error: `file ${reason}` };
    }
    const { doc, embedded } = draft;
    if (doc.images.length === 0 && !/\S/.test(doc.source.split(OBJECT).join(''))) {
      return { path: shown, channel: defaultChannel, findings: [], note: 'file is empty; nothing to check', positions: 'paragraphs' };
    }
    let photos: PhotoMetadata[] | undefined;
    if (needsPhotos && doc.images.length > 0) {
      const lines = new LineIndex(doc.source);
      photos = (await readPhotoMetadata(doc.images, absolute, (offset) => lines.position(offset).line, embedded)).photos;
    }
    return { ...checkSource(doc.source, shown, 'docx', photos, doc), positions: 'paragraphs' };
  };

  /**
   * Checks a draft on disk (its bytes, when already read), and says which local photos it names,
   * for the cache to watch.
   */
  const inspectFile = async ({ absolute, shown }: DraftFile, bytes?: Uint8Array): Promise<{ result: FileResult; photoPaths: string[] }> => {
    if (formatOf(absolute) === 'docx') return { result: await checkWordFile(absolute, shown), photoPaths: [] };
    const only = (result: FileResult) => ({ result, photoPaths: [] });
    let source: string;
    try {
      source = decodeDraft(bytes ?? readFileSync(absolute));
    } catch (error) {
      const reason =
        error instanceof UnreadableDraftError
          ? error.message
          : `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
      return only({ path: shown, channel: defaultChannel, findings: [], error: reason });
    }
    if (/^\uFEFF?\s*$/.test(source)) {
      return only({ path: shown, channel: defaultChannel, findings: [], note: 'file is empty; nothing to check' });
    }
    const format = formatOf(absolute);
    const doc = parseDocument(source, format);
    const photoPaths = doc.images.map((i) => localImagePath(i.src, absolute)).filter((p): p is string => p !== null);
    // Only drafts with images pay for reading photo metadata.
    if (!needsPhotos || doc.images.length === 0) return { result: checkSource(source, shown, format, undefined, doc), photoPaths };
    const lines = new LineIndex(source);
    const { photos, notes } = await readPhotoMetadata(doc.images, absolute, (offset) => lines.position(offset).line);
    const result = checkSource(source, shown, format, photos, doc);
    if (notes.length > 0) result.note = notes.join('; ');
    return { result, photoPaths };
  };

  const checkFile = async (draft: DraftFile): Promise<FileResult> => (await inspectFile(draft)).result;

  // The cache is not used with --show-matches, so that it never holds a matched text. It is read
  // when drafts are first checked.
  const cacheFile =
    options.cache && !options.showMatches ? resolve(cwd, typeof options.cache === 'string' ? options.cache : '.safepostcache') : null;
  let cache: ResultCache | undefined;

  const eachCached = async (drafts: DraftFile[], visit: (result: FileResult) => void): Promise<void> => {
    cache ??= new ResultCache(cacheFile!, cacheFingerprint(config, rules, options), loadClauses());
    for (const draft of drafts) {
      const found = cache.lookup(draft.absolute, draft.shown);
      if (found && 'result' in found) {
        visit(found.result);
        continue;
      }
      const { result, photoPaths } = await inspectFile(draft, found?.bytes);
      if (found) cache.set(draft.absolute, found.bytes, found.stamp, result, photoPaths);
      visit(result);
    }
    cache.save();
  };

  const eachResult = async (drafts: DraftFile[], visit: (result: FileResult) => void): Promise<void> => {
    if (cacheFile) return eachCached(drafts, visit);
    const threads = threadsFor(drafts.length, options.concurrency);
    if (threads > 1) {
      for (const result of await checkInThreads(drafts, threads, { ...options, cwd }, checkFile)) visit(result);
      return;
    }
    for (const draft of drafts) visit(await checkFile(draft));
  };

  const checkDrafts = async (drafts: DraftFile[]): Promise<Report> => {
    const files: FileResult[] = [];
    await eachResult(drafts, (result) => files.push(result));
    return { files, summary: summarize(files) };
  };

  return {
    config,
    rules,
    checkText(text, path = '<text>', format) {
      return checkSource(text, path, format ?? formatOf(path));
    },
    checkFile,
    async checkPaths(paths) {
      return checkDrafts(resolveDrafts(paths, cwd, options.exclude));
    },
    checkDrafts,
    eachResult,
  };
}

/**
 * What besides a draft decides its findings: safepost's version, every rule and the policy,
 * the name and image word lists, the config, the roster's content and the options. A change to
 * any of them empties the cache.
 */
function cacheFingerprint(config: ResolvedConfig, rules: LoadedRule[], options: CheckerOptions): string {
  const builtIn = builtInFingerprint(BUILT_IN_RULES);
  let roster: string | null = null;
  if (config.roster) {
    try {
      roster = sha256(readFileSync(config.roster));
    } catch {
      roster = 'unreadable';
    }
  }
  const { file: _file, ruleLines: _lines, ...settings } = config;
  return sha256(
    JSON.stringify({ version: VERSION, rules, builtIn, settings, roster, channel: options.channel ?? null, salt: options.fingerprintSalt ?? null }),
  );
}

/** Clauses a senior leader can authorise a post against: opinions on the trust's behalf, sensitive topics. */
const AUTHORISABLE = new Set(['6(d)', '6(e)']);

/**
 * A post authorised in its front matter (`approved-by:` and `approved-on:`) keeps its findings
 * under 6(d) and 6(e), as information naming who approved it and when.
 */
function applyApproval(findings: FileResult['findings'], frontMatter: Record<string, unknown> | null): void {
  const by = frontMatter?.['approved-by'];
  const on = frontMatter?.['approved-on'];
  if (typeof by !== 'string' || by.trim() === '' || (typeof on !== 'string' && !(on instanceof Date)) || String(on).trim() === '') return;
  const when = on instanceof Date ? on.toISOString().slice(0, 10) : on.trim();
  for (const f of findings) {
    if (!AUTHORISABLE.has(f.clause.id)) continue;
    f.severity = 'info';
    f.message = `${f.message} (authorised by ${by.trim()} on ${when})`;
  }
}

/** One call for the common case: check paths or a text with the given options. */
export async function check(
  input: { paths: string[] } | { text: string; path?: string },
  options: CheckerOptions = {},
): Promise<Report> {
  const checker = createChecker(options);
  if ('paths' in input) return checker.checkPaths(input.paths);
  const file = checker.checkText(input.text, input.path);
  return { files: [file], summary: summarize([file]) };
}

