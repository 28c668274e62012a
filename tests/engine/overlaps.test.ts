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
