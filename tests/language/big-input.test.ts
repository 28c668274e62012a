import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/language/analysis.js';
import { analyseWith } from '../../src/language/analyse.js';
import { pieces } from '../../src/language/tokens.js';

// Whatever a draft holds, the layer never throws, keeps every offset exact, and hands the tagger
// the text once over in pieces of bounded size, so that its time and memory grow with the text.

let nlp: WinkMethods;
/** What the tagger was given: how many calls, how many characters in all, the longest piece. */
let given = { calls: 0, characters: 0, longest: 0 };
let counting: WinkMethods;

beforeAll(() => {
  nlp = winkNLP(model, ['sbd', 'pos', 'ner']);
  counting = {
    ...nlp,
    its: nlp.its,
    readDoc(text: string) {
      given.calls++;
      given.characters += text.length;
      given.longest = Math.max(given.longest, text.length);
      return nlp.readDoc(text);
    },
  } as WinkMethods;
});

/** Every token is the text at its offsets, in order and apart; every range points at its tokens. */
function expectExact(a: Analysis): void {
  let previousEnd = 0;
  let wrong = 0;
  for (const t of a.tokens) {
    if (a.text.slice(t.start, t.end) !== t.text || t.start < previousEnd || t.end <= t.start) wrong++;
    previousEnd = t.end;
  }
  expect(wrong).toBe(0);
  for (const ranges of [a.sentences, a.clauses, a.entities]) {
    let misplaced = 0;
    for (const r of ranges) if (r.start !== a.tokens[r.first].start || r.end !== a.tokens[r.last - 1].end) misplaced++;
    expect(misplaced).toBe(0);
  }
  // sentences cover the tokens in order, each token once
  let next = 0;
  for (const s of a.sentences) {
    expect(s.first).toBe(next);
    next = s.last;
  }
  expect(next).toBe(a.tokens.length);
}

/** `unit` repeated to `size` characters, never ending inside a surrogate pair. */
function repeat(unit: string, size: number): string {
  const text = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  return /[\uD800-\uDBFF]$/.test(text) ? `${text.slice(0, -1)} ` : text;
}

const MB = 1_000_000;
const inputs: Array<[string, string]> = [
  ['one line of 1 MB', repeat('we are at the museum till half three and then back to school by 4pm, ', MB)],
  ['a table of 10,000 rows', '| 9.30 | Museum | Edale |\n'.repeat(10_000)],
  ['a tab-separated table of 10,000 rows', '9.30\tWalk to\tEdale\n'.repeat(10_000)],
  ['1 MB of Greek and Cyrillic', repeat('Καλημέρα σας, είμαστε στο μουσείο. Привет, мы в музее до трёх. ', MB)],
  ['1 MB of Arabic', repeat('مرحبا نحن في المتحف الآن. ', MB)],
  ['1 MB of Chinese without spaces', repeat('我们现在在博物馆。', MB)],
  ['1 MB of emoji only', repeat('😂👍🏽👨‍👩‍👧🇬🇧🎉', MB)],
  ['1 MB of emoji between words', repeat('omw 😂 to the park rn 👍🏽\n', MB)],
];

describe('big and odd input', () => {
  it.each(inputs)('analyses %s without throwing, with exact offsets, reading each character once', (_, text) => {
    given = { calls: 0, characters: 0, longest: 0 };
    const a = analyseWith(counting, text);
    expectExact(a);
    expect(a.tokens.length).toBeGreaterThan(0);
    expect(given.characters).toBe(text.length);
    expect(given.longest).toBeLessThanOrEqual(20_000);
  }, 120_000);

  it('keeps a table row a sentence and a row of emoji its tokens', () => {
    const table = analyseWith(nlp, '| 9.30 | Museum | Edale |\n'.repeat(10_000));
    expect(table.sentences.length).toBe(10_000);
    expect(table.tokens.length).toBe(70_000);
    expect(table.entities.filter((e) => e.type === 'TIME').length).toBe(10_000);
    const line = 'omw 😂 to the park rn 👍🏽\n';
    const chat = analyseWith(nlp, line.repeat(1_000));
    expect(chat.sentences.length).toBe(1_000);
    expect(chat.tokens.filter((t) => t.pos === 'SYM').map((t) => t.text)).toEqual(Array.from({ length: 1_000 }, () => ['😂', '👍🏽']).flat());
  }, 60_000);

  it('gives a run without spaces as one token, however long', () => {
    const text = `see ${'😂👍🏽'.repeat(100)} now`;
    const a = analyseWith(nlp, text);
    expectExact(a);
    expect(a.tokens.map((t) => [t.start, t.end])).toEqual([
      [0, 3],
      [4, 604],
      [605, 608],
    ]);
  });

  it('cuts 40 million characters without a space or a line break into pieces at once', () => {
    // Looking back for a line break over the whole text before each cut took minutes here.
    const text = '我们现在在博物馆'.repeat(5_000_000);
    const cuts = pieces(text);
    expect(cuts.length).toBe(2_000);
    expect(cuts[0]).toEqual([0, 20_000]);
    expect(cuts[cuts.length - 1]).toEqual([text.length - 20_000, text.length]);
    for (let i = 1; i < cuts.length; i++) expect(cuts[i][0]).toBe(cuts[i - 1][1]);
  }, 30_000);
});
