import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/results/schema.js';
import { BIN, runCli, ROOT } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

const NO_CONFIG = ['--config', join(ROOT, 'tests', 'helpers', 'empty.config.yaml')];
const FIXTURES_CONFIG = ['--config', join(ROOT, 'fixtures', 'safepost.config.yaml')];

describe('safepost check', () => {
  it('reports the fixtures grouped by file with a summary, and fails on errors', () => {
    const r = runCli(['check', 'fixtures', ...FIXTURES_CONFIG]);
    expect(r.status).toBe(1);
    // Two drafts name photos that are not in the repository: a note each, nothing else.
    expect(r.stderr.trim().split('\n')).toEqual([
      'safepost: fixtures/sports-day-photos.md: the image on line 19 was not found next to the draft; its metadata was not checked',
      'safepost: fixtures/star-writers.md: the image on line 5 was not found next to the draft; its metadata was not checked',
    ]);
    expect(r.stdout).toContain('fixtures/parent-facebook-post.md  (parent)');
    expect(r.stdout).toMatch(/^ {2}5:34 +error +Mentions exclusions or suspensions: "was excluded" {2}6\(e\) {2}exclusions$/m);
    expect(r.stdout).toContain('Policy 6(e): No comments on sensitive school topics such as performance');
    expect(r.stdout).toMatch(/✖ 60 problems \(43 errors, 14 warnings, 3 info\) in 18 files; 1 suppressed\n$/);
    expect(r.stdout).not.toContain('harvest-festival.md');
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('writes the same report to standard output whether it is a pipe or a file', () => {
    const piped = runCli(['check', 'fixtures', '--format', 'json', ...FIXTURES_CONFIG]).stdout;
    const out = join(tempFolder(), 'report.json');
    const fd = openSync(out, 'w');
    const r = spawnSync(process.execPath, [BIN, 'check', 'fixtures', '--format', 'json', ...FIXTURES_CONFIG], { cwd: ROOT, stdio: ['ignore', fd, 'pipe'] });
    closeSync(fd);
    expect(r.status).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe(piped);
    expect(JSON.parse(piped).files).toHaveLength(18);
  });

  it('passes a clean draft', () => {
    const r = runCli(['check', 'fixtures/harvest-festival.md', ...NO_CONFIG]);
    expect(r).toEqual({ status: 0, stdout: '✔ No problems found in 1 file\n', stderr: '' });
  });

  it('passes warnings unless --max-warnings is exceeded', () => {
    expect(runCli(['check', 'fixtures/inspection-letter.txt', ...NO_CONFIG]).status).toBe(0);
    const r = runCli(['check', 'fixtures/inspection-letter.txt', '--max-warnings', '0', ...NO_CONFIG]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('safepost: 1 warnings, more than --max-warnings 0\n');
  });

  it('shows errors only with --quiet', () => {
    const r = runCli(['check', 'fixtures/official-newsletter.md', '--quiet', '--max-warnings', '0', ...NO_CONFIG]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('✔ No problems found in 1 file\n');
  });

  it('--channel sets the channel of drafts that do not say, so severities follow it', () => {
    const r = runCli(['check', 'fixtures/inspection-letter.txt', '--channel', 'staff-personal', '--format', 'json', ...NO_CONFIG]);
    const report = JSON.parse(r.stdout);
    expect(report.files[0].channel).toBe('staff-personal');
    expect(report.files[0].findings[0].severity).toBe('error');
    expect(r.status).toBe(1);
    const own = JSON.parse(runCli(['check', 'fixtures/pupil-post.md', '--channel', 'official', '--format', 'json', ...NO_CONFIG]).stdout);
    expect(own.files[0].channel).toBe('pupil');
  });

  it('writes the JSON report of the contract', () => {
    const r = runCli(['check', 'fixtures', '--format', 'json', ...FIXTURES_CONFIG]);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    expect(report.summary).toEqual({ files: 18, errors: 43, warnings: 14, infos: 3, suppressed: 1, fileErrors: 0 });
    const pupil = report.files.find((f) => f.path === 'fixtures/pupil-post.md')!;
    expect(pupil).toEqual({
      path: 'fixtures/pupil-post.md',
      channel: 'pupil',
      findings: [
        expect.objectContaining({
          ruleId: 'failed-exams',
          category: 'sensitive-topic',
          severity: 'error',
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 25,
          clause: expect.objectContaining({ id: '6(e)', text: expect.stringMatching(/^Post comments about sensitive/) }),
        }),
      ],
    });
    const suppressed = report.files.flatMap((f) => f.findings).filter((f) => f.suppressed);
    expect(suppressed.map((f) => f.ruleId)).toEqual(['budget-problems']);
  });

  it('writes SARIF 2.1.0 that validates against the schema', () => {
    const r = runCli(['check', 'fixtures', '--format', 'sarif', ...FIXTURES_CONFIG]);
    const log = JSON.parse(r.stdout);
    // The schema's own patterns are written for non-Unicode regular expressions.
    // Both are CommonJS packages whose export is also their `default`.
    const ajv = new ajvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
    ajvFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'tests', 'schemas', 'sarif-2.1.0.json'), 'utf8')));
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const run = log.runs[0];
    const rule = run.tool.driver.rules.find((x: { id: string }) => x.id === 'exclusions');
    expect(rule.help.text).toContain('Post comments about sensitive TMT');
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'exclusions');
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'fixtures/parent-facebook-post.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 5, startColumn: 34, endLine: 5, endColumn: 46 },
    });
    expect(run.results.filter((x: { suppressions?: unknown }) => x.suppressions)).toHaveLength(1);
  });

  it('writes GitHub workflow annotations', () => {
    const r = runCli(['check', 'fixtures/pupil-post.md', 'fixtures/inspection-letter.txt', '--format', 'github', ...NO_CONFIG]);
    expect(r.stdout.trim().split('\n')).toEqual([
      '::warning file=fixtures/inspection-letter.txt,line=5,col=79,endLine=6,endColumn=40,title=6(e) No comments on sensitive school topics such as performance (inspection-grades)::Gives an inspection judgement: "Inspectors found that the school requires improvement overall". Inspection outcomes are a sensitive topic; link to the published report on the official website instead, in wording a senior leader has authorised.',
      '::error file=fixtures/pupil-post.md,line=5,col=7,endLine=5,endColumn=25,title=6(e) No comments on sensitive school topics such as performance (failed-exams)::Says that pupils failed or missed a test: "failed my spelling". Leave out who did not pass or reach a standard; it is the school\'s performance data and can identify children.',
    ]);
  });

  it('--output-file writes the report to a file, and nothing to standard output', () => {
    const dir = tempFolder({ 'a.md': 'Our SATs results are in.' });
    const r = runCli(['check', 'a.md', '--format', 'json', '--output-file', 'reports/r.json', '--channel', 'parent'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    expect(r).toMatchObject({ status: 1, stdout: '', stderr: '' });
    expect(JSON.parse(readFileSync(join(dir, 'reports', 'r.json'), 'utf8')).summary.errors).toBe(1);
  });

  it('--output-file replaces a report only when the new one is whole', () => {
    const dir = tempFolder({ 'a.md': 'Our SATs results are in.', 'reports/r.json': 'the last report' });
    const missing = runCli(['check', 'a.md', 'gone.md', '--format', 'json', '-o', 'reports/r.json'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(readFileSync(join(dir, 'reports', 'r.json'), 'utf8')).toBe('the last report');
    const r = runCli(['check', 'a.md', '--format', 'json', '-o', 'reports/r.json'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'reports', 'r.json'), 'utf8')).summary.warnings).toBe(1);
    expect(readdirSync(join(dir, 'reports'))).toEqual(['r.json']);
    // A folder in its place is found before checking.
    expect(runCli(['check', 'a.md', '-o', 'reports'], { cwd: dir })).toMatchObject({ status: 2, stdout: '', stderr: 'safepost: cannot write the report to reports: it is a folder (EISDIR); give a file name\n' });
  });

  it('reads standard input, with --stdin-filename for the format and the path', () => {
    const post = '---\nchannel: parent\n---\nHe was expelled last week.\n';
    const r = runCli(['check', '-', '--stdin-filename', 'drafts/post.md', '--format', 'json', ...NO_CONFIG], { input: post });
    const report = JSON.parse(r.stdout);
    expect(report.files[0]).toMatchObject({ path: 'drafts/post.md', channel: 'parent' });
    expect(report.files[0].findings[0]).toMatchObject({ ruleId: 'exclusions', line: 4, column: 8 });
    const plain = JSON.parse(runCli(['check', '-', '--format', 'json', ...NO_CONFIG], { input: '---\nchannel: parent\n---\nx' }).stdout);
    expect(plain.files[0]).toMatchObject({ path: '<stdin>', channel: 'official' });
  });

  it('colours the report only when asked or on a terminal', () => {
    const forced = runCli(['check', 'fixtures/pupil-post.md', ...NO_CONFIG], { env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(forced.stdout).toMatch(/\u001b\[/);
    const off = runCli(['check', 'fixtures/pupil-post.md', '--no-color', ...NO_CONFIG], { env: { FORCE_COLOR: '1' } });
    expect(off.stdout).not.toMatch(/\u001b\[/);
  });

  it('shows paths as they were given', () => {
    const absolute = join(ROOT, 'fixtures', 'pupil-post.md');
    const r = runCli(['check', absolute, './fixtures/harvest-festival.md', '--format', 'json', ...NO_CONFIG]);
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual([absolute, 'fixtures/harvest-festival.md'].sort());
  });

  it('walks folders and globs, skipping node_modules, hidden files and Word lock files, following links inside once', () => {
    const dir = tempFolder({
      'news/a.md': 'Budget cuts.',
      'news/deep/b.HTML': '<p>Budget cuts.</p>',
      'news/notes.docx.bak': 'Budget cuts.',
      'news/~$letter.docx': 'lock',
      'news/.draft.md': 'Budget cuts.',
      'node_modules/x/readme.md': 'Budget cuts.',
      '.git/x.md': 'Budget cuts.',
      '.github/y.md': 'Budget cuts.',
      'shared/c.txt': 'Budget cuts.',
    });
    symlinkSync(join(dir, 'shared'), join(dir, 'news', 'linked'));
    symlinkSync(join(dir, 'news'), join(dir, 'shared', 'back'));
    const r = runCli(['check', '.', '--format', 'json'], { cwd: dir });
    // shared/ is reached first through news/linked: each draft once.
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['news/a.md', 'news/deep/b.HTML', 'news/linked/c.txt']);
    // Checking news/ alone, its link to shared/ leads out of it: not followed.
    const sub = runCli(['check', './news/', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(sub.stdout).files.map((f: { path: string }) => f.path)).toEqual(['news/a.md', 'news/deep/b.HTML']);
    expect(sub.stderr).toBe('safepost: skipped link news/linked: it points outside the checked folder (give it on the command line to check it)\n');
    const g = runCli(['check', 'news/**/*.md', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(g.stdout).files.map((f: { path: string }) => f.path)).toEqual(['news/a.md']);
  });

  it('--exclude leaves out globs and folders, and says so when it leaves out everything', () => {
    const dir = tempFolder({
      'content/posts/a.md': 'Budget cuts.',
      'content/posts/_index.md': 'Budget cuts.',
      'content/archive/2015/old.md': 'Budget cuts.',
      'content/archive.md': 'Budget cuts.',
    });
    const r = runCli(['check', 'content', '--format', 'json', '--exclude', 'content/archive', '--exclude', '**/_index.md'], { cwd: dir });
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['content/archive.md', 'content/posts/a.md']);
    const all = runCli(['check', 'content', '--exclude', './content/'], { cwd: dir });
    expect(all).toMatchObject({ status: 2, stdout: '', stderr: 'safepost: every draft in content is excluded by --exclude ./content/\n' });
  });

  it('shows the first ten notes and counts the rest, and the JSON report keeps every note', () => {
    const files: Record<string, string> = {};
    for (let i = 10; i < 22; i++) files[`post-${i}.md`] = `A lovely day.\n\n![The hall](img/hall-${i}.jpg)\n`;
    const dir = tempFolder(files);
    const r = runCli(['check', '.', '--format', 'json'], { cwd: dir });
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe('safepost: post-10.md: the image on line 3 was not found next to the draft; its metadata was not checked');
    expect(lines[10]).toBe('safepost: and 2 more drafts with notes (the JSON report has every note)');
    expect(JSON.parse(r.stdout).files.filter((f: { note?: string }) => f.note)).toHaveLength(12);
  });

  it('finds safepost.config.yaml in a parent folder and applies its rule settings', () => {
    const dir = tempFolder({
      'safepost.config.yaml': 'channel: parent\nrules:\n  budget-problems: info\n  legal-disputes: "off"\n',
      'posts/a.md': 'Budget cuts and legal action.',
    });
    const r = runCli(['check', 'a.md', '--format', 'json'], { cwd: join(dir, 'posts') });
    const file = JSON.parse(r.stdout).files[0];
    expect(file.channel).toBe('parent');
    expect(file.findings.map((f: { ruleId: string; severity: string }) => [f.ruleId, f.severity])).toEqual([['budget-problems', 'info']]);
    expect(r.status).toBe(0);
  });
});

describe('privacy', () => {
  const details = [
    '07700 900184', 'mia.parkers.mum@gmail.com', '18 Orchard Close', 'LE7 9XY', 'FzK81pQaW2b', '07700 900731', 'runs_with_mrs_k', 'k.ahmed@',
    'Alfie Sutton', 'Sutton', 'Maryam', 'Eva-Grace', "o'connor", 'jack-smith', 'Amir', 'Katy',
  ];

  it('no format repeats a personal detail unless --show-matches is given', () => {
    for (const format of ['stylish', 'json', 'sarif', 'github']) {
      const r = runCli(['check', 'fixtures', '--format', format, ...FIXTURES_CONFIG]);
      for (const detail of details) expect(r.stdout, `${format} output`).not.toContain(detail);
    }
  });

  it('--show-matches puts the exact text in JSON and SARIF', () => {
    const json = JSON.parse(runCli(['check', 'fixtures/class-party-invite.md', '--format', 'json', '--show-matches', ...FIXTURES_CONFIG]).stdout);
    expect(json.files[0].findings.map((f: { match: string }) => f.match)).toEqual([
      'Mia',
      '07700 900184',
      'mia.parkers.mum@gmail.com',
      "we're at 18 Orchard Close",
      '18 Orchard Close',
      'LE7 9XY',
      'https://chat.whatsapp.com/FzK81pQaW2b',
    ]);
    const sarif = JSON.parse(runCli(['check', 'fixtures/class-party-invite.md', '--format', 'sarif', '--show-matches', ...FIXTURES_CONFIG]).stdout);
    expect(sarif.runs[0].results[1].locations[0].physicalLocation.region.snippet).toEqual({ text: '07700 900184' });
  });
});

describe('bad input', () => {
  const oneLine = (text: string) => expect(text.trim().split('\n')).toHaveLength(1);

  it('a missing path is exit 2 with one line naming it, and nothing on stdout', () => {
    const r = runCli(['check', 'nope.md', ...NO_CONFIG]);
    expect(r).toEqual({ status: 2, stdout: '', stderr: 'safepost: nope.md: no such file or folder\n' });
  });

  it('a glob that matches nothing and a folder with no drafts are exit 2', () => {
    const dir = tempFolder({ 'empty/readme.pdf': 'x' });
    const g = runCli(['check', '*.md'], { cwd: dir });
    expect(g.status).toBe(2);
    expect(g.stderr).toMatch(/no files match "\*\.md"/);
    const f = runCli(['check', 'empty'], { cwd: dir });
    expect(f.status).toBe(2);
    expect(f.stderr).toBe('safepost: no drafts found in empty (safepost reads .md .markdown .html .htm .txt .docx files)\n');
  });

  it('binary, non-UTF-8, oversized and empty drafts are reported and the rest still checked', () => {
    const dir = tempFolder({
      'a-good.md': 'Budget cuts.',
      'b-photo.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]),
      'c-latin1.txt': Buffer.from('caf\xe9', 'latin1'),
      'd-huge.txt': Buffer.alloc(10 * 1024 * 1024 + 10, 0x61),
      'e-empty.md': '',
      'f-front.md': '---\ntitle: [oops\n---\nBudget cuts.\n',
    });
    const r = runCli(['check', '.', '--format', 'json'], { cwd: dir });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      'safepost: b-photo.md: file is binary, not a text draft; pass Markdown, HTML, plain-text or Word (.docx) files',
      'safepost: c-latin1.txt: file is not UTF-8 text; save it as UTF-8 and check again',
      'safepost: d-huge.txt: file is 10.0 MB, over the 10 MB limit for a draft; split it or check that it is a draft',
      'safepost: e-empty.md: file is empty; nothing to check',
      expect.stringMatching(/^safepost: f-front\.md:[23]: front matter is not valid YAML: /),
    ]);
    const report = JSON.parse(r.stdout);
    expect(report.summary).toMatchObject({ files: 6, fileErrors: 4 });
    expect(report.files[0].findings).toHaveLength(1);
    expect(report.files[5].findings).toHaveLength(1);
  });

  it('official addresses and handles are config keys of their own', () => {
    const dir = tempFolder({
      'safepost.config.yaml': 'official:\n  addresses: ["Brookfield Academy, 1 School Lane, LE7 7AB"]\n  handles: ["@BrookfieldAcad"]\n',
      'a.md': 'Find us at 1 School Lane, LE7 7AB, or follow @BrookfieldAcad. Not 2 School Lane, LE7 7AD or @someone_else.',
    });
    const r = runCli(['check', 'a.md', '--format', 'json', '--show-matches'], { cwd: dir });
    expect(JSON.parse(r.stdout).files[0].findings.map((f: { match: string }) => f.match)).toEqual(['2 School Lane', 'LE7 7AD', '@someone_else']);
    const bad = runCli(['check', 'a.md'], { cwd: tempFolder({ 'safepost.config.yaml': 'official:\n  emails: [x]\n', 'a.md': 'x' }) });
    expect(bad.stderr).toBe('safepost: safepost.config.yaml:2: unknown key "official.emails"; remove it or check its spelling\n');
  });

  it('an unknown config key is exit 2 naming the key and line', () => {
    const dir = tempFolder({ 'safepost.config.yaml': 'channel: official\nchanel: parent\n', 'a.md': 'x' });
    const r = runCli(['check', 'a.md'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('safepost: safepost.config.yaml:2: unknown key "chanel"; remove it or check its spelling\n');
  });

  it('a bad config value, invalid YAML, a missing config or roster, an unknown rule are exit 2', () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ 'safepost.config.yaml': 'channel: twitter\n' }, /safepost\.config\.yaml:1: channel: /],
      [{ 'safepost.config.yaml': 'official: [unclosed\n' }, /safepost\.config\.yaml:\d+:\d+: not valid YAML/],
      [{ 'safepost.config.yaml': 'roster: pupils.csv\n' }, /safepost\.config\.yaml:1: roster file pupils\.csv not found or not readable/],
      [{ 'safepost.config.yaml': 'rules:\n  exam-resultz: "off"\n' }, /safepost\.config\.yaml:2: rules: no rule "exam-resultz"/],
    ];
    for (const [files, message] of cases) {
      const r = runCli(['check', 'a.md'], { cwd: tempFolder({ ...files, 'a.md': 'x' }) });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      oneLine(r.stderr);
      expect(r.stdout).toBe('');
    }
    const missing = runCli(['check', 'a.md', '--config', 'none.yaml'], { cwd: tempFolder({ 'a.md': 'x' }) });
    expect(missing).toMatchObject({ status: 2, stderr: 'safepost: none.yaml: config file not found\n' });
  });

  it('a bad rule in a rule folder is exit 2 naming the file, line and field', () => {
    const dir = tempFolder({
      'safepost.config.yaml': 'rule-folders: [our-rules]\n',
      'our-rules/rude.yaml': 'id: rude\ncategory: conduct\nseverity: warning\nclause: 6(c)\nmessage: m\nsuggestion: s\nkind: pattern\npatterns: ["(x+)\\\\1y"]\n',
      'a.md': 'x',
    });
    const r = runCli(['check', 'a.md'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'safepost: our-rules/rude.yaml:8: patterns[0] cannot be used: a backreference (\\1) cannot run in linear time; repeat the words themselves instead\n',
    );
  });

  it('no pattern in a user rule can hang a run: each is refused naming its line, or runs in linear time', () => {
    // Each of these took RegExp over a minute on 20 KB of "a"s; a generous bound tells the two apart.
    const rule = (id: string, pattern: string) =>
      `id: ${id}\ncategory: conduct\nseverity: warning\nclause: 6(c)\nmessage: m\nsuggestion: s\nkind: pattern\npatterns:\n  - ${JSON.stringify(pattern)}\n`;
    const run = (rules: Record<string, string>) => {
      const files: Record<string, string> = { 'safepost.config.yaml': 'rule-folders: [our-rules]\n', 'a.txt': 'a'.repeat(20_000) };
      for (const [id, pattern] of Object.entries(rules)) files[`our-rules/${id}.yaml`] = rule(id, pattern);
      const start = performance.now();
      const r = runCli(['check', 'a.txt', '--format', 'json'], { cwd: tempFolder(files) });
      expect(performance.now() - start, Object.values(rules).join(' ')).toBeLessThan(10_000);
      return r;
    };
    const runs: Record<string, [pattern: string, findings: number]> = {
      alternatives: ['(a|a)*$', 1],
      overlapping: ['(a|aa)+$', 1],
      stars: ['a*a*a*a*a*a*b', 0],
      dots: ['.*.*.*=.*;', 0],
      counted: ['(a*){20}b', 0],
      'behind-x': ['(?<=x)(a+)+$', 0],
      'behind-a': ['(?<=a)(a+)+$', 1],
    };
    const r = run(Object.fromEntries(Object.entries(runs).map(([id, [pattern]]) => [id, pattern])));
    expect(r.status, r.stderr).toBe(0);
    const findings: Array<{ ruleId: string }> = JSON.parse(r.stdout).files[0].findings;
    for (const [id, [pattern, count]] of Object.entries(runs)) expect(findings.filter((f) => f.ruleId === id), pattern).toHaveLength(count);

    const refused: Array<[string, RegExp]> = [
      ['(a*)\\1*b', /^safepost: our-rules\/evil\.yaml:9: patterns\[0\] cannot be used: a backreference \(\\1\)/],
      ['(a{1,50}){1,50}$', /^safepost: our-rules\/evil\.yaml:9: patterns\[0\] cannot be used: the repeat `\{1,50\}` makes more than 1000 copies/],
      ['(a+)+(?=b)', /^safepost: our-rules\/evil\.yaml:9: patterns\[0\] cannot be used: a lookahead \(\?=\.\.\.\)/],
    ];
    for (const [pattern, message] of refused) {
      const bad = run({ evil: pattern });
      expect(bad.status, pattern).toBe(2);
      expect(bad.stderr, pattern).toMatch(message);
      oneLine(bad.stderr);
      expect(bad.stdout).toBe('');
    }
  }, 120_000);

  it('a user rule that takes too long on one draft stops that draft only, naming the rule', () => {
    // Each match of this pattern looks ahead to the end of the word: half a minute on 20 KB of letters.
    const dir = tempFolder({
      'safepost.config.yaml': 'rule-folders: [our-rules]\n',
      'our-rules/slow.yaml': `id: slow\ncategory: conduct\nseverity: warning\nclause: 6(c)\nmessage: m\nsuggestion: s\nkind: pattern\npatterns:\n  - '\\w(?:\\w*\\d)?'\n`,
      'a.txt': 'a'.repeat(20_000),
      'b.txt': 'Fine words.',
    });
    const start = performance.now();
    const r = runCli(['check', 'a.txt', 'b.txt', '--format', 'json'], { cwd: dir });
    expect(performance.now() - start).toBeLessThan(10_000);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'safepost: a.txt: not checked: rule "slow" (our-rules/slow.yaml) took too long on this draft and was stopped; its pattern looks far ahead for each match (as \\w(?:\\w*\\d)? does): make what follows a repeat more specific\n',
    );
    const [a, b] = JSON.parse(r.stdout).files;
    expect(a).toMatchObject({ path: 'a.txt', findings: [] });
    // Each letter of "Fine words" is a match of its own.
    expect(b.findings.filter((f: { ruleId: string }) => f.ruleId === 'slow')).toHaveLength(9);
  }, 60_000);

  it('a user rule\'s pattern finds the same words as RegExp would: word lists, any case, accented letters', () => {
    const dir = tempFolder({
      'safepost.config.yaml': 'rule-folders: [our-rules]\n',
      'our-rules/trips.yaml':
        'id: trip-places\ncategory: location\nseverity: warning\nclause: 6(c)\nmessage: m\nsuggestion: s\nkind: pattern\npatterns:\n  - \'\\b(?:café|crèche|Zoë\\s+Hall)\\b\'\n  - \'(?<=£)\\d+\'\n',
      'a.txt': '😀 Emoji first: the CRÈCHE at\u00a0ZOË  hall and the crèches; £12 and 12.\n',
    });
    const r = runCli(['check', 'a.txt', '--format', 'json'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const text = '😀 Emoji first: the CRÈCHE at\u00a0ZOË  hall and the crèches; £12 and 12.';
    const expected = [...text.matchAll(/\b(?:café|crèche|Zoë\s+Hall)\b|(?<=£)\d+/gi)].map((m) => [m.index + 1, m.index + 1 + m[0].length]);
    expect(expected).toEqual([[21, 27], [31, 40], [59, 61]]);
    const findings = JSON.parse(r.stdout).files[0].findings.filter((f: { ruleId: string }) => f.ruleId === 'trip-places');
    expect(findings.map((f: { column: number; endColumn: number }) => [f.column, f.endColumn])).toEqual(expected);
  });

  it('user rules from a rule folder run beside the built-in ones', () => {
    const dir = tempFolder({
      'safepost.config.yaml': 'rule-folders: [our-rules]\n',
      'our-rules/rude.yaml': 'id: rude-words\ncategory: conduct\nseverity: error\nclause: 6(c)\nmessage: Rude word\nsuggestion: Say it kindly\nkind: phrase\nphrases: [rubbish]\n',
      'a.md': 'The food was rubbish.',
    });
    const r = runCli(['check', 'a.md', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).files[0].findings[0]).toMatchObject({ ruleId: 'rude-words', column: 14, clause: { id: '6(c)' } });
  });

  it('a roster given with --roster that does not exist is exit 2, naming it', () => {
    const r = runCli(['check', 'fixtures', '--roster', 'missing.csv', ...NO_CONFIG]);
    expect(r).toEqual({ status: 2, stdout: '', stderr: 'safepost: --roster file missing.csv not found or not readable\n' });
  });

  it('bad arguments are exit 2', () => {
    expect(runCli(['check', '--format', 'xml', 'fixtures']).status).toBe(2);
    expect(runCli(['check', '--channel', 'twitter', 'fixtures']).status).toBe(2);
    expect(runCli(['check', '--max-warnings', 'lots', 'fixtures']).status).toBe(2);
    expect(runCli(['check', '--frobnicate']).status).toBe(2);
    expect(runCli(['frobnicate']).status).toBe(2);
  });
});
