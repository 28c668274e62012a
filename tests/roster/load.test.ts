import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SafepostError } from '../../src/errors.js';
import { loadRoster, loadRosterCsv } from '../../src/roster/index.js';
import { runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

const load = (content: string | Buffer) => {
  const dir = tempFolder({ 'pupils.csv': content });
  return loadRosterCsv(join(dir, 'pupils.csv'), dir);
};

describe('reading a roster', () => {
  it.each([
    ['first_name,last_name,year_group\nJack,Smith,6\n', [[['jack']], ['smith']]],
    ['Forename,Surname,Reg Group\r\nJack,Smith,6B\r\n', [[['jack']], ['smith']]],
    ['\uFEFFLegal Forename;Legal Surname;Year\nJack;Smith;6\n', [[['jack']], ['smith']]],
    ['Given name\tFamily name\nJack\tSmith\n', [[['jack']], ['smith']]],
    ['"Legal Forename","Preferred Forename","Legal Surname"\n"Alexander","Sasha","Brown"\n', [[['alexander'], ['sasha']], ['brown']]],
    ['first_name,last_name\n"Amelia-Rose","O\'Connor"\n', [[['amelia', 'rose']], ['oconnor']]],
    ['first_name,last_name\nZoë,Adeyemi-Lewis\n', [[['zoe']], ['adeyemi', 'lewis']]],
    ['Jack Smith\nAmelia-Rose O’Connor\n', [[['jack']], ['smith']]],
    ['Full Name,Year\nJack Smith,6\n', [[['jack']], ['smith']]],
  ])('reads %j', (csv, [firsts, last]) => {
    expect(load(csv)[0]).toEqual({ firsts, last });
  });

  it('reads a plain list of full names, one a line', () => {
    expect(load('Jack Smith\nAmelia-Rose O’Connor\n')).toEqual([
      { firsts: [['jack']], last: ['smith'] },
      { firsts: [['amelia', 'rose']], last: ['oconnor'] },
    ]);
  });

  it.each([
    ['id,class\n1,6B\n', /has no name columns: expected a first-name column/],
    ['', /is empty/],
    ['first_name,last_name\n', /has a header but no pupils/],
    [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), /is a binary file/],
    [Buffer.from('first_name,last_name\nZo\xeb,Smith\n', 'latin1'), /is not UTF-8/],
  ])('refuses a bad roster with a message that names the file, never its contents', (content, message) => {
    let error: unknown;
    try {
      load(content as string);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SafepostError);
    expect((error as Error).message).toMatch(/^roster pupils\.csv /);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toMatch(/Smith|Zo/);
  });

  it('reads a hashed roster and refuses a broken one', () => {
    const dir = tempFolder({ 'a.safepost': '{"format":"other"}', 'b.safepost': '{ not json' });
    expect(() => loadRoster(join(dir, 'a.safepost'), dir)).toThrow(/not a hashed roster safepost can read/);
    expect(() => loadRoster(join(dir, 'b.safepost'), dir)).toThrow(/cannot be read/);
  });

  it('refuses a hashed roster of the older format with one line saying to make it again', () => {
    const old = { format: 'safepost-roster-hash', version: 1, algorithm: 'sha256', salt: 'ab'.repeat(16), tags: ['p'], entries: [] };
    const dir = tempFolder({ 'old.safepost': JSON.stringify(old) });
    expect(() => loadRoster(join(dir, 'old.safepost'), dir)).toThrow(
      /^roster old\.safepost is a hashed roster in an older format, which was quick to guess names from; make it again with "safepost roster hash"$/,
    );
  });

  it('refuses a hashed roster that asks for a cost out of bounds', () => {
    const file = { format: 'safepost-roster-hash', version: 2, holds: 'full-names', algorithm: 'scrypt', cost: { N: 2 ** 20, r: 8, p: 1 }, keyLength: 16, salt: 'ab'.repeat(16), entries: [] };
    const dir = tempFolder({ 'big.safepost': JSON.stringify(file) });
    expect(() => loadRoster(join(dir, 'big.safepost'), dir)).toThrow(/not a hashed roster safepost can read/);
  });
});

describe('rosters on the command line', () => {
  it('a bad roster is exit 2 naming the file and the columns expected, and nothing of its contents', () => {
    const dir = tempFolder({ 'pupils.csv': 'pupil_id,class\n"Secret Name",6B\n', 'a.md': 'Hello.' });
    const r = runCli(['check', 'a.md', '--roster', 'pupils.csv'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^safepost: roster pupils\.csv has no name columns: expected a first-name column \(first_name, forename/);
    expect(r.stderr + r.stdout).not.toContain('Secret');
  });

  it('finds roster names, and roster hash writes a file that finds them too', () => {
    const dir = tempFolder({ 'pupils.csv': 'first_name,last_name\nKayode,Adeyemi-Lewis\n', 'a.md': 'Well done Kayode Adeyemi-Lewis!' });
    const plain = JSON.parse(runCli(['check', 'a.md', '--roster', 'pupils.csv', '--format', 'json'], { cwd: dir }).stdout);
    expect(plain.files[0].findings.map((f: { ruleId: string; message: string }) => [f.ruleId, f.message])).toEqual([
      ['pupil-full-name', 'Full name of a pupil (K. A.)'],
    ]);
    const hash = runCli(['roster', 'hash', 'pupils.csv', '-o', 'roster.safepost'], { cwd: dir });
    expect(hash.status).toBe(0);
    expect(hash.stdout).toMatch(/^Wrote roster\.safepost: 1 pupil as \d+ salted hash(es)? of full names/);
    const hashed = JSON.parse(runCli(['check', 'a.md', '--roster', 'roster.safepost', '--format', 'json'], { cwd: dir }).stdout);
    expect(hashed.files[0].findings).toEqual(plain.files[0].findings);
    expect(runCli(['roster', 'hash', 'pupils.csv', '-o', 'pupils.csv'], { cwd: dir }).status).toBe(2);
  });

  it('roster hash writes full names only, with its cost, and refuses --include-single-names saying why', () => {
    const dir = tempFolder({ 'pupils.csv': 'first_name,last_name\nJack,Smith\nJo,Li\n' });
    const hash = runCli(['roster', 'hash', 'pupils.csv', '-o', 'roster.safepost'], { cwd: dir });
    expect(hash.stdout).toBe('Wrote roster.safepost: 2 pupils as 2 salted hashes of full names (first and last name together; no single names, initials or sounds).\n');
    const file = JSON.parse(readFileSync(join(dir, 'roster.safepost'), 'utf8'));
    expect(file).toMatchObject({ version: 2, holds: 'full-names', algorithm: 'scrypt', cost: { N: 256, r: 8, p: 1 } });
    expect(file.entries).toHaveLength(2);
    const single = runCli(['roster', 'hash', 'pupils.csv', '-o', 'single.safepost', '--include-single-names'], { cwd: dir });
    expect(single.status).toBe(2);
    expect(single.stderr).toMatch(/^safepost: --include-single-names is no longer offered: hashed first names and surnames are recovered from a list of common names in seconds; .*--roster/);
    expect(single.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(dir, 'single.safepost'))).toBe(false);
  });

  it("a hashed roster finds a pupil's full name and leaves the name alone to the lexicon", () => {
    const dir = tempFolder({ 'pupils.csv': 'first_name,last_name\nZuzanna,Kowalczyk\n', 'a.md': 'Well done Zuzanna Kowalczyk! Zuzanna also sang.\n' });
    runCli(['roster', 'hash', 'pupils.csv', '-o', 'roster.safepost'], { cwd: dir });
    const report = JSON.parse(runCli(['check', 'a.md', '--roster', 'roster.safepost', '--format', 'json'], { cwd: dir }).stdout);
    expect(report.files[0].findings.map((f: { ruleId: string; message: string; column: number }) => [f.ruleId, f.column, f.message])).toEqual([
      ['pupil-full-name', 11, 'Full name of a pupil (Z. K.)'],
      // Found as a given name of the lexicon, not by the roster: the file holds no first names.
      ['pupil-first-name', 30, 'First name of a pupil (Z.)'],
    ]);
  });
});
