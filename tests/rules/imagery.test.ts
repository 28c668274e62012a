import { familyCases } from '../helpers/family.js';

// Photos: consent, names beside them, uniform and logos on personal accounts. Sentences written
// apart from the rules' own examples, and the traps.
familyCases(
  'imagery',
  [
    ['official', 'Look at this! [[![The Year 3 choir on stage](img/choir.jpg)]]', 'image-without-consent'],
    ['official', '---\nconsent: true\n---\n[[![Priya Sharma collects her medal](img/medal.jpg)]]', 'image-with-pupil-name'],
    ['staff-personal', 'Proud of my lot today [[![My Year 4 class on the trip](img/trip.jpg)]]', 'staff-image-of-pupils'],
    ['staff-personal', 'New start! [[![Me with the school crest on my lanyard](img/me.jpg)]]', 'staff-image-with-school-branding'],
    ['parent', 'Party time [[<img src="party.jpg" alt="The children at the party">]]', 'parent-image-of-children'],
    ['pupil', 'first day lol [[![me in my school uniform](me.jpg)]]', 'pupil-image-in-uniform'],
  ],
  [
    ['official', 'Our new library is open. ![The new library shelves](img/library.jpg)'],
    ['official', '---\nconsent: true\n---\n![Year 6 leavers on the field](img/leavers.jpg)'],
    ['official', 'Find us on the map: ![The school logo](img/logo.png)'],
    ['staff-personal', 'A lovely walk this weekend ![The hills above Edale](img/hills.jpg)'],
    ['parent', 'Our new kitchen is finally done! ![The kitchen](kitchen.jpg)'],
  ],
);
