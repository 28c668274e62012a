import { familyCases } from '../helpers/family.js';

// Abuse, disparagement, contact with pupils and speaking for the trust: sentences written apart from the rules' own examples, and the traps.
familyCases(
  'conduct',
  [
    ['parent', 'What a load of [[crap]] from the school again.', 'abusive-language'],
    ['parent', 'Honestly the [[teachers are useless]] this year.', 'disparaging-school-or-staff'],
    ['staff-personal', 'Last day with my class! [[Add me on Snapchat]], kids, and keep in touch.', 'personal-channel-invitation'],
    ['staff-personal', 'Our trust [[speaking for the trust]] ... no, this is my own view.', 'speaking-for-the-trust'],
    ['staff-personal', 'Sam worked with me for years as a TA and I [[highly recommend her for the role]].', 'references-on-networks'],
  ],
  [
    ['official', 'Scunthorpe United beat Penistone in the cup final.'],
    ['official', 'The class assessed their own work with a partner.'],
    ['parent', 'The teachers have been brilliant with my son this year.'],
    ['parent', 'The head welcomed us all to the summer fair.'],
    ['staff-personal', 'Follow the school on Instagram for photos of the fair.'],
    ['staff-personal', 'I highly recommend the new pizza place on Station Road.'],
  ],
);
