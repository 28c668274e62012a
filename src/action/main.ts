import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createChecker } from '../api/checker.js';
import { SafepostError } from '../errors.js';
import { printable } from '../text/shown-text.js';
import { writeFailureReason, writeFileAtomic } from '../fs/write-file.js';
import { FORMATTERS, type FormatName } from '../report/index.js';
import { summarize, type FileResult } from '../results/schema.js';
import { ChannelSchema } from '../rules/schema.js';
import { BaselineFilter, readBaseline } from '../results/baseline.js';
import { stepSummary } from './summary.js';

/** What the action writes to: the log and the environment's files. */
export interface ActionIO {
  env: NodeJS.ProcessEnv;
  log: (text: string) => void;
}

// GitHub passes `with:` inputs as INPUT_<NAME>, upper case, hyphens kept.
const input = (env: NodeJS.ProcessEnv, name: string) => (env[`INPUT_${name.toUpperCase()}`] ?? '').trim();

/**
 * Lines added or changed in a pull request, by file, from `git diff` against its base. The paths
 * come from git's NUL-separated list of the files changed, as they are (spaces, tabs, any
 * script), and never from the patch's headers, which end a name with a space in a tab; the
 * patch gives the lines, one section a file in the same order as the list.
 */
function changedLines(workspace: string, base: string): Map<string, Set<number>> {
  const git = (args: string[]) =>
    execFileSync('git', ['-c', 'core.quotePath=false', 'diff', '-M', '--no-ext-diff', '--no-color', ...args, `${base}...HEAD`], {
      cwd: workspace,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  let names: string;
  let patch: string;
  try {
    names = git(['-z', '--name-status']);
    patch = git(['--unified=0']);
  } catch {
    throw new SafepostError(
      `could not find the lines this pull request changed: its base commit ${base.slice(0, 12)} is not in the checkout. ` +
        'Check out with actions/checkout and "fetch-depth: 0".',
    );
  }
  // Each entry is a status and a path, or two for a rename or a copy (R100, C75): the new path is last.
  const files: Array<string | null> = [];
  const fields = names.split('\0');
  for (let i = 0; i < fields.length - 1; ) {
    const status = fields[i];
    const paths = /^[RC]/.test(status) ? 2 : 1;
    files.push(status.startsWith('D') ? null : fields[i + paths]);
    i += 1 + paths;
  }
  const lines = new Map<string, Set<number>>();
  let section = -1;
  let current: Set<number> | null = null;
  for (const line of patch.split('\n')) {
    if (line.startsWith('diff --git ')) {
      const file = files[++section];
      current = file === undefined || file === null ? null : new Set();
      if (current) lines.set(file!, current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && current) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let n = start; n < start + count; n++) current.add(n);
    }
  }
  return lines;
}

/** The base commit and number of the pull request that triggered the run, if any. */
function pullRequestOf(env: NodeJS.ProcessEnv): { base: string; number?: number } | null {
  if (!env.GITHUB_EVENT_PATH || !/^pull_request/.test(env.GITHUB_EVENT_NAME ?? '')) return null;
  try {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as { pull_request?: { base?: { sha?: string }; number?: number } };
    const base = event.pull_request?.base?.sha;
    return base ? { base, number: event.pull_request?.number } : null;
  } catch {
    return null;
  }
}

/** Where code scanning shows this run's SARIF once uploaded, when GitHub says which repository this is. */
function codeScanningUrl(env: NodeJS.ProcessEnv, pullRequest: number | undefined): string | undefined {
  if (!env.GITHUB_REPOSITORY) return undefined;
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/$/, '');
  return `${server}/${env.GITHUB_REPOSITORY}/security/code-scanning${pullRequest ? `?query=pr%3A${pullRequest}` : ''}`;
}

// GitHub shows this many annotations of each kind a step, and drops the rest.
const ANNOTATIONS_SHOWN = 10;

/** Appends to one of the files GitHub gives a step (outputs, summary); a failure names it. */
function appendToStepFile(env: NodeJS.ProcessEnv, name: 'GITHUB_OUTPUT' | 'GITHUB_STEP_SUMMARY', text: string, what: string): void {
  const path = env[name];
  if (!path) return;
  try {
    appendFileSync(path, text);
  } catch (error) {
    throw new SafepostError(`cannot write ${what} to ${name} (${path}): ${writeFailureReason(error)}`);
  }
}

/**
 * The GitHub Action: checks the drafts, prints annotations (on a pull request, only those on
 * the lines it changed, which are also the only ones that can fail it), writes SARIF if asked,
 * sets outputs, and returns the exit status.
 */
export async function runAction({ env, log }: ActionIO): Promise<number> {
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  try {
    const failOn = input(env, 'fail-on') || 'error';
    if (!['error', 'warning', 'never'].includes(failOn)) throw new SafepostError(`fail-on must be error, warning or never, not "${failOn}"`);
    const format = (input(env, 'format') || 'stylish') as FormatName;
    if (!(format in FORMATTERS)) throw new SafepostError(`format must be one of ${Object.keys(FORMATTERS).join(', ')}`);
    const channel = input(env, 'channel');
    if (channel && !ChannelSchema.safeParse(channel).success) throw new SafepostError(`channel must be official, staff-personal, parent or pupil`);
    const baselineFile = input(env, 'baseline');
    const baseline = baselineFile ? readBaseline(resolve(workspace, baselineFile), workspace) : undefined;
    const cache = input(env, 'cache');
    const checker = createChecker({
      cwd: workspace,
      config: input(env, 'config') || undefined,
      roster: input(env, 'roster') || undefined,
      channel: (channel || undefined) as never,
      concurrency: 1,
      exclude: input(env, 'exclude').split(/\s+/).filter(Boolean),
      fingerprintSalt: baseline?.salt,
      cache: cache || undefined,
    });
    const paths = input(env, 'paths').split(/\s+/).filter(Boolean);
    const report = await checker.checkPaths(paths.length ? paths : ['.']);
    if (baseline) {
      const accepted = new BaselineFilter(baseline);
      report.files.forEach((file) => accepted.hide(file));
      report.summary = { ...summarize(report.files), baselined: accepted.hidden };
    }

    const pullRequest = pullRequestOf(env);
    let files: FileResult[] = report.files;
    if (pullRequest) {
      const changed = changedLines(workspace, pullRequest.base);
      files = report.files.map((file) => {
        const lines = changed.get(file.path);
        return {
          ...file,
          findings: file.findings.filter((f) => {
            if (!lines) return false;
            for (let n = f.line; n <= f.endLine; n++) if (lines.has(n)) return true;
            return false;
          }),
        };
      });
    }
    const shown = { files, summary: summarize(files) };
    log(FORMATTERS.github(shown, { color: false, rules: checker.rules }));
    if (format !== 'github') log(FORMATTERS[format](shown, { color: false, rules: checker.rules }));
    const { errors, warnings, infos, fileErrors } = shown.summary;
    if (Math.max(errors + fileErrors, warnings, infos) > ANNOTATIONS_SHOWN) {
      log(`safepost: GitHub shows ${ANNOTATIONS_SHOWN} annotations of each kind a step; the step summary lists all ${errors + warnings + infos} findings.\n`);
    }
    const sarifFile = input(env, 'sarif-file');
    if (sarifFile) {
      const path = resolve(workspace, sarifFile);
      try {
        writeFileAtomic(path, FORMATTERS.sarif(report, { color: false, rules: checker.rules }), { createFolder: true });
      } catch (error) {
        throw new SafepostError(`cannot write the SARIF report to ${sarifFile}: ${writeFailureReason(error)}`);
      }
    }
    appendToStepFile(env, 'GITHUB_OUTPUT', `errors=${errors}\nwarnings=${warnings}\nfiles=${report.files.length}\n`, "the step's outputs");
    const sarif = sarifFile ? { file: sarifFile, url: codeScanningUrl(env, pullRequest?.number) } : undefined;
    appendToStepFile(env, 'GITHUB_STEP_SUMMARY', stepSummary(shown, { pullRequest: pullRequest !== null, sarif }), 'the step summary');
    // A draft that could not be read is never passed silently, as on the command line.
    if (failOn === 'error' && errors + fileErrors > 0) return 1;
    if (failOn === 'warning' && errors + warnings + fileErrors > 0) return 1;
    return 0;
  } catch (error) {
    const message = error instanceof SafepostError ? error.message : `internal error: ${(error as Error).message}`;
    log(`::error title=safepost::${printable(message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'))}\n`);
    return 2;
  }
}

// Run when executed as the action's entry (not when imported by a test).
if (process.env.GITHUB_ACTIONS === 'true' || process.env.SAFEPOST_ACTION === '1') {
  process.exitCode = await runAction({ env: process.env, log: (text) => process.stdout.write(text) });
}
