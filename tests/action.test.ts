import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';
import { tempFolder } from './helpers/temp.js';

// The action as GitHub runs it: the committed bundle, with GITHUB_* and INPUT_* in its environment.
function runAction(workspace: string, inputs: Record<string, string>, event?: object, extraEnv: Record<string, string> = {}) {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: join(workspace, 'github-output.txt'),
  };
  if (event) {
    writeFileSync(join(workspace, 'event.json'), JSON.stringify(event));
    env.GITHUB_EVENT_NAME = 'pull_request';
    env.GITHUB_EVENT_PATH = join(workspace, 'event.json');
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  Object.assign(env, extraEnv);
  const r = spawnSync(process.execPath, [join(ROOT, 'action', 'index.mjs')], { cwd: workspace, env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A repository whose first commit holds `files`: its folder, a git runner in it, and the commit. */
function repository(files: Record<string, string>) {
  const dir = tempFolder(files);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe', encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.org');
  git('config', 'user.name', 'Test');
  git('add', '.');
  git('commit', '-q', '-m', 'base');
  return { dir, git, base: git('rev-parse', 'HEAD') };
}

function pullRequest() {
  const { dir, git, base } = repository({ 'news/old.md': 'Old post: legal action.\nFine line.\n' });
  writeFileSync(join(dir, 'news/old.md'), 'Old post: legal action.\nFine line, and our SATs results.\n');
  git('commit', '-q', '-am', 'change');
  return { dir, event: { pull_request: { base: { sha: base } } } };
}

/** A pull request that adds, renames and changes drafts whose names have spaces and accents. */
function awkwardPullRequest() {
  const { dir, git, base } = repository({ 'news/plain.md': 'A plain post.\n', 'news/to rename.md': 'First line.\nSecond line.\n' });
  writeFileSync(join(dir, 'news', '2025-06-08 summer fair.md'), 'Summer fair!\nOur SATs results are in.\nOur budget deficit is growing.\n');
  writeFileSync(join(dir, 'news', 'café ☕ notes.md'), 'Coffee morning.\nOur SATs results are in.\n');
  git('mv', 'news/to rename.md', 'news/renamed now.md');
  writeFileSync(join(dir, 'news', 'renamed now.md'), 'First line.\nSecond line.\nOur SATs results are in.\n');
  git('add', '.');
  git('commit', '-q', '-m', 'change');
  return { dir, event: { pull_request: { base: { sha: base }, number: 7 } } };
}

describe('the GitHub Action', () => {
  it('finds the changed lines of drafts whose names have spaces, accents and emoji, and of renamed ones', () => {
    const { dir, event } = awkwardPullRequest();
    const r = runAction(dir, { paths: 'news', 'fail-on': 'warning' }, event);
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::')).map((l) => /^::(\w+) file=([^,]+),line=(\d+)/.exec(l)!.slice(1).join(' '));
    expect(annotations).toEqual([
      'warning news/2025-06-08 summer fair.md 2',
      'warning news/2025-06-08 summer fair.md 3',
      'warning news/café ☕ notes.md 2',
      // Renamed with one line added: only that line is the pull request's.
      'warning news/renamed now.md 3',
    ]);
    expect(r.status).toBe(1);
  });

  it('writes a step summary: counts by category and every finding, with the link to code scanning', () => {
    const { dir, event } = awkwardPullRequest();
    const summaryFile = join(dir, 'summary.md');
    const r = runAction(dir, { paths: 'news', 'sarif-file': 'out/safepost.sarif' }, event, {
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_REPOSITORY: 'brookfield/site',
      GITHUB_SERVER_URL: 'https://github.com',
    });
    expect(r.status).toBe(0);
    const summary = readFileSync(summaryFile, 'utf8');
    expect(summary).toContain('### safepost: 0 errors and 4 warnings in 4 drafts\n\nOnly the lines this pull request changed are counted.');
    expect(summary).toContain('| sensitive school topics | 0 | 4 | 0 |');
    expect(summary).toContain('| news/2025-06-08 summer fair.md | 2 | exam-results | warning: Mentions test or exam results: "SATs results" | 6(e) |');
    expect(summary.match(/^\| news\//gm)).toHaveLength(4);
    expect(summary).toContain('[code scanning](https://github.com/brookfield/site/security/code-scanning?query=pr%3A7)');
  });

  it('says in the log, past ten findings of a kind, that the step summary has them all', () => {
    const lines = Array.from({ length: 12 }, (_, i) => `Post ${i}: our SATs results are in.`).join('\n\n');
    const dir = tempFolder({ 'news/many.md': `${lines}\n` });
    const r = runAction(dir, { paths: 'news', 'fail-on': 'never' }, undefined, { GITHUB_STEP_SUMMARY: join(dir, 'summary.md') });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('safepost: GitHub shows 10 annotations of each kind a step; the step summary lists all 12 findings.');
    expect(readFileSync(join(dir, 'summary.md'), 'utf8').match(/^\| news\/many\.md \|/gm)).toHaveLength(12);
  });

  it('leaves out the findings of a baseline, and keeps a cache file where asked', () => {
    const { dir } = pullRequest();
    execFileSync(process.execPath, [join(ROOT, 'bin', 'safepost.js'), 'baseline', 'news'], { cwd: dir, stdio: 'pipe' });
    const r = runAction(dir, { paths: 'news', baseline: '.safepost-baseline.json', cache: '.cache/safepost' });
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::'))).toEqual([]);
    expect(r.status).toBe(0);
    expect(existsSync(join(dir, '.cache', 'safepost'))).toBe(true);
  });

  it('runs on the Node that GitHub offers, with every input described', () => {
    const action = readFileSync(join(ROOT, 'action.yml'), 'utf8');
    expect(action).toMatch(/^ {2}using: node24$/m);
    for (const name of ['paths', 'exclude', 'config', 'roster', 'format', 'channel', 'fail-on', 'sarif-file', 'baseline', 'cache']) {
      expect(action).toMatch(new RegExp(`^  ${name}:\\n    description: .{20,}`, 'm'));
    }
    expect(action).toContain('stylish, json, sarif, github, gitlab or html');
  });

  it('annotates only the lines a pull request changed, and fails only on them', () => {
    const { dir, event } = pullRequest();
    const r = runAction(dir, { paths: 'news', 'fail-on': 'warning', 'sarif-file': 'out/safepost.sarif' }, event);
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toEqual([expect.stringMatching(/^::warning file=news\/old\.md,line=2,col=20,endLine=2,endColumn=32,title=6\(e\) .*\(exam-results\)::Mentions test or exam results/)]);
    expect(r.status).toBe(1);
    expect(readFileSync(join(dir, 'github-output.txt'), 'utf8')).toBe('errors=0\nwarnings=1\nfiles=1\n');
    const sarif = JSON.parse(readFileSync(join(dir, 'out/safepost.sarif'), 'utf8'));
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual(['legal-disputes', 'exam-results']);
  });

  it('says in one line when it cannot write the step outputs', () => {
    const { dir } = pullRequest();
    const r = runAction(dir, { paths: 'news' }, undefined, { GITHUB_OUTPUT: join(dir, 'news', 'old.md', 'output.txt') });
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/^::error title=safepost::cannot write the step's outputs to GITHUB_OUTPUT \(.*output\.txt\): part of the path is a file, not a folder \(ENOTDIR\); choose another path$/m);
    expect(r.stdout).not.toMatch(/internal error/);
  });

  it('passes a pull request whose changed lines have only warnings when it fails on errors', () => {
    const { dir, event } = pullRequest();
    expect(runAction(dir, { paths: 'news' }, event).status).toBe(0);
  });

  it('checks every line outside a pull request', () => {
    const { dir } = pullRequest();
    const r = runAction(dir, { paths: 'news' });
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::')).map((l) => l.slice(0, 8))).toEqual(['::error ', '::warnin']);
    expect(r.status).toBe(1);
  });

  it('reports a bad input as an error annotation and exit 2', () => {
    const { dir } = pullRequest();
    const r = runAction(dir, { 'fail-on': 'sometimes' });
    expect(r).toMatchObject({ status: 2, stdout: '::error title=safepost::fail-on must be error, warning or never, not "sometimes"\n' });
  });

  it('says how to fix a checkout without the pull request\'s base commit', () => {
    const { dir } = pullRequest();
    const r = runAction(dir, { paths: 'news' }, { pull_request: { base: { sha: 'f'.repeat(40) } } });
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/^::error title=safepost::could not find the lines this pull request changed: its base commit ffffffffffff is not in the checkout\. .*fetch-depth: 0/);
  });

  it('is the bundle the sources build today', () => {
    const out = join(tempFolder(), 'index.mjs');
    execFileSync(process.execPath, [join(ROOT, 'action', 'build.mjs'), out], { cwd: ROOT });
    expect(readFileSync(out, 'utf8') === readFileSync(join(ROOT, 'action', 'index.mjs'), 'utf8'), 'run "npm run build:action" and commit action/').toBe(true);
    // The action has no node_modules: without current prebuilt rules and name lists it cannot run.
    const data = join(dirname(out), 'builtin-data.json');
    expect(readFileSync(data, 'utf8') === readFileSync(join(ROOT, 'action', 'builtin-data.json'), 'utf8'), 'run "npm run build:action" and commit action/').toBe(true);
  });
});
