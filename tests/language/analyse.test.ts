import { beforeAll, describe, expect, it } from 'vitest';
import { loadLanguage, type Analysis, type EntityType, type Language } from '../../src/language/index.js';
import { expectExact } from '../helpers/analysis.js';

let language: Language;
beforeAll(async () => {
  language = await loadLanguage();
});

const analyse = (text: string): Analysis => language.analyse(text);
const words = (a: Analysis) => a.tokens.map((t) => t.text);
const posOf = (a: Analysis, word: string, nth = 1) => a.tokens.filter((t) => t.text === word)[nth - 1]?.pos;
const entities = (a: Analysis) => a.entities.map((e) => [a.text.slice(e.start, e.end), e.type]);
const entity = (a: Analysis, type: EntityType) => a.entities.filter((e) => e.type === type).map((e) => a.text.slice(e.start, e.end));
const sentences = (a: Analysis) => a.sentences.map((s) => a.text.slice(s.start, s.end));


describe('tokens', () => {
  it('keep exact offsets through curly apostrophes, emoji, CRLF, tabs and other alphabets', () => {
    const text = 'we’ll be there 👨‍👩‍👧 👍🏽\r\ndidn’t we?\tcafé naïve\u00a0Привет 你好 🇬🇧!';
    const a = analyse(text);
    expectExact(a);
    expect(words(a)).toEqual(['we', '’ll', 'be', 'there', '👨‍👩‍👧', '👍🏽', 'did', 'n’t', 'we', '?', 'café', 'naïve', 'Привет', '你好', '🇬🇧', '!']);
    const family = a.tokens[4];
    expect([family.start, family.end]).toEqual([15, 23]);
    // one kind of apostrophe in the normal form and the lemma
    expect(a.tokens[1]).toMatchObject({ normal: "'ll", lemma: 'will', pos: 'AUX' });
    expect(a.tokens[7]).toMatchObject({ normal: "n't", lemma: 'not', pos: 'PART' });
  });

  it('keeps a clock time one token, and its full stop another', () => {
    const a = analyse('The coach leaves at 7.30am. Back by 4pm!');
    expectExact(a);
    expect(words(a)).toEqual(['The', 'coach', 'leaves', 'at', '7.30am', '.', 'Back', 'by', '4pm', '!']);
    expect(sentences(a)).toEqual(['The coach leaves at 7.30am.', 'Back by 4pm!']);
  });

  it('gives lemmas, stop words and punctuation', () => {
    const a = analyse('the kids went hiking, then we pitched the tents.');
    const by = (w: string) => a.tokens.find((t) => t.text === w)!;
    expect(by('kids').lemma).toBe('kid');
    expect(by('went').lemma).toBe('go');
    expect(by('pitched').lemma).toBe('pitch');
    expect(by('tents').lemma).toBe('tent');
    expect(by('the').stop).toBe(true);
    expect(by('tents').stop).toBe(false);
    expect(by(',').punctuation).toBe(true);
    expect(by('.').pos).toBe('PUNCT');
  });

  it('splits "I\'m", which the model keeps whole, and knows chat spellings', () => {
    const a = analyse("i'm at the skate park behind tesco rn, c u later x");
    expectExact(a);
    expect(a.tokens.slice(0, 2).map((t) => [t.text, t.pos, t.lemma])).toEqual([
      ['i', 'PRON', 'i'],
      ["'m", 'AUX', 'be'],
    ]);
    expect(a.tokens.find((t) => t.text === 'rn')).toMatchObject({ pos: 'ADV', lemma: 'right now' });
    expect(a.tokens.find((t) => t.text === 'u')).toMatchObject({ pos: 'PRON', lemma: 'you' });
  });

  it('makes a run of 1,000 characters without a space one token and never throws on odd text', () => {
    const blob = 'A'.repeat(1000);
    const a = analyse(`see data:${blob} now`);
    expectExact(a);
    expect(words(a)).toEqual(['see', `data:${blob}`, 'now']);
    for (const odd of ['', '   \n\n\t ', '😂😂😂', 'a \ud800 b \udc00 c', 'nul\u0000here \u200b\ufeff', '||||', '…']) expectExact(analyse(odd));
    expect(analyse('').tokens).toEqual([]);
  });

  it('keeps offsets exact across the pieces a long text is tagged in', () => {
    const line = 'we are at the museum till half three and then back to school by 4pm 😂 ';
    const text = line.repeat(400); // 29,600 characters on one line: two pieces
    const a = analyse(text);
    expectExact(a);
    expect(a.tokens.length).toBe(400 * 16);
    expect(entity(a, 'TIME').length).toBe(800);
  });
});

describe('parts of speech', () => {
  it('tells Will the name from will the verb', () => {
    expect(posOf(analyse('Will and Amir won the relay'), 'Will')).toBe('PROPN');
    expect(posOf(analyse('we will be at the museum'), 'will')).toBe('AUX');
    expect(posOf(analyse('Will is ill.'), 'Will')).toBe('PROPN');
    expect(posOf(analyse('Huge well done to Will Fox'), 'Will')).toBe('PROPN');
    expect(posOf(analyse("Will's mum is collecting him"), 'Will')).toBe('PROPN');
    expect(posOf(analyse('Will you text me when you get there?'), 'Will')).toBe('AUX');
    expect(posOf(analyse('WILL YOU TEXT ME'), 'WILL')).toBe('AUX');
  });

  it('tells May the month from may the verb', () => {
    const a = analyse('May we remind parents that the trip is in May.');
    expect(posOf(a, 'May', 1)).toBe('AUX');
    expect(posOf(a, 'May', 2)).toBe('PROPN');
    expect(posOf(analyse('Grace may come to the match'), 'may')).toBe('AUX');
  });

  it('tags places in chat and headings as proper nouns', () => {
    const a = analyse('tonight we camp at Rowlee Farm campsite near Ladybower');
    expect(['Rowlee', 'Farm', 'Ladybower'].map((w) => posOf(a, w))).toEqual(['PROPN', 'PROPN', 'PROPN']);
    expect(posOf(a, 'campsite')).toBe('NOUN');
    expect(posOf(a, 'we')).toBe('PRON');
  });
});

describe('entities', () => {
  it('finds times in the ways posts write them', () => {
    const a = analyse("pick-up at 6.45, we'll be at the museum till half three, home for teatime; from 9 till 3 on Friday, doors 7pm, 8:15 tonight, quarter past four");
    expectExact(a);
    expect(entity(a, 'TIME')).toEqual(['6.45', 'half three', 'teatime', '9', '3', '7pm', '8:15', 'tonight', 'quarter past four']);
    expect(entity(a, 'DATE')).toEqual(['Friday']);
  });

  it('finds dates, durations, money, percentages and ordinals with their token ranges', () => {
    const a = analyse('the coach leaves on Friday 3rd May for five nights; tickets £4.50 or 50p; 85% came to the 2nd match');
    expect(entities(a)).toEqual([
      ['Friday 3rd May', 'DATE'],
      ['five nights', 'DURATION'],
      ['£4.50', 'MONEY'],
      ['50p', 'MONEY'],
      ['85%', 'PERCENT'],
      ['2nd', 'ORDINAL'],
    ]);
    const money = a.entities.find((e) => e.type === 'MONEY')!;
    expect(a.tokens.slice(money.first, money.last).map((t) => t.text)).toEqual(['£', '4.50']);
  });

  it('types names by title, last word and the preposition before them', () => {
    const a = analyse('Mrs Patel met us outside the Co-op on Uppingham Road, then we hiked from Castleton towards Mam Tor. Thanks to Leicester City Council and the Friends of Abbey School.');
    expect(entities(a)).toEqual([
      ['Mrs Patel', 'PERSON'],
      ['Co-op', 'ORG'],
      ['Uppingham Road', 'PLACE'],
      ['Castleton', 'PLACE'],
      ['Mam Tor', 'PLACE'],
      ['Leicester City Council', 'ORG'],
      ['Friends of Abbey School', 'ORG'],
    ]);
  });

  it('does not take prices, counts, year groups or people for times and places', () => {
    expect(entity(analyse('it costs 2.50 each'), 'TIME')).toEqual([]);
    expect(entity(analyse('we stopped at 3 stations'), 'TIME')).toEqual([]);
    expect(entity(analyse('sat with 30 Year 9s and Day 2 of the trip'), 'DURATION')).toEqual([]);
    expect(entity(analyse('Huge well done to Will Fox for his poem'), 'PLACE')).toEqual([]);
    expect(entity(analyse("we're round at Will's house"), 'PLACE')).toEqual([]);
    expect(entity(analyse('we went to Edale in May'), 'PLACE')).toEqual(['Edale']);
  });
});

describe('sentences', () => {
  it('ends a sentence at a heading, a list item, a table row and a chat line', () => {
    const text = '## Day 2\r\n- Monday: swim at Abbey Park 9.30\n- Tuesday: hike\n\n| Time | Place |\n| 9am | Edale |\nat the park rn\nback by 5';
    const a = analyse(text);
    expectExact(a);
    expect(sentences(a)).toEqual(['## Day 2', '- Monday: swim at Abbey Park 9.30', '- Tuesday: hike', '| Time | Place |', '| 9am | Edale |', 'at the park rn', 'back by 5']);
  });

  it('runs on across a line that ends on a word that needs more', () => {
    const a = analyse('This morning the teams are hiking from\nEdale towards Kinder, and\nthe weather is kind.');
    expect(sentences(a)).toEqual(['This morning the teams are hiking from\nEdale towards Kinder, and\nthe weather is kind.']);
  });

  it('numbers each token with its sentence and clause', () => {
    const a = analyse('we went to Edale yesterday, tomorrow we will hike to Kinder. Back soon!');
    expect(a.tokens.map((t) => t.sentence)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
    expect(a.clauses.map((c) => [a.text.slice(c.start, c.end), c.tense])).toEqual([
      ['we went to Edale yesterday,', 'past'],
      ['tomorrow we will hike to Kinder.', 'future'],
      ['Back soon!', 'future'],
    ]);
    expect(a.tokens.find((t) => t.text === 'Kinder')!.clause).toBe(1);
  });
});

describe('tense and negation', () => {
  const tense = (text: string) => analyse(text).sentences[0].tense;
  const negated = (text: string) => analyse(text).sentences[0].negated;

  it('reads the tense from the verbs and auxiliaries', () => {
    expect(tense('we are hiking to Edale now')).toBe('present');
    expect(tense("we'll be at the museum till half three")).toBe('future');
    expect(tense('we went to Edale')).toBe('past');
    expect(tense("we won't be at the park")).toBe('future');
    expect(tense('we are going to visit the zoo')).toBe('future');
    expect(tense("we're gonna be late")).toBe('future');
    expect(tense('the kids were tired')).toBe('past');
    expect(tense("we've arrived at the hostel")).toBe('present');
    expect(tense('Will and Amir won the relay')).toBe('past');
  });

  it('lets words of time decide where the verb does not', () => {
    expect(tense('tonight we camp at Rowlee Farm')).toBe('future');
    expect(tense('meet at the bus station tomorrow at 8:15')).toBe('future');
    expect(tense('sat at the top of the gondola right now')).toBe('present');
    expect(tense('at maccies rn')).toBe('present');
    expect(tense('next week: Edale')).toBe('future');
    expect(tense('last week at the museum')).toBe('past');
    expect(tense('## Day 2')).toBe('none');
    // a timetable's short weekday is not the past of "sit"
    expect(tense('| Sat 11 | cross-country | Sutton Park |')).toBe('none');
    expect(tense('sat on the coach rn')).toBe('present');
    expect(tense('we sat on the coach for hours')).toBe('past');
  });

  it('does not take going somewhere for the future, nor a past verb beside "now" with an auxiliary for the present', () => {
    expect(tense('we are going to the zoo')).toBe('present');
    expect(tense('we were at the park right now')).toBe('past');
  });

  it('finds negation', () => {
    expect(negated("we won't be at the park")).toBe(true);
    expect(negated('we cannot go')).toBe(true);
    expect(negated("the kids didn't go")).toBe(true);
    expect(negated('there is no signal')).toBe(true);
    expect(negated('we never got lost')).toBe(true);
    expect(negated('we are at the park')).toBe(false);
    // an answer, not a negation
    const a = analyse('no, we are at the park');
    expect(a.clauses.map((c) => c.negated)).toEqual([false, false]);
    expect(a.sentences[0].negated).toBe(false);
  });
});

describe('the layer', () => {
  it('analyses a text once and hands the same analysis to every caller', () => {
    const text = 'we will be at the museum till half three';
    expect(language.analyse(text)).toBe(language.analyse(text));
    expect(loadLanguage()).toBe(loadLanguage());
  });
});
