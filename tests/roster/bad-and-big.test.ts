import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

type Finding = { ruleId: string; line: number; column: number; message: string };
const findings = (stdout: string): Array<[string, number, number]> =>
  JSON.parse(stdout).files[0].findings.map((f: Finding) => [f.ruleId, f.line, f.column]);

/**
 * Every report format of the same check, with stderr: none may hold any of the names, but for
 * the HTML report, which shows the draft itself, those the draft holds.
 */
function expectNoNames(dir: string, args: string[], names: string[], draft: string) {
  for (const format of ['stylish', 'json', 'sarif', 'html']) {
    const run = runCli([...args, '--format', format], { cwd: dir });
    for (const name of names.filter((n) => format !== 'html' || !draft.includes(n))) {
      expect(run.stdout).not.toContain(name);
      expect(run.stderr).not.toContain(name);
    }
  }
}

describe('a roster of 100,000 pupils', () => {
  it('loads and checks a draft, finding its pupils and nothing of the roster on any output', () => {
    const firsts = ['Amelia', 'Oliver', 'Isla', 'Noah', 'Freya', 'Arlo', 'Priya', 'Yusuf', 'Zofia', 'Kayode'];
    const syllables = ['ash', 'ber', 'cott', 'den', 'ford', 'gale', 'ham', 'ley', 'mor', 'ton'];
    const rows = ['first_name,last_name,year_group'];
    for (let i = 0; i < 100_000; i++) {
      const last = syllables[i % 10] + syllables[Math.floor(i / 10) % 10] + syllables[Math.floor(i / 100) % 10] + syllables[Math.floor(i / 1000) % 10];
      rows.push(`${firsts[Math.floor(i / 10_000)]},${last[0].toUpperCase()}${last.slice(1)},${1 + (i % 6)}`);
    }
    const draft = 'Well done to Kayode Tonmorleyden and to our football team.\n';
    const dir = tempFolder({ 'pupils.csv': `${rows.join('\n')}\n`, 'a.md': draft });
    const run = runCli(['check', 'a.md', '--roster', 'pupils.csv', '--format', 'json'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(findings(run.stdout)).toEqual([['pupil-full-name', 1, 14]]);
    expectNoNames(dir, ['check', 'a.md', '--roster', 'pupils.csv'], ['Kayode', 'Tonmorleyden', 'Amelia', 'Ashashashash'], draft);
  });
});

describe('a roster with the same row twice, or two pupils of one name', () => {
  it('is read without a message, and each name in a draft is one finding', () => {
    const csv = 'first_name,last_name,year_group\nIsla,Moore,2\nIsla,Moore,2\nIsla,Moore,5\nSam,Lee,3\n';
    const dir = tempFolder({ 'pupils.csv': csv, 'a.md': 'Isla Moore and Sam Lee read to the class. Isla chose the book.\n' });
    const run = runCli(['check', 'a.md', '--roster', 'pupils.csv', '--format', 'json'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(findings(run.stdout)).toEqual([
      ['pupil-full-name', 1, 1],
      ['pupil-full-name', 1, 16],
      ['pupil-first-name', 1, 43],
    ]);
  });
});

describe('names in any script', () => {
  const csv = [
    'first_name,last_name',
    'Иван,Петров',
    '小明,王',
    'Νίκος,Παπαδόπουλος',
    'प्रिया,शर्मा',
    'أحمد,خان',
    'Isla,Moore',
  ].join('\n');
  const names = ['Иван', 'Петров', '小明', '王', 'Νίκος', 'Παπαδόπουλος', 'प्रिया', 'शर्मा', 'أحمد', 'خان', 'Isla', 'Moore'];
  const draft = 'Иван Петров won the prize.\n\n小明 王 sang.\n\nΝίκος Παπαδόπουλος played, प्रिया शर्मा read, أحمد خان drew and Isla Moore danced.\n';

  it('are read and found in a draft written the same way, as initials that give nothing away', () => {
    const dir = tempFolder({ 'pupils.csv': `${csv}\n`, 'a.md': draft });
    const run = runCli(['check', 'a.md', '--roster', 'pupils.csv', '--format', 'json'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const found = JSON.parse(run.stdout).files[0].findings.map((f: Finding) => [f.ruleId, f.line, f.column, f.message]);
    expect(found).toEqual([
      ['pupil-full-name', 1, 1, 'Full name of a pupil (И. П.)'],
      // One Chinese character is a syllable, often a whole surname: never shown.
      ['pupil-full-name', 3, 1, 'Full name of a pupil (*. *.)'],
      ['pupil-full-name', 5, 1, 'Full name of a pupil (Ν. Π.)'],
      ['pupil-full-name', 5, 28, 'Full name of a pupil (प. श.)'],
      ['pupil-full-name', 5, 47, 'Full name of a pupil (أ. خ.)'],
      ['pupil-full-name', 5, 65, 'Full name of a pupil (I. M.)'],
    ]);
    expectNoNames(dir, ['check', 'a.md', '--roster', 'pupils.csv'], names.filter((n) => n.length > 1), draft);
    expect(run.stdout).not.toContain('王');
  });

  it("keep the vowel marks of Devanagari, which are not accents: Rama is not the roster's Ram", () => {
    const dir = tempFolder({ 'pupils.csv': 'first_name,last_name\nराम,शर्मा\nZoë,Ngọc\n', 'a.md': 'रमा शर्मा sang and राम शर्मा read; Zoe Ngoc drew.\n' });
    const run = runCli(['check', 'a.md', '--roster', 'pupils.csv', '--format', 'json'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(findings(run.stdout).filter(([rule]) => rule === 'pupil-full-name')).toEqual([
      ['pupil-full-name', 1, 20],
      ['pupil-full-name', 1, 36],
    ]);
  });

  it('as a list of adults, are not pupils', () => {
    const dir = tempFolder({ 'staff.csv': 'first_name,last_name\nИван,Петров\n小明,王\n', 'a.md': 'Иван Петров and 小明 王 ran the fair.\n', 'safepost.config.yaml': 'allow:\n  adults: staff.csv\n' });
    const run = runCli(['check', 'a.md', '--format', 'json'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(findings(run.stdout)).toEqual([]);
  });
});

describe('a name of one letter on the roster', () => {
  const csv = 'first_name,last_name\nJ,Moore\nIsla,X\nSam,Lee\nQ,\n,Ellis\n';
  const draft = 'J. R. R. Tolkien wrote it; see part J and plan X. Isla X came, and J Moore, and Sam Lee.\n';

  it('is found only with the other name, never as every initial in a draft; the rows that can match nothing are counted on one line', () => {
    const dir = tempFolder({ 'pupils.csv': csv, 'a.md': draft });
    const run = runCli(['check', 'a.md', '--roster', 'pupils.csv', '--format', 'json'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(findings(run.stdout)).toEqual([
      ['pupil-full-name', 1, 51],
      ['pupil-full-name', 1, 68],
      ['pupil-full-name', 1, 81],
    ]);
    expect(run.stderr).toBe(
      "safepost: roster pupils.csv: 2 rows with a name of one letter, found only with the pupil's other name; 2 rows ignored, with no first name or only an initial\n",
    );
    expectNoNames(dir, ['check', 'a.md', '--roster', 'pupils.csv'], ['Moore', 'Isla', 'Ellis'], draft);
  });
});
