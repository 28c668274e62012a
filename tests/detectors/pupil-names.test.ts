import { describe, expect, it } from 'vitest';
import { pupilNames } from '../../src/detectors/pupil-names.js';
import { parseMarkdown } from '../../src/documents/markdown.js';
import { tokenize } from '../../src/text/tokens.js';
import { allowedNames, loadNameLexicon, RosterIndex, type RosterPupil } from '../../src/roster/index.js';
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
  const hashed = RosterIndex.fromHashed(RosterIndex.hash(ROSTER, false));

  it('finds the full names, initials and sounded-alike pairs the plain roster finds', () => {
    for (const text of ['Well done Jack Smith.', 'Well done Jack S. today.', 'Well done J. Smith today.', 'Well done Jak Smith.', 'Thanks Muhammad Khan.']) {
      expect(find(text, hashed)).toEqual(find(text, plain));
    }
  });

  it('holds no name in plain text', () => {
    const file = JSON.stringify(RosterIndex.hash(ROSTER, true));
    for (const part of ['amelia', 'connor', 'jack', 'smith', 'harriet', 'jones', 'sasha']) expect(file.toLowerCase()).not.toContain(part);
  });

  it('uses a new salt each time', () => {
    expect(RosterIndex.hash(ROSTER, false).salt).not.toBe(RosterIndex.hash(ROSTER, false).salt);
  });
});
