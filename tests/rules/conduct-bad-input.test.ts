import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/api/checker.js';

// Conduct rules on hostile and very long drafts: time linear in the draft, one finding for a
// passage where findings cluster, and no crash.
const checker = createChecker({ config: false, showMatches: true });
await checker.ready();
// On a parent's post: its front matter is three lines, so the text starts on line 4.
const conduct = (text: string) =>
  checker.checkText(`---\nchannel: parent\n---\n${text}`, 'post.md').findings.filter((f) => f.category === 'conduct');

describe('conduct on bad input', () => {
  it('a post of 10,000 emoji has no finding', { timeout: 30_000 }, () => {
    expect(conduct('😀🙈👩‍👩‍👧🔥'.repeat(2_500))).toEqual([]);
  });

  it('one insult said 100,000 times in one paragraph is one finding over the whole passage', { timeout: 120_000 }, () => {
    const text = 'the head is a joke. '.repeat(100_000);
    const found = conduct(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ ruleId: 'disparaging-school-or-staff', line: 4, column: 1, endLine: 4, endColumn: text.trimEnd().length });
  });

  it('the same insult in paragraphs of its own is a finding a paragraph', { timeout: 60_000 }, () => {
    const found = conduct('the head is a joke.\n\n'.repeat(2_000));
    expect(found).toHaveLength(2_000);
    expect(found.map((f) => f.line)).toEqual(Array.from({ length: 2_000 }, (_, i) => 4 + 2 * i));
  });

  it('a chat log of a megabyte has exactly the findings its few bad lines hold', { timeout: 120_000 }, () => {
    const ordinary = [
      '[18:02] Jo: does anyone know what time the disco finishes?',
      '[18:03] Sam: 7pm I think, bring a water bottle x',
      '[18:05] Priya: thanks! see you all at the gates',
      '[18:06] Lee: the worst traffic on the ring road tonight, brutal hill on the way up too',
    ];
    const lines: string[] = [];
    while (lines.join('\n').length < 1_000_000) lines.push(...ordinary);
    lines.splice(5_000, 0, '[19:10] Kim: the office staff are useless');
    lines.splice(10_000, 0, '[19:40] Kim: honestly the head couldn\'t care less');
    const found = conduct(lines.join('\n'));
    expect(found.map((f) => [f.ruleId, f.line])).toEqual([
      ['disparaging-school-or-staff', 5_004],
      ['does-not-care', 10_004],
    ]);
  });
});
