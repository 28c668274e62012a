import { familyCases } from '../helpers/family.js';

// Health, needs, family circumstances, faith and safeguarding, tied to a child: sentences written apart from the rules' own examples, and the traps.
familyCases(
  'special-category',
  [
    ['official', 'We send our love to Harvey Quinn, who is [[in hospital]] this week.', 'health-condition'],
    ['parent', 'My daughter has just been [[diagnosed with dyslexia]] and I am relieved.', 'health-condition'],
    ['staff-personal', 'Proud of Ayesha, who got her [[EHCP]] this week after a long fight.', 'special-educational-needs'],
    ['parent', 'Since the [[divorce]] my son has struggled, so thank you Miss Khan.', 'family-circumstances'],
    ['official', 'Please keep Zara in your thoughts: her grandad [[passed away]] on Sunday.', 'family-circumstances'],
  ],
  [
    ['official', 'Autism Awareness Week starts on Monday with a special assembly.'],
    ['official', 'Our SEN provision and SEN information report are on the website.'],
    ['official', 'Free school meals are available for every child in Reception: apply online.'],
    ['official', 'The trust has a new policy on supporting pupils with epilepsy and diabetes.'],
  ],
);
