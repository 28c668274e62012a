import { familyCases } from '../helpers/family.js';

// Personal contact details, by who posts: sentences written apart from the rules' own examples,
// for an example school whose own details are allowed, and the traps.
familyCases(
  'contact-details',
  [
    ['parent', 'Any questions text me on [[07700 900 461]] after six.', 'personal-phone-number'],
    ['official', 'Contact the organiser at [[dave.r.parker@gmail.com]] to sign up.', 'personal-email-address'],
    ['official', 'Drop the forms to [[23 Linden Avenue]] by Friday.', 'home-address'],
    ['pupil', 'add me on snap [[@mollyxx_09]]', 'social-media-contact'],
    ['staff-personal', 'Pupils can reach Mr Dale on [[07700 900 982]] over the holiday.', 'others-contact-details'],
    ['staff-personal', 'Message me on [[07700 900 317]] if you need a lift.', 'own-contact-details'],
  ],
  [
    ['official', 'Call the school office on 0116 496 0000 or email office@brookfield-academy.org.uk.'],
    ['official', 'Tickets are £5.50 and the fair runs from 1.30 to 3.30 on 12/07/2025.'],
    ['official', 'Our registered charity number is 1098765.'],
    ['parent', 'Follow @BrookfieldAcad for updates on the fair.'],
  ],
);
