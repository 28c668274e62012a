import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync, readlinkSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, type CliResult } from '../helpers/cli.js';
import { nullDevice } from '../helpers/devices.js';
import { tempFolder } from '../helpers/temp.js';

const NO_CONFIG = ['--config', join(import.meta.dirname, '..', 'helpers', 'empty.config.yaml')];

/** A draft of about 60 KB with a personal phone number in each paragraph: its copy, report and baseline are large. */
function manyNumbers(): string {
  let text = '';
  for (let i = 0; text.length < 60_000; i++) text += `Call Mrs Kaur on 07700 900${String(100 + (i % 800))} about stall ${i}.\n\n`;
  return text;
}

/** Runs the command with files limited to 10 KB or so (`ulimit -f 20`): a write past that fails half way, with EFBIG. */
function runWithFileLimit(args: string[], cwd: string): CliResult {
  const r = spawnSync('sh', ['-c', 'ulimit -f 20 && exec "$@"', 'sh', process.execPath, BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd, NO_COLOR: '1', NODE_DISABLE_COMPILE_CACHE: '1' },
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('files safepost writes', () => {
  it('redact --in-place that cannot finish writing leaves the draft whole, and says why in one line', () => {
    const draft = manyNumbers();
    const dir = tempFolder({ 'post.md': draft });
    const r = runWithFileLimit(['redact', 'post.md', '--in-place', ...NO_CONFIG], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('safepost: cannot write the redacted copy to post.md: the file is larger than this system allows (EFBIG); write it to another place or raise the file-size limit (ulimit -f)\n');
    expect(readFileSync(join(dir, 'post.md'), 'utf8')).toBe(draft);
    expect(readdirSync(dir)).toEqual(['post.md']);
  });

  it('a baseline, a report and a hashed roster that cannot be written whole leave the old ones as they were', () => {
    const pupils = ['first_name,last_name', ...Array.from({ length: 400 }, (_, i) => `Pupil${i},Surname${i}`)].join('\n');
    const dir = tempFolder({ 'post.md': manyNumbers(), 'b.json': 'the last baseline', 'r.json': 'the last report', 'pupils.csv': pupils, 'roster.safepost': 'the last roster' });
    const baseline = runWithFileLimit(['baseline', 'post.md', '-o', 'b.json', ...NO_CONFIG], dir);
    expect(baseline.status).toBe(2);
    expect(baseline.stderr).toMatch(/^safepost: cannot write the baseline to b\.json: the file is larger than this system allows \(EFBIG\); [^\n]+\n$/);
    const report = runWithFileLimit(['check', 'post.md', '-f', 'json', '-o', 'r.json', ...NO_CONFIG], dir);
    expect(report.status).toBe(2);
    expect(report.stderr).toMatch(/^safepost: cannot write the report to r\.json: the file is larger than this system allows \(EFBIG\); [^\n]+\n$/);
    const roster = runWithFileLimit(['roster', 'hash', 'pupils.csv', '-o', 'roster.safepost'], dir);
    expect(roster.status).toBe(2);
    expect(roster.stderr).toMatch(/^safepost: cannot write the hashed roster to roster\.safepost: the file is larger than this system allows \(EFBIG\); [^\n]+\n$/);
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe('the last baseline');
    expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe('the last report');
    expect(readFileSync(join(dir, 'roster.safepost'), 'utf8')).toBe('the last roster');
    expect(readdirSync(dir).sort()).toEqual(['b.json', 'post.md', 'pupils.csv', 'r.json', 'roster.safepost']);
  });

  it('--output-file to a symbolic link writes the file it points to, and the link stays', () => {
    const dir = tempFolder({ 'a.md': 'Our SATs results are in.', 'reports/latest-real.json': 'old' });
    symlinkSync('reports/latest-real.json', join(dir, 'latest.json'));
    const r = runCli(['check', 'a.md', '-f', 'json', '-o', 'latest.json', ...NO_CONFIG], { cwd: dir });
    expect(r.status).toBe(0);
    expect(lstatSync(join(dir, 'latest.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'latest.json'))).toBe('reports/latest-real.json');
    expect(JSON.parse(readFileSync(join(dir, 'reports/latest-real.json'), 'utf8')).summary.warnings).toBe(1);
  });

  it('redact -o to a symbolic link writes the file it points to', () => {
    const dir = tempFolder({ 'post.md': 'Call Mrs Kaur on 07700 900461.\n', 'out/real.md': 'old' });
    symlinkSync('out/real.md', join(dir, 'copy.md'));
    const r = runCli(['redact', 'post.md', '-o', 'copy.md', ...NO_CONFIG], { cwd: dir });
    expect(r.status).toBe(0);
    expect(lstatSync(join(dir, 'copy.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'out/real.md'), 'utf8')).not.toContain('07700');
  });

  it('--output-file to a device or a pipe writes to it and leaves it a device or a pipe', async () => {
    const dir = tempFolder({ 'a.md': 'Our SATs results are in.' });
    const device = nullDevice(dir);
    const r = runCli(['check', 'a.md', '-f', 'json', '-o', device, ...NO_CONFIG], { cwd: dir });
    expect(r).toMatchObject({ status: 0, stdout: '', stderr: '' });
    expect(lstatSync(device).isCharacterDevice()).toBe(true);

    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (chunk) => (read += chunk));
    const closed = new Promise((done) => reader.on('close', done));
    const child = spawn(process.execPath, [BIN, 'check', 'a.md', '-f', 'json', '-o', 'pipe', ...NO_CONFIG], { cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: dir, NODE_DISABLE_COMPILE_CACHE: '1' } });
    const status = await new Promise((done) => child.on('close', done));
    await closed;
    expect(status).toBe(0);
    expect(JSON.parse(read).summary.warnings).toBe(1);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('--output-file /dev/stdout writes to standard output where the shell has it, and replaces nothing', () => {
    const dir = tempFolder({ 'a.md': 'Our SATs results are in.' });
    const script = '(echo header; "$0" "$@" -o /dev/stdout; echo footer) > log.txt';
    const r = spawnSync('sh', ['-c', script, process.execPath, BIN, 'check', 'a.md', '-f', 'json', ...NO_CONFIG], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: dir, NODE_DISABLE_COMPILE_CACHE: '1' } });
    expect(r.status).toBe(0);
    const [header, report, footer, end] = readFileSync(join(dir, 'log.txt'), 'utf8').split('\n');
    expect([header, footer, end]).toEqual(['header', 'footer', '']);
    expect(JSON.parse(report).summary.warnings).toBe(1);
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'log.txt']);
  });

  it('an output that cannot be written gets a one-line message naming it and what to do', () => {
    const dir = tempFolder({ 'post.md': 'Call Mrs Kaur on 07700 900461.\n![Sports day](photo.jpg)\n', 'photo.jpg': Buffer.from([0xff, 0xd8, 0xff, 0xd9]), 'a-file': 'x', 'roster.csv': 'first_name,last_name\nZoe,Smith\n' });
    const notADir = 'part of the path is a file, not a folder (ENOTDIR); choose another path';
    const cases: Array<[string[], string]> = [
      [['check', 'post.md', '-o', 'a-file/report.txt'], `cannot write the report to a-file/report.txt: ${notADir}`],
      [['redact', 'post.md', '-o', 'a-file/copy.md'], `cannot write the redacted copy to a-file/copy.md: ${notADir}`],
      [['redact', 'post.md', '-o', 'copy.md', '--photos-to', 'a-file/clean'], `cannot write the photos to a-file/clean: ${notADir}`],
      [['baseline', 'post.md', '-o', 'a-file/b.json'], `cannot write the baseline to a-file/b.json: ${notADir}`],
      [['redact', 'post.md', '-o', '.'], 'cannot write the redacted copy to .: it is a folder (EISDIR); give a file name'],
    ];
    for (const [args, message] of cases) {
      const r = runCli([...args, ...NO_CONFIG], { cwd: dir });
      expect(r.stderr, args.join(' ')).toContain(`safepost: ${message}\n`);
      expect(r.stderr).not.toMatch(/internal error/);
      expect(r.status).toBe(2);
    }
    const roster = runCli(['roster', 'hash', 'roster.csv', '-o', 'a-file/r.safepost'], { cwd: dir });
    expect(roster).toMatchObject({ status: 2, stderr: `safepost: cannot write the hashed roster to a-file/r.safepost: ${notADir}\n` });
  });
});
