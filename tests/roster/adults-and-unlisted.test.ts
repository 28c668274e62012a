import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

const DRAFT = 'Dawn Whitlock opened the fair. Dawn cut the ribbon. Isla Moore won the raffle, and Priya Shah helped.\n';
const findings = (stdout: string) =>
  JSON.parse(stdout).files[0].findings.map((f: { ruleId: string; column: number; severity: string }) => [f.ruleId, f.column, f.severity]);

describe("the school's adults from the config", () => {
  it('are not pupils, as a list in the config or as a file of names', () => {
    const listed = tempFolder({ 'a.txt': DRAFT, 'safepost.config.yaml': 'allow:\n  adults: [Dawn Whitlock, Priya Shah]\n' });
    const fromFile = tempFolder({ 'a.txt': DRAFT, 'safepost.config.yaml': 'allow:\n  adults: staff.csv\n', 'staff.csv': 'first_name,last_name,role\nDawn,Whitlock,Head\nPriya,Shah,Caretaker\n' });
    for (const dir of [listed, fromFile]) {
      const run = runCli(['check', 'a.txt', '--format', 'json'], { cwd: dir });
      expect(run.status).toBe(1);
      expect(findings(run.stdout)).toEqual([['pupil-full-name', 53, 'error']]);
    }
    // Without the list, the adults are taken for pupils.
    const none = runCli(['check', 'a.txt', '--format', 'json'], { cwd: tempFolder({ 'a.txt': DRAFT }) });
    expect(findings(none.stdout).map((f: unknown[]) => f[1])).toEqual([1, 53, 84]);
  });

  it('an empty or missing adults file is exit 2 with one line naming it, and no name from it', () => {
    const empty = runCli(['check', 'a.txt'], { cwd: tempFolder({ 'a.txt': DRAFT, 'safepost.config.yaml': 'allow:\n  adults: staff.csv\n', 'staff.csv': 'first_name,last_name\n' }) });
    expect(empty.status).toBe(2);
    expect(empty.stderr).toBe('safepost: adults list staff.csv has a header but no names\n');
    const missing = runCli(['check', 'a.txt'], { cwd: tempFolder({ 'a.txt': DRAFT, 'safepost.config.yaml': 'allow:\n  adults: staff.csv\n' }) });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('safepost: safepost.config.yaml:2: adults list file staff.csv not found or not readable\n');
  });

  it('an empty list in the config is no list at all', () => {
    const dir = tempFolder({ 'a.txt': DRAFT, 'safepost.config.yaml': 'allow:\n  adults: []\n' });
    const run = runCli(['check', 'a.txt', '--format', 'json'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(findings(run.stdout).map((f: unknown[]) => f[1])).toEqual([1, 53, 84]);
  });

  it.each([
    ['an empty file', '', 'safepost: adults list staff.csv is empty; it needs a first_name,last_name header and a line a person, or a full name a line\n'],
    ['a folder', null, 'safepost: safepost.config.yaml:2: adults list staff.csv is a folder, not a file\n'],
    ['a binary file', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x44, 0x61, 0x77, 0x6e]), 'safepost: adults list staff.csv is a binary file, not a CSV; export the staff list as CSV (UTF-8)\n'],
    ['not UTF-8', Buffer.from('first_name,last_name\nDaw\xf1,Whitlock\n', 'latin1'), 'safepost: adults list staff.csv is not UTF-8 text; export the staff list as CSV in UTF-8\n'],
  ])('%s is exit 2 with one line naming it, and nothing of its contents', (_what, content, message) => {
    const dir = tempFolder({ 'a.txt': DRAFT, 'safepost.config.yaml': 'allow:\n  adults: staff.csv\n' });
    if (content === null) mkdirSync(join(dir, 'staff.csv'));
    else writeFileSync(join(dir, 'staff.csv'), content);
    const run = runCli(['check', 'a.txt'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(message);
  });
});

describe('names the roster does not hold', () => {
  const files = { 'a.txt': DRAFT, 'pupils.csv': 'first_name,last_name\nIsla,Moore\nDawn,Ellis\n' };

  it('are not findings by default: the roster says who the pupils are', () => {
    const run = runCli(['check', 'a.txt', '--roster', 'pupils.csv', '--format', 'json'], { cwd: tempFolder(files) });
    expect(findings(run.stdout)).toEqual([['pupil-full-name', 53, 'error']]);
  });

  it('are info findings of their own rule when the config turns it on, for a roster that may miss pupils', () => {
    const dir = tempFolder({ ...files, 'safepost.config.yaml': 'roster: pupils.csv\nrules:\n  pupil-name-not-on-roster: info\n' });
    const run = runCli(['check', 'a.txt', '--format', 'json'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(findings(run.stdout)).toEqual([
      ['pupil-name-not-on-roster', 1, 'info'],
      ['pupil-full-name', 53, 'error'],
      ['pupil-name-not-on-roster', 84, 'info'],
    ]);
    const listed = runCli(['rules', '--category', 'pupil-name'], { cwd: dir });
    expect(listed.stdout).toMatch(/pupil-name-not-on-roster\s+pupil-name\s+off \(info when turned on\)/);
  });
});
