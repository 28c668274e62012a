import { familyCases } from '../helpers/family.js';

// Where children are as it happens, and where they live: sentences written apart from the rules' own examples, and the traps.
familyCases(
  'location',
  [
    ['official', 'Live from the farm: [[we are feeding the lambs at Manor Farm]] this afternoon!', 'live-whereabouts'],
    ['parent', 'Kids all fine, [[we are at the Sea Life Centre]] until 2pm then lunch.', 'live-whereabouts'],
    ['official', '[[Greetings from Kingswood Centre]], where Year 6 are settling in.', 'greetings-from-a-place'],
    ['official', '[[The coach will return to school at 5.45pm]] on Friday.', 'pickup-times'],
    ['parent', 'Our Mia [[lives on Oak Tree Close]] if anyone wants a playdate.', 'home-street'],
  ],
  [
    ['official', 'Year 5 are learning about the Victorians this term.'],
    ['official', 'Last week we visited the Sea Life Centre and had a wonderful time.'],
    ['official', 'Yesterday we went to the zoo: photos below!'],
    ['official', 'We are in week 3 of our reading challenge.'],
    ['parent', 'Elm Grove is closed for roadworks until Friday.'],
  ],
);
