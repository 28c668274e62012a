import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createChecker } from '../../src/api/checker.js';
import { tempFolder } from '../helpers/temp.js';

const rule = `id: my-trip-rule
category: location
severity: warning
clause: 1.8(b)
message: Mine
suggestion: Mine
kind: phrase
phrases: [canal bridge]
`;
const dir = tempFolder({
  'safepost.config.yaml': 'official:\n  domains: [kestrelfields-primary.org.uk]\n',
  'rules/my-trip-rule.yaml': rule,
});
const builtIn = createChecker({ cwd: dir, showMatches: true });
const withMine = createChecker({ cwd: dir, ruleFolders: [join(dir, 'rules')], showMatches: true });
beforeAll(async () => {
  await builtIn.ready();
  await withMine.ready();
});
const location = (checker: typeof builtIn, text: string) =>
  checker.checkText(text, 'a.md').findings.filter((f) => f.category === 'location').map((f) => [f.ruleId, f.match]);

describe('findings over the same words', () => {
  it("are one finding when safepost's own rules of one category overlap: the longest, over them all", () => {
    // A meeting word, a place and a time: three whereabouts rules see it.
    expect(location(builtIn, 'Tomorrow: meet by the canal bridge at 12.40.')).toEqual([['time-then-place', 'Tomorrow: meet by the canal bridge at 12.40']]);
  });

  it("keep a rule of one's own apart, beside safepost's", () => {
    expect(location(withMine, 'Tomorrow: meet by the canal bridge at 12.40.')).toEqual([
      ['time-then-place', 'Tomorrow: meet by the canal bridge at 12.40'],
      ['my-trip-rule', 'canal bridge'],
    ]);
  });

  it("are none where they name the organisation's own school, read from its domains", () => {
    expect(location(builtIn, "We're at Kestrel Fields at 2pm for the concert rehearsal.")).toEqual([]);
    expect(location(builtIn, "We're at Fosse Park at 2pm.")).toEqual([['place-at-a-time', "We're at Fosse Park at 2pm"]]);
  });
});

describe('conduct findings near one another in a paragraph', () => {
  const conduct = (text: string) =>
    builtIn
      .checkText(text, 'a.md')
      .findings.filter((f) => f.category === 'conduct')
      .map((f) => [f.ruleId, f.clause.id, f.match]);

  it('are one finding when they cite one clause, over the passage', () => {
    expect(conduct('---\nchannel: staff-personal\n---\nFeel free to follow me on Instagram, or just DM me on snap.\n')).toEqual([
      ['personal-channel-invitation', '7.3(f)', 'follow me on Instagram, or just DM me on snap'],
    ]);
  });

  it('stay apart when they cite different clauses, so that each breach is cited', () => {
    expect(conduct('---\nchannel: staff-personal\n---\nFeel free to follow me on Instagram. Just accepted a friend request from a mum too.\n')).toEqual([
      ['personal-channel-invitation', '7.3(f)', 'follow me on Instagram'],
      ['friend-requests', '7.3(g)', 'accepted a friend request'],
    ]);
  });

  it('stay apart across a blank line', () => {
    expect(conduct('---\nchannel: parent\n---\nThe head is clueless.\n\nThe head is clueless.\n').length).toBe(2);
  });
});

describe('the clause a finding cites', () => {
  const clauses = (channel: string) =>
    builtIn.checkText(`---\nchannel: ${channel}\n---\nThe head is clueless.\n`, 'a.md').findings.map((f) => [f.ruleId, f.clause.id]);

  it("is the policy's own words for who is posting, where the rule gives one", () => {
    expect(clauses('parent')).toEqual([['disparaging-school-or-staff', '6.1(d)']]);
    expect(clauses('pupil')).toEqual([['disparaging-school-or-staff', '6.2(e)']]);
    expect(clauses('staff-personal')).toEqual([['disparaging-school-or-staff', '6(b)']]);
  });

  it('is checked to be in the policy on every channel when a rule loads', () => {
    const dir = tempFolder({
      'rules/mine.yaml': rule.replace('clause: 1.8(b)', 'clause: { default: 1.8(b), parent: 6.9(z) }'),
    });
    expect(() => createChecker({ cwd: dir, config: false, ruleFolders: [join(dir, 'rules')] })).toThrow(
      /mine\.yaml:4: clause "6\.9\(z\)" is not in the policy/,
    );
  });
});
