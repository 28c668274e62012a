import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLinear, linearSpans, SlowPatternError, UnsupportedPattern } from '../../src/rules/linear-pattern.js';
import { patternFlags } from '../../src/rules/pattern-flags.js';
import { loadRules } from '../../src/rules/load.js';
import { ROOT } from '../helpers/cli.js';

/** What RegExp finds, as the engine collects it: non-empty matches, left to right. */
function regexpSpans(patterns: string[], flags: string, text: string): Array<[number, number]> {
  const re = new RegExp(patterns.map((p) => `(?:${p})`).join('|'), `g${flags}`);
  const spans: Array<[number, number]> = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0].length === 0) re.lastIndex++;
    else spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

/** Checks that re2js finds what RegExp finds (with the u flag too when `unicode`). */
const same = (patterns: string[], caseSensitive: boolean, texts: string[], unicode = false) => {
  const flags = patternFlags(patterns, caseSensitive);
  const linear = compileLinear(patterns, flags);
  const reference = unicode && !flags.includes('u') ? `${flags}u` : flags;
  for (const text of texts) {
    expect(linearSpans(linear, text), `${patterns.join(' | ')} on ${JSON.stringify(text.slice(0, 60))}`).toEqual(regexpSpans(patterns, reference, text));
  }
};

const TEXTS = [
  'Café naïve 😀 Zoë and Chloé went to the Café; 👩‍👩‍👧 FAILED their SATs in Année 6.',
  'é😀 fail maths\u00a0by one mark, we\u2019re now at the Lake District\u2028next line',
  'Ella\u00a0Smith\tand\u3000JOSH  o\u2019brien: 07700 900123, £12.50, 52.6369, -1.1398 ///filled.count.soap',
  'ſ and K (Kelvin) are not asked about here; ordinary "quoted" text [brackets] {braces} a-b_c.',
  '',
];

describe('linear-time patterns', () => {
  it('find the same spans as RegExp, in UTF-16 offsets, after emoji and accented letters', () => {
    same(['\\b(?:budget|uniform)\\s+(?:cuts?|dispute)\\b'], false, ['Emoji 😀😀 then Budget  CUTS and the uniform\u00a0dispute, é budget cut']);
    same(['\\bcaf[ée]\\b', 'na[iï]ve', 'zo[eë]'], false, TEXTS);
    same(['\\b(?:Ella|Josh|Chloé)\\b', '[A-Z][a-z]+\\s[A-Z]'], true, TEXTS);
    same(['\\p{Lu}\\p{Ll}+', '\\p{Script=Latin}{4}', '\\u{1F600}'], false, TEXTS);
    same(['[^\\S\\n]+', '[\\s\\d-]{3,}', '\\d+[.,]\\d+'], false, TEXTS);
    same(['(?<=£)\\d+(?:\\.\\d{2})?', '(?<!\\w)o[\'’]brien', '(?<=\\bthe\\s)[a-z]+'], false, TEXTS);
    same(['^Café', '6\\.$', 'a|', '(x)?', '[]', '[^]{2}', '\\x41nd', '\\u00e9', '\\cJ', '\\/\\/\\/', '[[]', '\\{braces\\}'], false, TEXTS);
  });

  it('read the text by whole characters, as RegExp does with the u flag: . takes a whole emoji', () => {
    same(['.{3}\\s', '[^.!?\\n]{2,5}', '\\S+@\\S+', '\\S{2}'], false, TEXTS, true);
    const text = 'x😀y';
    expect(linearSpans(compileLinear(['x.y'], 'i'), text)).toEqual([[0, 4]]);
    expect(regexpSpans(['x.y'], 'i', text)).toEqual([]);
  });

  it('find the same spans as RegExp for every built-in pattern on the fixtures and the rules’ examples', () => {
    const fixtures = readdirSync(join(ROOT, 'fixtures'))
      .filter((f) => /\.(md|html|txt)$/.test(f))
      .map((f) => readFileSync(join(ROOT, 'fixtures', f), 'utf8'));
    const rules = loadRules().filter((r) => r.kind === 'pattern');
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      if (rule.kind !== 'pattern') continue;
      const examples = [...(rule.examples?.match ?? []), ...(rule.examples?.['no-match'] ?? [])].map((e) =>
        (typeof e === 'string' ? e : e.text).replace(/\[\[|\]\]/g, ''),
      );
      same(rule.patterns, rule['case-sensitive'], [...fixtures, ...examples]);
    }
  });

  it('run patterns that make RegExp backtrack for minutes in linear time', () => {
    const text = 'a'.repeat(20_000);
    // Each of these took RegExp over a minute on this text; linear time here is a fraction of a second.
    for (const pattern of ['(a|a)*$', '(a|aa)+$', 'a*a*a*a*a*a*b', '.*.*.*=.*;', '(a*){20}b', '(?<=x)(a+)+$', '(\\w+\\s?)*x']) {
      const start = performance.now();
      linearSpans(compileLinear([pattern], 'i'), text);
      expect(performance.now() - start, pattern).toBeLessThan(5000);
    }
  });

  it('stop when finding every match takes longer than allowed', () => {
    const re = compileLinear(['\\w'], '');
    expect(linearSpans(re, 'ab c')).toEqual([[0, 1], [1, 2], [3, 4]]);
    expect(() => linearSpans(re, 'ab c', -1)).toThrow(SlowPatternError);
  });

  it('refuse what cannot run in linear time, saying what to write instead', () => {
    const refusal = (pattern: string) => {
      try {
        compileLinear([pattern], patternFlags([pattern], false));
      } catch (error) {
        expect(error).toBeInstanceOf(UnsupportedPattern);
        return (error as Error).message;
      }
      throw new Error(`expected ${pattern} to be refused`);
    };
    expect(refusal('(a*)\\1*b')).toMatch(/^a backreference \(\\1\) cannot run in linear time; repeat the words themselves instead$/);
    expect(refusal('(?<w>a)\\k<w>')).toMatch(/backreference \(\\k<name>\)/);
    expect(refusal('fail(?= maths)')).toMatch(/^a lookahead \(\?=\.\.\.\) cannot run in linear time; match the words after/);
    expect(refusal('fail(?! maths)')).toMatch(/lookahead \(\?!\.\.\.\)/);
    expect(refusal('(a{1,50}){1,50}$')).toBe('the repeat `{1,50}` makes more than 1000 copies in all (nested counts multiply); use + or * instead');
    expect(refusal('\\p{Emoji}')).toMatch(/\\p\{Emoji\} is not supported; use a general category such as \\p\{L\}/);
  });
});
