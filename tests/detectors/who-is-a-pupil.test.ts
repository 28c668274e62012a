import { describe, expect, it } from 'vitest';
import { pupilNames } from '../../src/detectors/pupil-names.js';
import { parseMarkdown } from '../../src/documents/markdown.js';
import { tokenize } from '../../src/text/tokens.js';
import { allowedNames, loadNameLexicon, RosterIndex, type RosterPupil } from '../../src/roster/index.js';
import { nameWords } from '../../src/text/name-form.js';
import type { Channel } from '../../src/types/channels.js';

const pupil = (first: string, last: string): RosterPupil => ({ firsts: [nameWords(first)], last: nameWords(last) });
const roster = RosterIndex.fromPupils([
  pupil('Jack', 'Smith'),
  pupil('Dawn', 'Ellis'),
  pupil('Isla', 'Moore'),
  pupil('Hui Min', 'Lau'),
  pupil('Chloe', 'Mason'),
  pupil('Niamh', "O'Connell"),
  pupil('Zainab', 'Ali'),
  pupil('Hannah', 'Reid'),
]);
const lexicon = loadNameLexicon();

/** Each name found: its words as written, and whether the roster holds it (`roster`, `not-on-roster`) or the lexicon found it. */
function find(markdown: string, options: { roster?: RosterIndex | null; channel?: Channel } = {}) {
  const doc = parseMarkdown(markdown);
  const text = doc.prose.text;
  const names = { roster: options.roster === undefined ? roster : options.roster, lexicon, allow: allowedNames([]) };
  return pupilNames.detect({ text, tokens: tokenize(text), segments: doc.segments, images: doc.images, channel: options.channel }, { names }, {}).map((m) => {
    const { start, end } = doc.prose.toSource(m.start, m.end);
    return [markdown.slice(start, end), m.data?.source];
  });
}

describe('with a roster, a name is a pupil when the roster says so', () => {
  it.each([
    ['Well done Jack for his story.', [['Jack', 'roster']]],
    ['Jack Smith won the race.', [['Jack Smith', 'roster']]],
    // Another Jack: the roster's first name with a surname it does not hold is not its pupil.
    ['Jack Kowalski from the fire service visited.', [['Jack Kowalski', 'not-on-roster']]],
    ['Hui Min Lau has won a scholarship.', [['Hui Min Lau', 'roster']]],
    ["Chloe M's story made us laugh.", [['Chloe M', 'roster']]],
    // The school council's chair is a pupil the roster holds, whatever the role.
    ["Chair: Niamh O'Connell", [["Niamh O'Connell", 'roster']]],
    // A paragraph wrapped inside a name; a list a name a line is not one name.
    ['We were so proud of everyone who took part, especially Jack\nSmith, who ran twice.', [['Jack\nSmith', 'roster']]],
    ['Team:\nHannah\nIsla', [['Hannah', 'roster'], ['Isla', 'roster']]],
  ])('%j', (text, expected) => {
    expect(find(text)).toEqual(expected);
  });

  it('a first name alone refers to the person named in full elsewhere in the draft', () => {
    expect(find('Dawn Whitlock from the council opened the fair. Dawn cut the ribbon.')).toEqual([['Dawn Whitlock', 'not-on-roster']]);
    // ... unless the roster's own pupil of that name is named in full too.
    expect(find('Dawn Whitlock opened the fair with Dawn Ellis. Then Dawn cut the ribbon.')).toEqual([
      ['Dawn Whitlock', 'not-on-roster'],
      ['Dawn Ellis', 'roster'],
      ['Dawn', 'roster'],
    ]);
  });
});

describe('adults are not pupils', () => {
  it.each([
    ['Dawn Whitlock, our nursery manager, says hello. Dawn has worked here for years.', []],
    ['Mrs Dawn Whitlock says hello. Dawn has worked here for years.', []],
    ['Thanks to our PE teacher Mitch Johnson.', []],
    ['Questions to Kerry (class rep) please.', []],
    ['Headteacher: Dawn Whitlock', []],
    ['Sergeant Ellie Marsh came to talk about her work.', []],
    ['mrs bradley gave me a detention', []],
    ['Thanks to our volunteers Kerry, Jodie and Sam.', []],
    ['Kerry and Jodie (class reps) ran the stall.', []],
    ["Isla's mum Kerry baked the cakes.", [['Isla', 'lexicon']]],
    ["Kerry, Isla's mum, baked the cakes.", [['Isla', 'lexicon']]],
    ['Isla, whose mum is a nurse, spoke to the class.', [['Isla', 'lexicon']]],
    ['Congratulations to head girl Isla.', [['Isla', 'lexicon']]],
    ['Our school councillor Isla spoke first.', [['Isla', 'lexicon']]],
    ['School principal Melissa Tate said it was a first.', []],
    ['Society chair Maya (Year 12) spoke first.', [['Maya', 'lexicon']]],
    ['Present: Jo Bell (Chair), Sam Patel, Kerry Wood\nApologies: Dawn Whitlock\n\nIsla read a poem.', [['Isla', 'lexicon']]],
    ['We had a lovely term.\n\nBest wishes,\nDawn Whitlock\nHeadteacher', []],
    // A heading "Thank you" over a paragraph is not a letter's sign-off.
    ['## Thank you\n\nThank you to Ellie Brannigan, who organised everything from the theme to the photo booth.', [['Ellie Brannigan', 'lexicon']]],
  ])('%j', (text, expected) => {
    expect(find(text, { roster: null })).toEqual(expected);
  });

  it('names the front matter gives as the writer: a pupil on the school\'s site, the poster on a personal post', () => {
    const post = '---\nauthor: Saoirse Kelly\n---\n\nOur trip to the museum.';
    expect(find(post, { roster: null, channel: 'official' })).toEqual([['Saoirse Kelly', 'lexicon']]);
    expect(find(post, { roster: null, channel: 'staff-personal' })).toEqual([]);
  });

  it('a line of a chat written all in lower case names people in lower case', () => {
    expect(find('me n maya went to the park', { roster: null, channel: 'pupil' })).toEqual([['maya', 'lexicon']]);
    // An ordinary word stays a word, and so does a line with capitals.
    expect(find('me n rose went to the park', { roster: null, channel: 'pupil' })).toEqual([]);
    expect(find('We saw maya at the park.', { roster: null, channel: 'pupil' })).toEqual([]);
  });

  it("the school's own name, from its web address, is not a pupil's", () => {
    const doc = parseMarkdown('# Kestrel Fields Weekly\n\nKestrel Fields and Ambervale both had visits. Fields Weekly is out.');
    const text = doc.prose.text;
    const names = { roster: null, lexicon, allow: allowedNames([]), schools: ['kestrelfield'] };
    expect(pupilNames.detect({ text, tokens: tokenize(text), segments: doc.segments, images: doc.images }, { names }, {})).toEqual([]);
  });

  it("a chat's speakers are adults on a parent's post, pupils on a pupil's", () => {
    const chat = '[19:04] Hannah: Zainab will be there\n[19:31] Marta: see you all there';
    expect(find(chat, { channel: 'parent' })).toEqual([['Zainab', 'roster']]);
    expect(find(chat, { channel: 'pupil' })).toEqual([
      ['Hannah', 'roster'],
      ['Zainab', 'roster'],
      ['Marta', 'not-on-roster'],
    ]);
    // A member of staff's group where pupils speak to their teacher: the speakers are pupils.
    expect(find('[18:02] Mr Pereira: Welcome Hannah\n[18:05] Hannah: sir can u send the ppt', { channel: 'staff-personal' })).toEqual([
      ['Hannah', 'roster'],
      ['Hannah', 'roster'],
    ]);
  });
});

describe('things named after people are not pupils', () => {
  it.each([
    ['Congratulations to Willow House. Willow won the cup.', []],
    ["Class Oak's trip is on Thursday.", []],
    ['The cast: Oliver Twist, Nancy, Fagin and Bill Sikes.', []],
    ['Year 6 performed Oliver! to full houses. Oliver was sung beautifully.', []],
    ['Try *Owl Babies* by Martin Waddell and *Grace and Family* by Mary Hoffman.', []],
    ['We walked to Checkpoint Charlie in the afternoon.', []],
    ["I'll hand it in at Sandhu's Pharmacy.", []],
    ['Jo has read four Lee Child books.', [['Jo', 'lexicon']]],
    ['Congratulations to Castle Street Primary.', []],
    ['The Summer Reading Challenge is back.', []],
    ['business: bartek dot plays at gmail dot com', []],
    ['Joseph Okafor (left 2009) now teaches in Leeds.', []],
    ['In Year 4, Isla researched Lilian Bader and Jo built a model of a Spitfire.', [['Isla', 'lexicon'], ['Jo', 'lexicon']]],
    ['We learned about Alan Turing.', []],
    ['Olympic sprinter Dina Asher-Smith sent a video.', []],
    ['Private Albert Edward Cotton served in France.', []],
    ['- Mary: Ava-Rose\n- Shepherds: Teddy, Mustafa and Oscar', [['Ava-Rose', 'lexicon'], ['Teddy', 'lexicon'], ['Mustafa', 'lexicon'], ['Oscar', 'lexicon']]],
    ['Thank you to our sponsors, Harcourt & Sons.', []],
    ["Donations to Winston's Wish, please.", []],
    ['As we head towards Easter I want to thank you.', []],
    ["I've been a SENCo for eleven years.", []],
    ['Lunch by the river in Hope, then on to Castleton.', []],
    ['Our Year 8s are in Paris this week, then Berlin.', []],
    ['Tue 7: football at home. Thu 9: netball.', []],
    ['Everyone studies English and French.', []],
    ['Eid Mubarak to all our families!', []],
    ['A fundraiser on Victoria Ave next week.', []],
    ['Thanks to Claire Libeau (Social Studies teacher) and her team.', []],
    ['By Liz Wylie\n\nThe team won again.', []],
    ['Rowing coach Calvin Fergusson joined the squad.', []],
    ['Contact LC for details.', []],
    // Initials alone in a list about pupils; an author's initials before a surname are not.
    ['House captains: T. P. and L. K.', [['T. P.', 'lexicon'], ['L. K.', 'lexicon']]],
    ['Our captains read Wonder by R. J. Palacio.', []],
    ['See you at 10 a.m. on Monday.', []],
    // A name no list knows, before a year group.
    ['Well done to Tiwa (Year 3) and Ffion Rhys, Y10, for their art.', [['Tiwa', 'lexicon'], ['Ffion Rhys', 'lexicon']]],
    ['The Zorblax (Year 3) trip is on Monday.', []],
    // Not a work's title: a pupil's own poem.
    ['Listen to a poem by Isla.', [['Isla', 'lexicon']]],
  ])('%j', (text, expected) => {
    expect(find(text, { roster: null })).toEqual(expected);
  });
});
