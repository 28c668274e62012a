import { beforeAll, describe, expect, it } from 'vitest';
import { hintsOf, loadLanguage, sentencePieces, type Analysis, type Language } from '../../src/language/index.js';
import { HINT_ORG, HINT_PLACE, HINT_TIME } from '../../src/language/hints.js';
import { tokenize } from '../../src/text/tokens.js';

let language: Language;
beforeAll(async () => {
  language = await loadLanguage();
});

const analyse = (text: string): Analysis => language.analyse(text);
const entitiesOf = (a: Analysis) => a.entities.map((e) => `${e.type}:${a.text.slice(e.start, e.end)}`);
const sentences = (a: Analysis) => a.sentences.map((s) => a.text.slice(s.start, s.end));
const tenses = (a: Analysis) => a.clauses.map((c) => `${c.tense}:${a.text.slice(c.start, c.end)}`);

// What the whereabouts rules lean on: places after "the", times that are times, tense, line ends.
describe('the layer, for where and when', () => {
  it('names a place after a preposition and "the": "at the Guildhall", "outside the Spar"', () => {
    expect(entitiesOf(analyse("We'll be at the Guildhall until 2.15."))).toEqual(['PLACE:Guildhall', 'TIME:2.15']);
    expect(entitiesOf(analyse('Meet outside the Spar.'))).toEqual(['PLACE:Spar']);
    // "in the" is as often an event's or a team's: "taking part in the Euroquiz".
    expect(entitiesOf(analyse('We are taking part in the Euroquiz.'))).toEqual([]);
    // "the" after another word is no preposition's.
    expect(entitiesOf(analyse('We read the Gruffalo.'))).toEqual([]);
  });

  it('takes "every morning" for how often, not a time; a clock time beside it still is one', () => {
    expect(entitiesOf(analyse('Swimming every Wednesday afternoon.')).filter((e) => e.startsWith('TIME'))).toEqual([]);
    expect(entitiesOf(analyse('We get on at 8.05 every morning.')).filter((e) => e.startsWith('TIME'))).toEqual(['TIME:8.05']);
  });

  it('reads a capitalised "Night" inside a sentence as a title, not a time', () => {
    expect(entitiesOf(analyse('The choir sang "O Holy Night" in the hall.')).filter((e) => e.startsWith('TIME'))).toEqual([]);
    expect(entitiesOf(analyse('Night walk at 8.')).filter((e) => e.startsWith('TIME'))).toContain('TIME:8');
  });

  it('gives a clause the tense of its finite verb, not of a participle before it', () => {
    expect(tenses(analyse('At 8am in teeming rain the team competed at Hinckley.'))).toEqual(['past:At 8am in teeming rain the team competed at Hinckley.']);
    expect(tenses(analyse('hiking up Kinder rn'))).toEqual(['present:hiking up Kinder rn']);
    // A participle the model has no dictionary form for, and a verb whose own form ends in -ing.
    expect(tenses(analyse('After geocaching the group walked home.'))).toEqual(['past:After geocaching the group walked home.']);
    expect(tenses(analyse('We sing at the church at 3.'))).toEqual(['present:We sing at the church at 3.']);
  });

  it('starts a sentence at a chat line and at a lone CR, as at LF and CRLF', () => {
    expect(sentences(analyse('[08:30] Jen: can you pick up\n[08:31] Ruth: yes'))).toEqual(['[08:30] Jen: can you pick up', '[08:31] Ruth: yes']);
    for (const eol of ['\n', '\r\n', '\r']) expect(sentences(analyse(`Lunch is at Fosse Park${eol}At 3pm we go home`))).toEqual(['Lunch is at Fosse Park', 'At 3pm we go home']);
  });
});

describe('cheap looks before the layer', () => {
  it('cut a text where a sentence surely ends: blank lines, full stops before capitals, list items', () => {
    const text = 'Hello Mr. Smith. We are at the zoo!\n\nNext: lunch.\n- pack a coat\n- bring water\nsee you at 3';
    const pieces = sentencePieces(text).map(([a, b]) => text.slice(a, b));
    expect(pieces).toEqual(['Hello Mr. Smith. ', 'We are at the zoo!', 'Next: lunch.\n', '- pack a coat\n', '- bring water\nsee you at 3']);
  });

  it('cut nothing out of a text: the pieces and the cuts between them are the whole text, in order', () => {
    const text = 'One. Two! Three?\r\n\r\nFour.\rFive\n\n\n';
    let at = 0;
    for (const [a, b] of sentencePieces(text)) {
      expect(a).toBeGreaterThanOrEqual(at);
      expect(text.slice(at, a).trim()).toBe('');
      at = b;
    }
    expect(text.slice(at).trim()).toBe('');
  });

  it('hint at times and places by their words and capitals, as the entity finder names them', () => {
    const hints = (text: string) => {
      const t = tokenize(text);
      const view = { count: t.count, word: (i: number) => t.words[i], capitalised: (i: number) => /\p{Lu}/u.test(text[t.starts[i]]), after: (i: number) => text.slice(t.ends[i], t.starts[i + 1] ?? t.ends[i]) };
      let bits = 0;
      for (let i = 0; i < t.count; i++) bits |= hintsOf(view, i);
      return [[HINT_TIME, 'TIME'], [HINT_PLACE, 'PLACE'], [HINT_ORG, 'ORG']].filter(([bit]) => bits & (bit as number)).map(([, type]) => type);
    };
    expect(hints('Meet at 6.45 at the Co-op')).toEqual(['TIME', 'PLACE']);
    expect(hints('Tea at half four')).toEqual(['TIME']);
    expect(hints('see you at 3')).toEqual(['TIME']);
    expect(hints('Well done to Year 6 on Monday')).toEqual([]);
    expect(hints('Friends of Brookfield Academy meet soon')).toEqual(['ORG']);
    expect(hints('The Jewry Wall Museum is free')).toEqual(['PLACE']);
    expect(hints('Tickets are two pounds each')).toEqual([]);
  });
});
