import { beforeAll, describe, expect, it } from 'vitest';
import { loadLanguage, type Analysis, type Language } from '../../src/language/index.js';
import { expectExact } from '../helpers/analysis.js';

// Exact spans of the layer on the text posts are made of: chat, emoji, Markdown-like lists and
// headings, tables, CRLF, curly apostrophes, other alphabets.

let language: Language;
beforeAll(async () => {
  language = await loadLanguage();
});

const analyse = (text: string): Analysis => language.analyse(text);
/** Each sentence as its offsets and its text. */
const sentenceSpans = (a: Analysis) => a.sentences.map((s) => [s.start, s.end, a.text.slice(s.start, s.end)]);
const clauseSpans = (a: Analysis) => a.clauses.map((c) => [a.text.slice(c.start, c.end), c.tense, c.negated]);
const tagged = (a: Analysis) => a.tokens.map((t) => [t.text, t.pos, t.lemma]);


describe('lower-case chat', () => {
  it('reads "omw to the park rn" as one present sentence', () => {
    const a = analyse('omw to the park rn');
    expectExact(a);
    expect(sentenceSpans(a)).toEqual([[0, 18, 'omw to the park rn']]);
    expect(a.tokens.map((t) => [t.start, t.end])).toEqual([
      [0, 3],
      [4, 6],
      [7, 10],
      [11, 15],
      [16, 18],
    ]);
    expect(a.tokens[4]).toMatchObject({ text: 'rn', pos: 'ADV', lemma: 'right now' });
    expect(a.sentences[0]).toMatchObject({ tense: 'present', negated: false });
  });

  it('reads "we r at the beach lol" with "r" as a form of be', () => {
    const a = analyse('we r at the beach lol');
    expectExact(a);
    expect(tagged(a)).toEqual([
      ['we', 'PRON', 'we'],
      ['r', 'AUX', 'be'],
      ['at', 'ADP', 'at'],
      ['the', 'DET', 'the'],
      ['beach', 'NOUN', 'beach'],
      ['lol', 'INTJ', 'lol'],
    ]);
    expect(clauseSpans(a)).toEqual([['we r at the beach lol', 'present', false]]);
  });

  it('splits chat lines into sentences whatever their stops', () => {
    const a = analyse('lol 😂😂\nomw to the park rn 🏃‍♂️\nwe didnt go in tho');
    expectExact(a);
    expect(sentenceSpans(a)).toEqual([
      [0, 8, 'lol 😂😂'],
      [9, 33, 'omw to the park rn 🏃‍♂️'],
      [34, 52, 'we didnt go in tho'],
    ]);
    expect(a.sentences.map((s) => [s.tense, s.negated])).toEqual([
      ['none', false],
      ['present', false],
      ['past', true],
    ]);
  });
});

describe('emoji', () => {
  it('keeps an emoji between words one token and ends a thought there', () => {
    const a = analyse("we're at the park 😂 see u soon 👍");
    expectExact(a);
    expect(a.tokens.filter((t) => t.pos === 'SYM').map((t) => [t.text, t.start, t.end])).toEqual([
      ['😂', 18, 20],
      ['👍', 32, 34],
    ]);
    expect(sentenceSpans(a)).toEqual([[0, 34, "we're at the park 😂 see u soon 👍"]]);
    // the present of the first thought is not taken over by the "soon" of the second
    expect(clauseSpans(a)).toEqual([
      ["we're at the park 😂", 'present', false],
      ['see u soon 👍', 'future', false],
    ]);
    expect(a.sentences[0].tense).toBe('present');
  });

  it('tells an emoji for a full stop from an emoji for a noun', () => {
    const a = analyse('Day 2 💙 we went to Edale 🏔️ tomorrow we hike');
    expect(clauseSpans(a)).toEqual([
      ['Day 2 💙', 'none', false],
      ['we went to Edale 🏔️', 'past', false],
      ['tomorrow we hike', 'future', false],
    ]);
    // after "the" or "to" the emoji is the place itself
    expect(clauseSpans(analyse('at the 🏖️ now'))).toEqual([['at the 🏖️ now', 'present', false]]);
    expect(clauseSpans(analyse('omw to 🏫 rn'))).toEqual([['omw to 🏫 rn', 'present', false]]);
  });

  it('keeps emoji at the start and the end of a text, and keycaps, flags and joined emoji whole', () => {
    const a = analyse('😂 omg we r here 🎉🎉');
    expectExact(a);
    expect(a.tokens.map((t) => t.text)).toEqual(['😂', 'omg', 'we', 'r', 'here', '🎉', '🎉']);
    expect(sentenceSpans(a)).toEqual([[0, 21, '😂 omg we r here 🎉🎉']]);
    const b = analyse('🏳️‍🌈 🏴󠁧󠁢󠁥󠁮󠁧󠁿 #️⃣ 1️⃣ 🇬🇧 🏛️‍ at 7.30am');
    expectExact(b);
    expect(b.tokens.map((t) => [t.text, t.pos])).toEqual([
      ['🏳️‍🌈', 'SYM'],
      ['🏴󠁧󠁢󠁥󠁮󠁧󠁿', 'SYM'],
      ['#️⃣', 'SYM'],
      ['1️⃣', 'SYM'],
      ['🇬🇧', 'SYM'],
      ['🏛️‍', 'SYM'],
      ['at', 'ADP'],
      ['7.30am', 'NUM'],
    ]);
  });

  it('reads emoji-only text as emoji, one sentence a line', () => {
    const a = analyse('😂😂😂');
    expect(a.tokens.map((t) => [t.text, t.start, t.end, t.pos])).toEqual([
      ['😂', 0, 2, 'SYM'],
      ['😂', 2, 4, 'SYM'],
      ['😂', 4, 6, 'SYM'],
    ]);
    expect(a.sentences).toEqual([{ start: 0, end: 6, first: 0, last: 3, tense: 'none', negated: false }]);
    const b = analyse('🎉\n👍🏽👨‍👩‍👧\n🇬🇧');
    expectExact(b);
    expect(sentenceSpans(b)).toEqual([
      [0, 2, '🎉'],
      [3, 15, '👍🏽👨‍👩‍👧'],
      [16, 20, '🇬🇧'],
    ]);
    expect(b.entities).toEqual([]);
  });
});

describe('Markdown-like text', () => {
  it('ends a sentence at each heading and list item, even after a line that needs more', () => {
    const text = '# Trip to Edale\n\n## Day 1\nPlease bring the\n- coat\n- lunch and\n- water\n* tomorrow we hike';
    const a = analyse(text);
    expectExact(a);
    expect(sentenceSpans(a)).toEqual([
      [0, 15, '# Trip to Edale'],
      [17, 25, '## Day 1'],
      [26, 42, 'Please bring the'],
      [43, 49, '- coat'],
      [50, 61, '- lunch and'],
      [62, 69, '- water'],
      [70, 88, '* tomorrow we hike'],
    ]);
    expect(a.sentences[6].tense).toBe('future');
  });

  it('keeps the number of a numbered item with its item', () => {
    const a = analyse('Reminder:\n\n1. Pack a coat.\n2. Bring lunch.\n10. We did not go');
    expectExact(a);
    expect(sentenceSpans(a)).toEqual([
      [0, 9, 'Reminder:'],
      [11, 26, '1. Pack a coat.'],
      [27, 42, '2. Bring lunch.'],
      [43, 60, '10. We did not go'],
    ]);
    expect(a.sentences[3]).toMatchObject({ tense: 'past', negated: true });
    // a number that ends a sentence still ends it
    expect(sentenceSpans(analyse('We went there in 2. Then we ate.'))).toEqual([
      [0, 19, 'We went there in 2.'],
      [20, 32, 'Then we ate.'],
    ]);
  });

  it('does not read a time at the start of a line as a list number', () => {
    const a = analyse('The coach leaves the station at\n    5.30pm and we are back at 6.');
    expect(sentenceSpans(a)).toEqual([[0, 64, 'The coach leaves the station at\n    5.30pm and we are back at 6.']]);
  });

  it('ends a line before a rule', () => {
    const a = analyse('a shirt hanging on the fence behind\n---\nmore');
    expect(sentenceSpans(a).map((s) => s[2])).toEqual(['a shirt hanging on the fence behind', '---', 'more']);
  });
});

describe('tables', () => {
  it('makes each row of a pipe table a sentence, with exact offsets', () => {
    const text = '| Time | Place |\n|---|---|\n| 9.30 | Walk to |\n| 12.00 | Lunch in the park |\n| 3.15 | Coach home |';
    const a = analyse(text);
    expectExact(a);
    expect(sentenceSpans(a)).toEqual([
      [0, 16, '| Time | Place |'],
      [17, 26, '|---|---|'],
      [27, 45, '| 9.30 | Walk to |'],
      [46, 75, '| 12.00 | Lunch in the park |'],
      [76, 97, '| 3.15 | Coach home |'],
    ]);
    expect(a.entities.filter((e) => e.type === 'TIME').map((e) => [e.start, e.end])).toEqual([
      [29, 33],
      [48, 53],
      [78, 82],
    ]);
  });

  it('ends a tab-separated row at its line end, even when a cell ends on "to" or "and"', () => {
    const text = 'Time\tActivity\r\n9.30\tWalk to\r\n10.00\tMuseum and\n12.00\tLunch';
    const a = analyse(text);
    expectExact(a);
    expect(sentenceSpans(a)).toEqual([
      [0, 13, 'Time\tActivity'],
      [15, 27, '9.30\tWalk to'],
      [29, 45, '10.00\tMuseum and'],
      [46, 57, '12.00\tLunch'],
    ]);
  });

  it('runs on across a line break in prose that needs more, with no table about', () => {
    const a = analyse('We will meet at the\r\nstation and\nwalk to the museum');
    expect(sentenceSpans(a)).toEqual([[0, 51, 'We will meet at the\r\nstation and\nwalk to the museum']]);
  });
});

describe('line ends and apostrophes', () => {
  it('keeps offsets exact over CRLF and ends sentences at them', () => {
    const text = 'We went to the park.\r\nWe didn’t get lost.\r\n\r\nTomorrow we’ll hike to Kinder.\r\n';
    const a = analyse(text);
    expectExact(a);
    expect(sentenceSpans(a)).toEqual([
      [0, 20, 'We went to the park.'],
      [22, 41, 'We didn’t get lost.'],
      [45, 75, 'Tomorrow we’ll hike to Kinder.'],
    ]);
    expect(a.sentences.map((s) => [s.tense, s.negated])).toEqual([
      ['past', false],
      ['past', true],
      ['future', false],
    ]);
  });

  it('ends a line at a lone CR or a line separator as at a line feed', () => {
    expect(sentenceSpans(analyse('at the park\rback by 5'))).toEqual([
      [0, 11, 'at the park'],
      [12, 21, 'back by 5'],
    ]);
    expect(sentenceSpans(analyse('at the park\u2028back by 5')).map((s) => s[2])).toEqual(['at the park', 'back by 5']);
  });

  it('reads curly apostrophes as straight ones in normal forms and lemmas', () => {
    const a = analyse('we’re at the museum and we can’t find the café; didn’t we?');
    expectExact(a);
    expect(a.tokens.slice(0, 2).map((t) => [t.text, t.normal, t.lemma, t.pos])).toEqual([
      ['we', 'we', 'we', 'PRON'],
      ['’re', "'re", 'be', 'AUX'],
    ]);
    expect(a.tokens.filter((t) => t.lemma === 'not').map((t) => [t.text, t.start, t.end])).toEqual([
      ['n’t', 29, 32],
      ['n’t', 51, 54],
    ]);
    expect(clauseSpans(a)).toEqual([
      ['we’re at the museum', 'present', false],
      ['and we can’t find the café;', 'present', true],
      ['didn’t we?', 'past', true],
    ]);
  });
});

describe('other alphabets', () => {
  it('splits Greek, Cyrillic and Arabic sentences at their stops, with exact offsets', () => {
    const greek = analyse('Καλημέρα σας. Είμαστε στο μουσείο.');
    expectExact(greek);
    expect(sentenceSpans(greek)).toEqual([
      [0, 13, 'Καλημέρα σας.'],
      [14, 34, 'Είμαστε στο μουσείο.'],
    ]);
    const cyrillic = analyse('Привет! Мы в музее. Завтра поход.');
    expectExact(cyrillic);
    expect(sentenceSpans(cyrillic).map((s) => s[2])).toEqual(['Привет!', 'Мы в музее.', 'Завтра поход.']);
    expect(cyrillic.tokens[0]).toMatchObject({ text: 'Привет', normal: 'привет', pos: 'X' });
    const arabic = analyse('مرحبا. نحن في المتحف الآن.');
    expectExact(arabic);
    expect(sentenceSpans(arabic)).toEqual([
      [0, 6, 'مرحبا.'],
      [7, 26, 'نحن في المتحف الآن.'],
    ]);
    for (const a of [greek, cyrillic, arabic]) expect(a.sentences.every((s) => s.tense === 'none' && !s.negated)).toBe(true);
  });

  it('keeps Chinese between English words exact', () => {
    const a = analyse('we are at 博物馆 now, 明天去公园！');
    expectExact(a);
    expect(a.tokens.map((t) => t.text)).toEqual(['we', 'are', 'at', '博物馆', 'now', ',', '明天去公园！']);
    expect(a.sentences[0].tense).toBe('present');
  });
});
