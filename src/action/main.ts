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

/** What the action writes to: the log and the environment's files. */
export interface ActionIO {
  env: NodeJS.ProcessEnv;
  log: (text: string) => void;
}

// GitHub passes `with:` inputs as INPUT_<NAME>, upper case, hyphens kept.
const input = (env: NodeJS.ProcessEnv, name: string) => (env[`INPUT_${name.toUpperCase()}`] ?? '').trim();

/** Lines added or changed in a pull request, by file, from `git diff` against its base. */
function changedLines(workspace: string, base: string): Map<string, Set<number>> {
  let diff: string;
  try {
    // quotePath off so that names with accents or spaces come through as they are
    diff = execFileSync('git', ['-c', 'core.quotePath=false', 'diff', '--unified=0', '--no-color', '--no-ext-diff', `${base}...HEAD`], {
      cwd: workspace,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch {
    throw new SafepostError(
      `could not find the lines this pull request changed: its base commit ${base.slice(0, 12)} is not in the checkout. ` +
        'Check out with actions/checkout and "fetch-depth: 0".',
    );
  }
  const lines = new Map<string, Set<number>>();
  let current: Set<number> | null = null;
  for (const line of diff.split('\n')) {
    const file = /^\+\+\+ b\/(.*)$/.exec(line);
    if (file) {
      current = new Set();
      lines.set(file[1], current);
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

/** The base commit of the pull request that triggered the run, if any. */
function pullRequestBase(env: NodeJS.ProcessEnv): string | null {
  if (!env.GITHUB_EVENT_PATH || !/^pull_request/.test(env.GITHUB_EVENT_NAME ?? '')) return null;
  try {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as { pull_request?: { base?: { sha?: string } } };
    return event.pull_request?.base?.sha ?? null;
  } catch {
    return null;
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
    const checker = createChecker({
      cwd: workspace,
      config: input(env, 'config') || undefined,
      roster: input(env, 'roster') || undefined,
      channel: (channel || undefined) as never,
      concurrency: 1,
      exclude: input(env, 'exclude').split(/\s+/).filter(Boolean),
    });
    const paths = input(env, 'paths').split(/\s+/).filter(Boolean);
    const report = await checker.checkPaths(paths.length ? paths : ['.']);

    const base = pullRequestBase(env);
    let files: FileResult[] = report.files;
    if (base) {
      const changed = changedLines(workspace, base);
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
    const sarifFile = input(env, 'sarif-file');
    if (sarifFile) {
      const path = resolve(workspace, sarifFile);
      try {
        writeFileAtomic(path, FORMATTERS.sarif(report, { color: false, rules: checker.rules }), { createFolder: true });
      } catch (error) {
        throw new SafepostError(`cannot write the SARIF report to ${sarifFile}: ${writeFailureReason(error)}`);
      }
    }
    const { errors, warnings, fileErrors } = shown.summary;
    if (env.GITHUB_OUTPUT) {
      try {
        appendFileSync(env.GITHUB_OUTPUT, `errors=${errors}\nwarnings=${warnings}\nfiles=${report.files.length}\n`);
      } catch (error) {
        throw new SafepostError(`cannot write the step's outputs to GITHUB_OUTPUT (${env.GITHUB_OUTPUT}): ${writeFailureReason(error)}`);
      }
    }
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
