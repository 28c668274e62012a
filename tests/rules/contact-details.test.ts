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
    ['pupil', 'my snap is [[frankie.m_10]] add me', 'social-media-contact'],
    ['parent', 'text me, [[oh seven seven double oh nine double oh five five two]]', 'personal-phone-number'],
    ['parent', 'Nan says ring her on [[456 789]] if the bus is late.', 'personal-phone-number'],
    ['parent', 'Welcome Arlo! Date of birth [[9 January 2020]], 3.2kg of joy.', 'date-of-birth'],
    ['official', 'Transfer forms: pupil [[B801200005001]] leaves in July.', 'unique-pupil-number'],
    ['parent', 'For the trip form her NHS number is [[943 476 5919]].', 'nhs-number'],
    ['official', 'New starter paperwork: NI [[JK 12 34 56 D]].', 'national-insurance-number'],
    ['staff-personal', 'Happy 12th to Maya in my form, DOB [[14/03/2014]]!', 'others-contact-details'],
    ['staff-personal', 'Lost my wallet, with my NI number [[JK 12 34 56 D]] on a card in it.', 'own-contact-details'],
    ['staff-personal', 'Kian from 10B was born on [[2 November 2011]], happy birthday!', 'others-contact-details'],
  ],
  [
    ['official', 'Call the school office on 0116 496 0000 or email office@brookfield-academy.org.uk.'],
    ['official', 'Tickets are £5.50 and the fair runs from 1.30 to 3.30 on 12/07/2025.'],
    ['official', 'Our registered charity number is 1098765.'],
    ['parent', 'Follow @BrookfieldAcad for updates on the fair.'],
    ['parent', 'Follow the path past the pond and add your name to the list.'],
    ['official', 'Our Victorian day is on 14/03/2026; Queen Victoria was born on 24 May 1819.'],
    ['official', 'Order 612345 and ISBN 978-0-14-103614-4 are on the invoice, page 456.'],
    ['official', 'The library on Market Street (0116 274 9183) is open from 9am.'],
    ['official', 'Year 10 arrive at 7.45 and the coach leaves at 8.15.'],
  ],
);
