import { describe, expect, it } from 'vitest';
import { pupilNames } from '../../src/detectors/pupil-names.js';
import { parseMarkdown } from '../../src/documents/markdown.js';
import { tokenize } from '../../src/text/tokens.js';
import { scryptSync } from 'node:crypto';
import { allowedNames, DEFAULT_HASH_COST, loadNameLexicon, RosterIndex, type RosterPupil } from '../../src/roster/index.js';
import { nameWords } from '../../src/text/name-form.js';

const pupil = (first: string, last: string, preferred?: string): RosterPupil => ({
  firsts: [nameWords(first), ...(preferred ? [nameWords(preferred)] : [])],
  last: nameWords(last),
});
const ROSTER = [
  pupil('Amelia-Rose', "O'Connor"),
  pupil('Jack', 'Smith'),
  pupil('Amir', 'Hussain'),
  pupil('Zoë', 'Clarke'),
  pupil('Katie', 'Lomax'),
  pupil('Mohammed', 'Khan'),
  pupil('Harriet', 'Jones'),
  pupil('Grace', 'Whitfield'),
  pupil('Alexander', 'Brown', 'Sasha'),
];
const lexicon = loadNameLexicon();
const plain = RosterIndex.fromPupils(ROSTER);

function find(markdown: string, roster: RosterIndex | null = plain, allow: string[] = []) {
  const doc = parseMarkdown(markdown);
  const text = doc.prose.text;
  return pupilNames
    .detect({ text, tokens: tokenize(text), segments: doc.segments, images: doc.images }, { names: { roster, lexicon, allow: allowedNames(allow) } }, {}).map((m) => {
    const { start, end } = doc.prose.toSource(m.start, m.end);
    return [markdown.slice(start, end), m.data?.kind, m.data?.strength];
  });
}

describe('pupil names with a roster', () => {
  it.each([
    ['Well done to Amelia-Rose O’Connor this week.', [['Amelia-Rose O’Connor', 'full', 'identifying']]],
    ["Well done to Amelia-Rose OConnor this week.", [['Amelia-Rose OConnor', 'full', 'identifying']]],
    ['Star of the week: Jack S. for his maths.', [['Jack S.', 'first-initial', 'identifying']]],
    ['Star of the week: J. Smith for his maths.', [['J. Smith', 'initial-surname', 'identifying']]],
    ["We loved Amir's painting.", [['Amir', 'first', 'plain']]],
    ['harriet jones read her letter aloud.', [['harriet jones', 'full', 'identifying']]],
    ['HARRIET JONES read her letter aloud.', [['HARRIET JONES', 'full', 'identifying']]],
    ['Zoe Clarke and Zoë were in the team.', [['Zoe Clarke', 'full', 'identifying'], ['Zoë', 'first', 'plain']]],
    ['Sasha Brown won the spelling bee.', [['Sasha Brown', 'full', 'identifying']]],
    ['Well done Katy for her story.', [['Katy', 'first', 'plain']]],
    ['Our sports captain, Muhammad Khan, scored twice.', [['Muhammad Khan', 'full', 'identifying']]],
    ['Our sports captain, Jak Smith, scored twice.', [['Jak Smith', 'full', 'identifying']]],
    ['Congratulations to Amir in Year 4.', [['Amir', 'first', 'identifying']]],
    ['Congratulations to Amir, aged 9, on his medal.', [['Amir', 'first', 'identifying']]],
    ['The certificates went to Lomax and Hussain in Year 5.', [['Lomax', 'surname', 'identifying'], ['Hussain', 'surname', 'identifying']]],
    ['Our pupil of the week is Hussain, for kindness.', [['Hussain', 'surname', 'plain']]],
    ['## Amir and Katie\n\nThey ran the stall.', [['Amir', 'first', 'plain'], ['Katie', 'first', 'plain']]],
    ['| Name | Prize |\n|---|---|\n| Jack Smith | Gold |', [['Jack Smith', 'full', 'identifying']]],
    ['See [Katie Lomax’s poem](poems/k.md).', [['Katie Lomax', 'full', 'identifying']]],
    ['![Amir at the finish line](img/race.jpg)', [['Amir', 'first', 'identifying']]],
    ['![The relay team](img/jack-smith-y6.jpg)', [['jack-smith', 'full', 'identifying']]],
    // A named thing only when its word follows the name as a name's part does.
    ['Jack Smith house points: 40.', [['Jack Smith', 'full', 'identifying']]],
    ['Well done Jack Smith. School starts at nine.', [['Jack Smith', 'full', 'identifying']]],
  ])('finds %j', (text, expected) => {
    expect(find(text)).toEqual(expected);
  });

  it.each([
    'Mrs Grace Hill leads the choir.',
    'Mr J. Smith is our new caretaker.',
    'Will you help at the fair? We may need you.',
    'Grace and faith matter to us all.',
    'The jack in the car boot was broken.',
    'Summer term starts on Monday.',
    'We read The Twits by Roald Dahl.',
    'A wonderful performance of Oliver! from Year 6.',
    'The Gruffalo came to visit Reception.',
    'Oak Class visited Hawking House and Darwin House.',
    'St Mary’s Church hosted our carol service.',
    'Meet at Victoria Road at nine.',
    'Kingsmead Academy and Brookfield Primary joined us.',
    'Email amir.parent@gmail.com with questions.',
    'We will see everyone on 14 May.',
    // Schools, houses, places and prizes named after someone who shares a pupil's name.
    'Points tonight went to Amir Hussain House.',
    'The Jack Smith Memorial Cup is back this year.',
    'Our friends from Grace Whitfield Academy visited.',
  ])('leaves %j alone', (text) => {
    expect(find(text, plain, ['Grace Hill'])).toEqual([]);
  });

  it('does not name people who may be named', () => {
    expect(find('Thanks to Grace Whitfield and Jack Smith.', plain, ['Jack Smith'])).toEqual([['Grace Whitfield', 'full', 'identifying']]);
  });
});

describe('pupil names without a roster', () => {
  it.each([
    ['Well done to Noah Whitfield for his poem.', [['Noah Whitfield', 'full', 'identifying']]],
    ['This week’s star writer is Maryam B.', [['Maryam B.', 'first-initial', 'identifying']]],
    ['Freddie has already lost one welly.', [['Freddie', 'first', 'plain']]],
    ['me and maddie at the park', [['maddie', 'first', 'plain']]],
    ['Isla and Joe came to the party.', [['Isla', 'first', 'plain'], ['Joe', 'first', 'plain']]],
  ])('finds %j', (text, expected) => {
    expect(find(text, null)).toEqual(expected);
  });

  it.each([
    'Mrs Kaur and Mr Oduya ran the trip.',
    'We loved reading Harry Potter this term.',
    'Florence Nightingale was a nurse.',
    'Harvest festival is on Friday.',
    'Our choir sang at the town hall.',
    'Finally, thank you to all our volunteers.',
  ])('leaves %j alone', (text) => {
    expect(find(text, null)).toEqual([]);
  });
});

describe('a hashed roster', () => {
  const file = RosterIndex.hash(ROSTER);
  const hashed = RosterIndex.fromHashed(file);
  const digestOf = (value: string) =>
    scryptSync(value, Buffer.from(file.salt, 'hex'), file.keyLength, { ...file.cost, maxmem: 64 * 1024 * 1024 }).toString('base64url');

  it('finds the full names the plain roster finds, in any case', () => {
    for (const text of ['Well done Jack Smith.', 'harriet jones read her letter aloud.', 'Well done to Amelia-Rose O’Connor this week.', 'Zoe Clarke won.', 'Sasha Brown won the spelling bee.']) {
      expect(find(text, hashed)).toEqual(find(text, plain));
    }
  });

  it('does not find what only single names, initials or sounds would find', () => {
    expect(find('Star of the week: J. Smith for his maths.', hashed)).toEqual([]);
    // Only a name that the roster does not hold (a finding of its own rule, off unless turned on).
    const doc = parseMarkdown('Our sports captain, Jak Smith, scored twice.');
    const names = { roster: hashed, lexicon, allow: allowedNames([]) };
    const found = pupilNames.detect({ text: doc.prose.text, tokens: tokenize(doc.prose.text), segments: doc.segments, images: doc.images }, { names }, {});
    expect(found.map((m) => [doc.prose.text.slice(m.start, m.end), m.data?.source])).toEqual([['Jak Smith', 'not-on-roster']]);
    // Hussain is a given name too: the lexicon finds it, as it would without a roster; Lomax is not.
    expect(find('The certificates went to Lomax and Hussain in Year 5.', hashed)).toEqual([['Hussain', 'first', 'identifying']]);
  });

  it('holds one salted hash a full name, and none of a name alone, an initial or a sound', () => {
    const entries = new Set(file.entries);
    // Each pupil's "first last" (and a preferred first name's), and nothing more.
    expect(entries.size).toBe(ROSTER.reduce((n, p) => n + p.firsts.length, 0));
    expect(entries.has(digestOf('full-name:jack smith'))).toBe(true);
    const partial = ['jack', 'smith', 'jack s', 'j smith', 'ameliarose', 'oconnor', 'ameliarose o', 'a oconnor', 'JK SM0'];
    for (const value of partial) {
      for (const tagged of [value, `full-name:${value}`, ...['f', 'fw', 'l', 'lw', 'fi', 'il', 'fk', 'pk'].map((t) => `${t}:${value}`)]) {
        expect(entries.has(digestOf(tagged))).toBe(false);
      }
    }
  });

  it('says in the file how costly its hash is', () => {
    expect(file).toMatchObject({ format: 'safepost-roster-hash', version: 2, holds: 'full-names', algorithm: 'scrypt', cost: DEFAULT_HASH_COST });
    expect(file.cost.N * file.cost.r).toBeGreaterThanOrEqual(2048);
  });

  it('hashes each distinct pair it is asked about once, and single names never', () => {
    const index = RosterIndex.fromHashed(file);
    expect(index.pairKind('jack', 'smith')).toBe('exact');
    expect(index.pairKind('jack', 'smith')).toBe('exact');
    expect(index.hashesComputed).toBe(1);
    expect(index.pairKind('jack', 'smyth')).toBe(null);
    expect(index.isFirst('jack') || index.isLast('smith') || index.isFirstAndInitial('jack', 's') || index.firstVariant('jak')).toBe(false);
    expect(index.hashesComputed).toBe(2);
    const text = 'Well done Jack Smith and Zoe Clarke. Harriet Jones and Jack Smith read. ';
    const once = RosterIndex.fromHashed(file);
    find(text, once);
    const many = RosterIndex.fromHashed(file);
    find(text.repeat(20), many);
    expect(many.hashesComputed).toBe(once.hashesComputed);
  });

  it('holds no name in plain text', () => {
    // The entries are hashes, all of one length; what is around them names nobody. (A random
    // hash may spell "jack" by chance, so the names are looked for outside the entries.)
    const { entries, ...rest } = file as unknown as { entries: string[] };
    expect(entries.every((e) => /^[A-Za-z0-9_-]{22}$/.test(e))).toBe(true);
    const text = JSON.stringify(rest);
    for (const part of ['amelia', 'connor', 'jack', 'smith', 'harriet', 'jones', 'sasha']) expect(text.toLowerCase()).not.toContain(part);
  });

  it('uses a new salt each time', () => {
    expect(RosterIndex.hash(ROSTER).salt).not.toBe(RosterIndex.hash(ROSTER).salt);
  });
});
