import { describe, expect, it } from 'vitest';
import { buildNameLexicon, lexiconForm, lexiconLists, loadNameLexicon, type LexiconCounts } from '../../src/lexicon/names.js';

const lexicon = loadNameLexicon();
const missing = (set: Set<string>, names: string[]) => names.filter((n) => !set.has(lexiconForm(n)));
const present = (set: Set<string>, names: string[]) => names.filter((n) => set.has(lexiconForm(n)));

describe('the name lexicon', () => {
  it('knows given names of the origins English schools have', () => {
    expect(
      missing(lexicon.givenNames, [
        // English, Welsh and Irish as the ONS and @stdlib lists have them
        'Olivia', 'Harry', 'Siobhan', 'Rhys',
        // Somali, Arabic, Turkish, Kurdish
        'Sahra', 'Yusuf', 'Mohammed', 'Ahmed', 'Fatima', 'Zeynep', 'Mehmet', 'Baran',
        // Romanian, Polish, Czech, Lithuanian, Latvian, Ukrainian and Russian romanised
        'Andreea', 'Ioana', 'Radu', 'Szymon', 'Łucja', 'Lucja', 'Tomasz', 'Oleksandr', 'Mykola', 'Bohdan', 'Dmitrii',
        // Ghanaian, Nigerian, South African
        'Kofi', 'Kwame', 'Abena', 'Emeka', 'Abimbola', 'Amahle',
        // Indian, Nepali, Chinese in pinyin, Vietnamese, Indonesian
        'Aditya', 'Priya', 'Aarya', 'Hao', 'Wei', 'Xinyi', 'Zihan', 'Anh', 'Dwi',
        // French, German, Spanish, Italian, Portuguese, Dutch
        'Amélie', 'Jannik', 'Alejandra', 'Giulia', 'João', 'Bram',
      ]),
    ).toEqual([]);
  });

  it('keeps out of the given names ordinary words that common-words does not list', () => {
    expect(present(lexicon.givenNames, ['hall', 'young', 'little', 'bird', 'field', 'monday', 'table', 'finally'])).toEqual([]);
    // Listed in common-words: kept, and taken as names only where they are used as names.
    expect(missing(lexicon.givenNames, ['Grace', 'Jack', 'June'])).toEqual([]);
  });

  it('knows surnames of many origins, and sets apart those that are ordinary words', () => {
    expect(
      missing(lexicon.surnames, [
        'Abdullahi', 'Ionescu', 'Asamoah', 'Iyer', 'Wang', 'Zhang', 'Li', 'Wójcik', 'Kowalczyk', 'MacDonald', 'Okafor',
        'Nowak', 'Shevchenko', 'Yılmaz', 'Nguyen', 'Patel', 'Hussain', 'Dubois', 'Rossi',
      ]),
    ).toEqual([]);
    expect(missing(lexicon.commonSurnames, ['Hall', 'Young', 'Little', 'Bird', 'Smith', 'King', 'Wood'])).toEqual([]);
    expect(present(lexicon.surnames, ['Hall', 'Young', 'Little', 'Smith'])).toEqual([]);
  });

  it('knows UK places and counties, as words joined by one space', () => {
    expect(
      missing(lexicon.places, [
        'Leicester', 'Sutton Coldfield', 'Kirby Muxloe', "King's Lynn", 'Stoke-on-Trent', 'Newcastle upon Tyne',
        'Ashby-de-la-Zouch', 'St. Albans', 'Market Harborough', 'Oadby', 'Cardiff', 'Glasgow', 'Belfast',
      ]),
    ).toEqual([]);
    expect(lexicon.places.has('sutton coldfield')).toBe(true);
    expect(missing(lexicon.counties, ['Leicestershire', 'Rutland', 'Leicester', 'Greater London', 'County Durham', 'England', 'Wales'])).toEqual([]);
  });

  it('writes names and places as normalised words joined by one space', () => {
    expect(lexiconForm("King's Lynn")).toBe('kings lynn');
    expect(lexiconForm('Stoke-on-Trent')).toBe('stoke on trent');
    expect(lexiconForm('St. Albans')).toBe('st albans');
    expect(lexiconForm('  Dela  Cruz ')).toBe('dela cruz');
    expect(lexiconForm('Wójcik')).toBe('wojcik');
  });

  it('is baked as the build makes it, and counts what it drops', () => {
    const counts = {} as LexiconCounts;
    const built = buildNameLexicon(counts);
    const baked = lexiconLists(lexicon);
    expect(lexiconLists(built)).toEqual(baked);
    expect(counts.givenDroppedAsWords).toBeGreaterThan(0);
    expect(counts.givenDroppedAsWords).toBeLessThan(counts.givenCandidates);
    expect(counts.surnamesThatAreWords).toBe(built.commonSurnames.size);
  });
});
