import { describe, expect, it } from 'vitest';
import { grades } from '../../src/detectors/grades.js';
import { inspectionGrades } from '../../src/detectors/inspection-grades.js';
import { resultsTable } from '../../src/detectors/results-table.js';
import type { Detector } from '../../src/detectors/index.js';
import { parseMarkdown } from '../../src/documents/markdown.js';
import { parseHtml } from '../../src/documents/html.js';

// Each case gives a text and the exact spans a detector must find in it.
const spans = (detector: Detector, text: string) =>
  detector.detect({ text, tokens: undefined as never, segments: [], images: [] }, {} as never, {}).map((m) => text.slice(m.start, m.end));

/** A detector's cases: texts with the spans it must find, and texts where it must find none. */
function cases(detector: Detector, what: string, found: Array<[string, string[]]>, innocent: string[]) {
  it.each(found)(`finds the ${what} in "%s"`, (text, expected) => {
    expect(spans(detector, text)).toEqual(expected);
  });
  it.each(innocent)('leaves "%s" alone', (text) => {
    expect(spans(detector, text)).toEqual([]);
  });
}

describe('grades', () => {
  const found: Array<[string, string[]]> = [
    ['Maya got ten 9s and is off to Cambridge.', ['ten 9s']],
    ['He needs A*AB for his offer.', ['A*AB']],
    ['Tom is predicted ABB at A level.', ['ABB']],
    ['Ruby came away with three A*s and a B.', ['A*s']],
    ['She jumped from a predicted 5 to a 9 in physics.', ['from a predicted 5 to a 9']],
    ['8s in biology and maths and a 7 in French.', ['8s']],
    ['Mock grades were 8 8 7 6 6 5, which is brilliant.', ['8 8 7 6 6 5']],
    ['Two of them are predicted 5s and got 2s.', ['5s and got 2s']],
    ['He finally got his 4 in maths.', ['got his 4 in maths']],
    ['9 out of 27 got a 4 or above.', ['got a 4 or above']],
    ['Lily went up two grades on her mock.', ['up two grades']],
    ['That is five grades above what they predicted him.', ['five grades above']],
    ['The college has an average grade of B this year.', ['average grade of B']],
    ['The Year 12 mock average was a D.', ['mock average was a D']],
    ['Sam achieved a triple Distinction* in his BTEC.', ['triple Distinction*']],
    // Grades a few words apart are one passage.
    ['Results: D*D*D in sport and DDM in business.', ['D*D*D in sport and DDM']],
    ['Twins picked up nineteen grade 7s and above between them.', ['nineteen grade 7s']],
    ['She got five As at Higher and two Advanced Highers.', ['five As at Higher and two Advanced Highers']],
    ['Six Highers for Ruby!', ['Six Highers']],
    ['The results are in: three Bs and an A* for Jess.', ['three Bs and an A*']],
    ['Her target grade is a 7.', ['target grade is a 7']],
    ['He was predicted a B in chemistry.', ['predicted a B']],
    ['He is working at a grade 6 in maths.', ['working at a grade 6']],
  ];
  const innocent = [
    'The under 5s had a lovely time at the farm.',
    'Our 3s and 4s room has new sand trays.',
    'Year 3 are practising their 7s and 8s times tables.',
    'Any Year 9s thinking about GCSE PE should see Mr Farrant.',
    'The BBC came to film our choir.',
    'Both teams hit 4s and 6s all afternoon in the cricket.',
    'We will increase class sizes in all grades above that.',
    'UP A GRADE: she will ski in a higher division next season.',
    'Call 0121 496 0789 or come in at 3.15.',
    'Passed Grade 5 piano with Distinction!',
    'The two As in "aardvark" are said differently.',
    'We predicted a 5% rise in numbers.',
    'He was predicted a 5.5 average.',
    'Year 9 are working at a higher level in PE.',
  ];
  cases(grades, 'grades', found, innocent);
});

describe('inspection grades', () => {
  const found: Array<[string, string[]]> = [
    ['The school was judged to be satisfactory with some aspects deemed to be good.', ['satisfactory', 'good']],
    ['After the inspection we were graded "strong standard" for inclusion.', ['strong standard']],
    ['Our Ofsted report card:\n  Inclusion .......... Strong standard\n  Achievement ........ Needs attention\n', ['Strong standard', 'Needs attention']],
    ['Ofsted came. RI again. Quality of education and leadership both RI.', ['RI', 'RI']],
    ['The report came out: it has gone from Good to Requires Improvement.', ['Requires Improvement']],
    ['SIAMS: the inspector concluded that the school enables pupils to flourish.', ['the inspector concluded that the school enables pupils to flourish']],
    ['Inspectors identified reading as an area for development.', ['Inspectors identified reading as an area for development', 'an area for development']],
    ['Education Scotland rated leadership as very good.', ['very good']],
    ['The ISI inspection found the school to be excellent.', ['The ISI inspection found the school to be excellent', 'excellent']],
    ['Ofsted visited. Inspectors found pupils to be polite and kind.', ['Inspectors found pupils to be polite and kind']],
  ];
  const innocent = [
    'Thank you to our outstanding PTA, and a reminder that Ofsted may visit at any time.',
    'The reading corner needs attention after the leak; the roof inspection is next week.',
    'The weather was good for sports day.',
    'Does RI really matter? RI is about paperwork, says one parent.',
    'Rhode Island (RI) is where our pen pals live.',
    'We had a fire safety inspection. The inspector found two faulty sockets.',
    'Parents rated the disco as excellent.',
  ];
  cases(inspectionGrades, 'judgements', found, innocent);
});

describe('results tables', () => {
  const reader = (html: string) => parseHtml(html).prose.text;

  it('finds each row of figures under a results header, as cells', () => {
    const text = reader(
      '<h2>KS2 results</h2><table><tr><th>Subject</th><th>Expected</th><th>Higher</th><th>Scaled score</th></tr>' +
        '<tr><td>Reading</td><td>89%</td><td>41%</td><td>107.9</td></tr><tr><td>Maths</td><td>86%</td><td>38%</td><td>−0.21</td></tr></table>',
    );
    expect(spans(resultsTable, text)).toEqual(['89% | 41% | 107.9', '86% | 38% | −0.21']);
  });

  it('leaves tables of other figures alone', () => {
    expect(spans(resultsTable, reader('<table><tr><th>Class</th><th>Attendance</th></tr><tr><td>Oak</td><td>96%</td><td>97%</td></tr></table>'))).toEqual([]);
    expect(spans(resultsTable, reader('<h2>Results of the class size survey</h2><table><tr><th>Year</th><th>Class size</th></tr><tr><td>18</td><td>16</td><td>17</td></tr></table>'))).toEqual([]);
  });

  it('finds subjects given with percentages', () => {
    expect(spans(resultsTable, 'Last year: English 62%, Maths 46%, Science 81%, giving a total of 189.')).toEqual(['English 62%, Maths 46%, Science 81%']);
    expect(spans(resultsTable, 'Maths 46% of the way through the book.')).toEqual([]);
  });

  it('reads a table of ten thousand rows once: every row found, in one look each', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `| Pupil ${i} | ${i % 100}% | ${(i % 7) + 1} | 1,234 |`).join('\n');
    const text = parseMarkdown(`## GCSE results\n\n| Name | Pass | Grade | Points |\n| --- | --- | --- | --- |\n${rows}\n`).prose.text;
    const found = spans(resultsTable, text);
    expect(found).toHaveLength(10_000);
    expect(found[0]).toBe('0% | 1 | 1,234');
    expect(found[9_999]).toBe('99% | 4 | 1,234');
  });
});

describe('hostile text', () => {
  // A long text with no spaces, and figures in every format, end in a bounded time with exact spans.
  const detectors: Array<[string, Detector]> = [
    ['grades', grades],
    ['inspection grades', inspectionGrades],
    ['results tables', resultsTable],
  ];
  it.each(detectors)('%s: no spaces, one long word', (_, detector) => {
    expect(spans(detector, 'A*'.repeat(100_000) + 'x')).toEqual([]);
    expect(spans(detector, '9s'.repeat(100_000))).toEqual([]);
    expect(spans(detector, 'good|'.repeat(50_000))).toEqual([]);
  });

  it('figures in every format', () => {
    const text = 'Scores: 1,234 and 12.5% and −0.21 and ½ and 3/4 and 1e5 and 0x1F.';
    expect(spans(grades, text)).toEqual([]);
    expect(spans(resultsTable, text)).toEqual([]);
  });
});
