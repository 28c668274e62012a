// The package as a user gets it: packed, installed in an empty folder with no network, and run
// from there, away from this repository's node_modules.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers/cli.js';
import { tempFolder } from './helpers/temp.js';

const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

function sizeOf(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.size;
  return readdirSync(path).reduce((total, name) => total + sizeOf(join(path, name)), 0);
}

describe('the published package', () => {
  let project = '';
  let files: string[] = [];
  const installed = () => join(project, 'node_modules', 'safepost');
  const run = (args: string[], cwd = project) => {
    const r = spawnSync(join(project, 'node_modules', '.bin', 'safepost'), args, {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1' },
      encoding: 'utf8',
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('run "npm run build" first');
    const packed = tempFolder();
    // The build is already there (npm test makes it): pack it as it is, without building again
    // under the other tests' feet.
    const [pack] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', packed], ROOT)) as Array<{ filename: string; files: Array<{ path: string }> }>;
    files = pack.files.map((f) => f.path);
    project = tempFolder({ 'draft.md': 'Hello Jack Smith, ring me on 07700 900123.\n', 'clean.md': 'A lovely week in Year 3.\n' });
    npm(['install', '--offline', '--no-audit', '--no-fund', join(packed, pack.filename)], project);
  }, 120_000);

  it('holds the bundle, the rules and the types, and nothing of the build or the tests', () => {
    expect(files).toContain('dist/index.d.ts');
    expect(files).toContain('dist/builtin-data.json');
    expect(files).toContain('LICENSE');
    expect(files.filter((f) => !/^(?:bin|dist|rules)\/|^(?:README\.md|LICENSE|package\.json)$/.test(f))).toEqual([]);
    expect(files.filter((f) => f.startsWith('dist/build/'))).toEqual([]);
  });

  it('installs alone, with no dependencies, in under 5.5 MB', () => {
    const manifest = JSON.parse(readFileSync(join(installed(), 'package.json'), 'utf8')) as Record<string, unknown>;
    for (const key of ['dependencies', 'optionalDependencies', 'peerDependencies']) expect(manifest[key] ?? {}).toEqual({});
    expect(readdirSync(join(project, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual(['safepost']);
    expect(sizeOf(join(project, 'node_modules'))).toBeLessThan(5_500_000);
  });

  it('runs its command on a draft, and passes a clean one', () => {
    const r = run(['check', 'draft.md']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/personal-phone-number/);
    expect(r.stdout).toMatch(/pupil-full-name/);
    expect(run(['check', 'clean.md'])).toMatchObject({ status: 0, stderr: '' });
  });

  it('gives the findings of this checkout on the example drafts: Markdown, HTML, Word and photos', () => {
    const args = ['check', 'fixtures/', '--config', 'fixtures/safepost.config.yaml', '--format', 'json'];
    const here = runCli(args);
    expect(JSON.parse(here.stdout).summary.files).toBeGreaterThan(10);
    expect(run(args, ROOT)).toEqual(here);
  });

  it('checks many drafts on two threads as on one', () => {
    for (let i = 0; i < 120; i++) writeFileSync(join(project, `post-${i}.md`), i % 3 ? `Post ${i}: a lovely week.\n` : `Post ${i}: our SATs results are in.\n`);
    const one = run(['check', '.', '--format', 'json', '--concurrency', '1']);
    const two = run(['check', '.', '--format', 'json', '--concurrency', '2']);
    expect(two).toEqual(one);
    expect(JSON.parse(one.stdout).summary).toMatchObject({ files: 122, warnings: 40 });
  });

  it('serves the Node API', () => {
    const script = "import { check } from 'safepost'; const r = await check({ paths: ['draft.md'] }, { config: false }); console.log(JSON.stringify(r.files[0].findings.map((f) => f.ruleId)));";
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(['pupil-full-name', 'personal-phone-number']);
  });

  it('says what to do, instead of looking for build-time packages, when its prebuilt data is gone', () => {
    rmSync(join(installed(), 'dist', 'builtin-data.json'));
    const r = run(['check', 'clean.md']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^safepost: the built-in (?:name|word) lists \(.*builtin-data\.json\) are missing or older than .*rules\/: reinstall safepost/);
  });
});
