import { describe, expect, it } from 'vitest';
import { findBirthDates } from '../../../src/detectors/contact-details/birth-dates.js';
import {
  findIdentifiers,
  isValidNhsNumber,
  isValidNiNumber,
  isValidUpn,
  upnCheckLetter,
} from '../../../src/detectors/contact-details/identifiers.js';
import { contactDetails } from '../../../src/detectors/contact-details/index.js';
import { findPhones } from '../../../src/detectors/contact-details/phones.js';
import { spokenDigits } from '../../../src/detectors/contact-details/spoken-phones.js';
import { tokenize } from '../../../src/text/tokens.js';
import { EXAMPLE_ORGANISATION } from '../../helpers/organisation.js';

// The example organisation also has a landline whose local part has six digits.
const official = { ...EXAMPLE_ORGANISATION, phones: [...EXAMPLE_ORGANISATION.phones, '01632 960214'] };

/** Every detail found, as [start, end, kind]. */
const detect = (text: string) =>
  contactDetails
    .detect({ text, tokens: tokenize(text), segments: [], images: [] }, { official }, {})
    .map((m) => [m.start, m.end, m.data?.kind]);

/** The spans a sentence marks with [[ ]], as [start, end] in the sentence without the marks. */
function marked(sentence: string): { text: string; spans: Array<[number, number]> } {
  const spans: Array<[number, number]> = [];
  let text = '';
  for (const part of sentence.split(/(\[\[|\]\])/)) {
    if (part === '[[') spans.push([text.length, -1]);
    else if (part === ']]') spans[spans.length - 1][1] = text.length;
    else text += part;
  }
  return { text, spans };
}

function expectFound(cases: Array<[string, string]>): void {
  for (const [sentence, kind] of cases) {
    const { text, spans } = marked(sentence);
    expect(detect(text), sentence).toEqual(spans.map(([s, e]) => [s, e, kind]));
  }
}

function expectNothing(texts: string[]): void {
  for (const text of texts) expect(detect(text), text).toEqual([]);
}

describe('user names written without @', () => {
  it('finds a name shaped like one after a platform, a word for a user name or a verb for connecting', () => {
    expectFound([
      ['she is on snap ([[pip.w.rides]]) most nights', 'handle'],
      ['just add [[tom.h0412]] and say hi', 'handle'],
      ['insta [[bmx.kai09]] for the clips', 'handle'],
      ['my tiktok is [[danced_by_ria]]', 'handle'],
      ['sc: [[evie.x]]', 'handle'],
      ['add me [[reece.b_2012]] on there', 'handle'],
      ['follow [[yr6_leavers.club]] for the photos', 'handle'],
      ['add me on discord [[nightowl.77]]', 'handle'],
      ['xbox gamertag [[ShadowFox2012]] if you play', 'handle'],
      ['psn: [[rocketkid]]', 'handle'],
      ['Ask me on Snapchat, my username is [[mrs_tate_science]].', 'handle'],
      ['🎮 epic: [[KaiPlaysFN07]]', 'handle'],
      ['dm me on ig [[luna.paints]] xx', 'handle'],
      ['I post on tiktok as [[sk8r.milo]] now', 'handle'],
      ["my snap's [[lottie.b14]] x", 'handle'],
      ['discord: [[ghostfox#4821]]', 'handle'],
    ]);
  });

  it('does not take English words, codes or file names for user names', () => {
    expectNothing([
      'add flour and stir well',
      'Add 200g of sugar.',
      'follow the signs to the hall',
      'Follow instructions carefully.',
      'please follow safety.Then line up',
      'we made snap decisions on the day',
      'the insta pot is on the counter',
      'add e.g. salt to taste',
      'Follow Year10 guidance on the website.',
      'follow brookfield-academy.org.uk/news',
      'add notes.pdf to the folder',
      'my insta is private sorry',
      'add me on TikTok tonight',
      'Snap: the card game we played at wet play.',
      'Hand in the tiktok-9y3-pov.mp4 clip.',
      'Minecraft: building club on Tuesdays',
      'YouTube: watch our assembly',
      'Snapchat: Parents guide to settings',
      'Please add your child to the list.',
      'We follow up every absence.',
    ]);
  });

  it('takes a tag of a name shown with a space in it for a name, not a handle', () => {
    expectNothing(['@Leanne M thank you for that', '@Priya Shah agreed!']);
    expectFound([['[[@Leanne]] thank you', 'handle']]);
  });
});

describe('phone numbers in words and local numbers', () => {
  it('reads digits, "oh", "double" and "treble"', () => {
    expect(spokenDigits('oh seven seven double oh, nine double oh, one two three')).toBe('07700900123');
    expect(spokenDigits('zero 7 7 treble 0 9 0 0 1 2')).toBe('077000900 12'.replace(' ', ''));
    expect(spokenDigits('seven double')).toBeNull();
    expect(spokenDigits('double treble one')).toBeNull();
  });

  it('finds a mobile said in words, and a landline said in words where a word for calling is near', () => {
    expectFound([
      ['text me on [[oh seven seven double oh, nine double oh, four six one]] x', 'phone'],
      ['it is [[zero seven seven zero zero nine zero zero two two seven]] ok', 'phone'],
      ['ring [[oh one one six, two seven four, nine one eight three]] after six', 'phone'],
      ['my number: [[oh seven seven oh oh nine oh oh treble three]]', 'phone'],
      ['text [[oh 7700 900 double four six]] tonight', 'phone'],
    ]);
  });

  it('finds a six- or seven-digit local number after a word for calling', () => {
    expectFound([
      ['ring me on [[456 789]] after tea', 'phone'],
      ['Call [[612345]] tonight.', 'phone'],
      ['Call Jo on [[274 9183]] about the lift.', 'phone'],
      ['her number is [[45 67 89]]', 'phone'],
    ]);
  });

  it('stays silent on counting, references, prices, pages, times and the organisation\'s own', () => {
    expectNothing([
      'Count with us: zero, one, two, three, four, five, six, seven, eight, nine.',
      'one two three four five six seven eight nine ten, ready or not!',
      'Our URN is 123456.',
      'Your order 612345 has shipped.',
      'Tickets total £612345 this year.',
      'Read page 456 789 of the atlas.',
      'It starts at 7.45 and ends at 9.15.',
      'Call the office on 960 214.',
      'Call 0116 496 0000 or email the office.',
      'Call reference 123456 is on the letter.',
      'Year 10 call 2025 the best year yet.',
    ]);
  });
});

describe('a business\'s number and address', () => {
  it('is not personal in a sentence about a shop, a service or a website', () => {
    expectNothing([
      'The charity can help: ring them on 0116 274 9183 or visit their website.',
      'Blazers come from our supplier, Threads & Co, 9 Wharf Street, Hinckley, telephone 0116 274 9183 (open Saturdays).',
      "I'll leave it at Patel's Pharmacy by the park (0116 274 9183).",
      "Places are offered by the local authority, and you can ring the council's admissions\nteam on 0116 274 9183 to apply.",
    ]);
  });

  it('is personal when it is a mobile or the writer\'s own', () => {
    expectFound([
      ['The shop owner Dave said to text him on [[07700 900 461]].', 'phone'],
      ['Ring me on [[0116 274 9183]] or see the website.', 'phone'],
    ]);
  });
});

describe('dates of birth', () => {
  it('finds a date a cue says is a birth date, and only the date', () => {
    expect(findBirthDates('DOB 14/03/2016', 2026)).toEqual([{ start: 4, end: 14, kind: 'date-of-birth', detail: 'date of birth' }]);
    const spans = (text: string) => findBirthDates(text, 2026).map((d) => text.slice(d.start, d.end));
    expect(spans('Ellie was born on 3rd May 2015 at home.')).toEqual(['3rd May 2015']);
    expect(spans('Date of birth: 21 June 2014')).toEqual(['21 June 2014']);
    expect(spans('D.O.B. 02.09.13, Year 7')).toEqual(['02.09.13']);
    expect(spans('date of birth is the 9th of January')).toEqual(['the 9th of January']);
    expect(spans('birthdate - March 4th, 2017')).toEqual(['March 4th, 2017']);
    expect(spans('DOB: 2016-03-14')).toEqual(['2016-03-14']);
    expect(spans("Tom's birthday is 9 October 2018.")).toEqual(['9 October 2018']);
  });

  it('leaves events, years, famous people and birthdays without a year', () => {
    const spans = (text: string) => findBirthDates(text, 2026).map((d) => text.slice(d.start, d.end));
    expect(spans('The fair is on 14/03/2026 from 10:30.')).toEqual([]);
    expect(spans('Roald Dahl was born on 13 September 1916.')).toEqual([]);
    expect(spans('Year 10 were born in 2010 or 2011.')).toEqual([]);
    expect(spans('She was born on 3rd May and loves cake.')).toEqual([]);
    expect(spans('Our newborn lambs arrived on 3 May 2025.')).toEqual([]);
    expect(spans('Jack was born 3 weeks early.')).toEqual([]);
    expect(spans('Her birthday is 3 May 2026, a Sunday.')).toEqual([]);
    expect(spans('Birthday party on 3 May 2025 at the hall.')).toEqual([]);
  });
});

describe('Unique Pupil Numbers, NHS and National Insurance numbers', () => {
  it('checks a UPN\'s check letter as the DfE defines it', () => {
    expect(upnCheckLetter('801200005001')).toBe('B');
    expect(isValidUpn('B801200005001')).toBe(true);
    expect(isValidUpn('A801200005001')).toBe(false);
    expect(isValidUpn('b8012 0000 5001')).toBe(true);
  });

  it('checks an NHS number\'s modulus-11 check digit', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('9434765918')).toBe(false);
    // A remainder that gives 10 is never a valid number.
    expect(isValidNhsNumber('0000000060')).toBe(false);
  });

  it('keeps HMRC\'s prefix and suffix rules for NI numbers', () => {
    expect(isValidNiNumber('AB 12 34 56 C')).toBe(true);
    for (const bad of ['DA123456A', 'AD123456A', 'QQ123456C', 'AO123456A', 'GB123456A', 'TN123456A', 'ZZ123456A', 'AB123456E']) {
      expect(isValidNiNumber(bad), bad).toBe(false);
    }
  });

  it('finds valid numbers, and invalid ones only with their name beside them', () => {
    expectFound([
      ['Pupil [[B801200005001]] moved school.', 'upn'],
      ['UPN: [[A801200005001]]', 'upn'],
      ['Her NHS number is [[943 476 5919]].', 'nhs-number'],
      ['ref [[943-476-5919]] on the form', 'nhs-number'],
      ['NHS no. [[1234567890]]', 'nhs-number'],
      ['NI number [[AB 12 34 56 C]] for payroll', 'ni-number'],
      ['His is [[JK123456D]] apparently.', 'ni-number'],
      ['national insurance no: [[ab123456c]]', 'ni-number'],
    ]);
  });

  it('leaves order numbers, ISBNs, phone numbers and codes alone', () => {
    expectNothing([
      'Invoice A801200005001 is attached.',
      'Reference 9434765919 on the form.',
      'ISBN 978-0-14-103614-4 is on the back.',
      'ISBN 0-14-103614-4 is older.',
      'Use code ab123456c at checkout.',
      'Order QQ123456C has shipped.',
      'Year 10 scored 100 in 2025.',
      'Ring 020 7946 0018 for the theatre box office.',
    ]);
    expect(findIdentifiers('Tickets £943 476 5919')).toEqual([]);
  });
});

describe('digits that are not a phone', () => {
  it.each(['Meeting ID: 792 049 3614', 'Passcode 07700 900123', 'date: 2017-10-13 18:00:00 -0400', 'Order no. 07700 900 123'])('%j', (text) => {
    expect(findPhones(text, new Set()).map((d) => text.slice(d.start, d.end))).toEqual([]);
  });
  it('a phone after other words still counts', () => {
    const text = 'Ring me on 07700 900123 tonight.';
    expect(findPhones(text, new Set()).map((d) => text.slice(d.start, d.end))).toEqual(['07700 900123']);
  });
});
