import { RosterIndex } from '../../src/roster/index.js';
import { nameWords } from '../../src/text/name-form.js';
import { familyCases } from '../helpers/family.js';

// Pupils' names: full names, a first name beside a photo, a year group or an age, a first name
// alone; and adults with titles, authors and places named after people left alone. Sentences
// written apart from the rules' own examples, with a roster of two pupils.
const roster = RosterIndex.fromPupils([
  { firsts: [nameWords('Oluwaseun')], last: nameWords('Adebayo') },
  { firsts: [nameWords('Freya')], last: nameWords('Whitmore') },
]);

familyCases(
  'pupil-name',
  [
    ['official', 'Congratulations to [[Oluwaseun Adebayo]] on his swimming gala win.', 'pupil-full-name'],
    ['official', 'A big well done to [[freya whitmore]] for her poem.', 'pupil-full-name'],
    ['official', 'Star of the week is [[Freya W.]] for her kindness.', 'pupil-full-name'],
    ['official', '[[Freya]] in Year 2 read her story to the whole school.', 'pupil-first-name-identifying'],
    ['parent', 'Thank you to [[Freya]] for sharing her snack.', 'pupil-first-name'],
  ],
  [
    ['official', 'Mrs Freya Whitmore, our new Chair of Governors, introduces herself.'],
    ['official', 'We read The Twits by Roald Dahl this week.'],
    ['official', 'The coach leaves from Victoria Road at nine.'],
    ['official', 'Will you help at the summer fair?'],
  ],
  roster,
);
