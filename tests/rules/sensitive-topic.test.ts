import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/documents/markdown.js';
import { checkDocument } from '../../src/engine/check-document.js';
import { compileRules } from '../../src/engine/compile.js';
import { loadRules } from '../../src/rules/load.js';
import type { Channel } from '../../src/rules/schema.js';

// Sentences written apart from the rules' own examples: what a sensitive-topic check must
// flag ([[span]], on the channel given) and the innocent uses it must leave alone.
const compiled = compileRules(loadRules().filter((r) => r.category === 'sensitive-topic'));
const flagged = (text: string, channel: Channel) =>
  checkDocument(parseMarkdown(text), compiled, { channel }).map((f) => ({
    rule: f.ruleId,
    severity: f.severity,
    text: text.slice(f.column - 1, f.endColumn - 1),
  }));

const positives: Array<[Channel, string, string]> = [
  ['official', 'We are proud that [[96% of pupils achieved a pass]] in the multiplication check.', 'performance-figures'],
  ['official', 'This year our [[KS2 results]] put us among the best schools in the county.', 'exam-results'],
  ['staff-personal', "Can't believe our [[Ofsted grade]] dropped. Gutted for the team.", 'inspection-outcome'],
  ['parent', 'Apparently the school is in [[special measures]] now?!', 'inspection-outcome'],
  ['official', 'The trust has had to make [[redundancies]] in the office team.', 'staff-hr-matters'],
  ['staff-personal', 'Another colleague [[signed off sick]] this week, third this term.', 'staff-hr-matters'],
  ['parent', 'My nephew got [[expelled]] from Kingsmead for vaping.', 'exclusions'],
  ['pupil', 'jayden [[got suspended]] for 2 days lol', 'exclusions'],
  ['official', 'We are facing a [[budget shortfall of £120,000]] next year.', 'money-problems'],
  ['staff-personal', 'More [[staff cuts]] coming in September apparently.', 'budget-problems'],
  ['parent', 'I have [[lodged a complaint]] with the trust about the head.', 'complaints'],
  ['parent', 'We are going to [[sue the school]] if nothing changes.', 'legal-disputes'],
  ['official', 'Our former caretaker has taken the trust to a [[tribunal]].', 'legal-disputes'],
  ['staff-personal', 'Half my class [[failed their mocks]] and the head is furious.', 'failed-exams'],
  ['official', 'Kingsmead [[moved up ten places in the league tables]] this year.', 'league-places'],
  ['official', 'The inspectors rated our early years provision as [[outstanding]].', 'inspection-grades'],
];

const negatives: Array<[Channel, string]> = [
  ['official', 'Year 4 gave a brilliant performance of The Wizard of Oz on Thursday.'],
  ['official', 'Our performing arts club meets on Tuesdays after school.'],
  ['official', 'The under-9s won 4-1, and the full football results are on the noticeboard.'],
  ['official', 'The results of the cake sale: we raised £312 for the hospice!'],
  ['official', 'SATs take place in the week of 12 May; breakfast club is free that week.'],
  ['official', 'Please read our complaints policy on the website if you have a concern.'],
  ['official', 'No child will be excluded from the residential because of cost.'],
  ['official', 'The pool is closed and swimming lessons are suspended until further notice.'],
  ['official', 'Thank you to our outstanding PTA for a wonderful summer fair.'],
  ['official', 'Good luck to Year 6 in their SATs next week!'],
  ['official', 'Please pay any outstanding dinner money by Friday.'],
  ['official', 'Thirty children sang in the choir at the town hall.'],
  ['official', 'We have 30 children in each class this year.'],
  ['official', 'Our inspection of the new climbing frame found it safe to use.'],
  ['official', 'Our budget for the summer fair is £200, and every penny goes on the children.'],
  ['official', 'Year 5 read a book about a lawyer who solves mysteries.'],
  ['official', 'Attention deficit hyperactivity disorder awareness week begins on Monday.'],
  ['official', 'Year 6 leavers will get their school reports on the last day of term.'],
  ['official', 'Well done to the 12 pupils who passed their cycling proficiency test.'],
  ['parent', 'The nativity was lovely, well done to all the children.'],
];

describe('sensitive school topics', () => {
  it.each(positives)('%s: flags "%s"', (channel, marked, rule) => {
    const text = marked.replace('[[', '').replace(']]', '');
    const span = marked.slice(marked.indexOf('[[') + 2, marked.indexOf(']]'));
    expect(flagged(text, channel)).toEqual([
      { rule, severity: expect.stringMatching(/error|warning/), text: span },
    ]);
  });

  it.each(negatives)('%s: leaves "%s" alone', (channel, text) => {
    expect(flagged(text, channel)).toEqual([]);
  });

  it('warns on the official channel and errs on personal ones for performance topics', () => {
    const text = 'Our SATs results are in.';
    expect(flagged(text, 'official')[0].severity).toBe('warning');
    expect(flagged(text, 'staff-personal')[0].severity).toBe('error');
    expect(flagged(text, 'parent')[0].severity).toBe('error');
  });
});
