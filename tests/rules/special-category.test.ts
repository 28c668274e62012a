import { describe, expect, it } from 'vitest';
import { familyCases, familyFindings } from '../helpers/family.js';

// Health, needs, family circumstances, faith, status, crime and identity, tied to a child or a
// family a reader can tell: sentences written apart from the rules' own examples, and the traps.
familyCases(
  'special-category',
  [
    ['official', 'We send our love to [[Harvey Quinn, who is in hospital]] this week.', 'health-detail'],
    ['official', '[[Diagnosed with epilepsy]] last year, Jack now leads the school council.', 'health-condition'],
    ['parent', '[[My daughter has just been diagnosed with dyslexia]] and I am relieved.', 'health-detail'],
    ['staff-personal', 'Proud of Ayesha, who got [[her EHCP]] this week after a long fight.', 'needs-detail'],
    ['staff-personal', 'So proud: an [[EHCP]] at last for Ayesha after a long fight.', 'special-educational-needs'],
    ['parent', 'Since the [[divorce]] my son has struggled, so thank you Miss Khan.', 'family-circumstances'],
    ['official', 'Please keep Zara in your thoughts: [[her grandad passed away]] on Sunday.', 'bereavement'],
    // Conditions WordNet names, in the ways a post says them.
    ['official', 'Amelia joined Year 2 in May and [[she has spina bifida]], so please be patient with her.', 'health-detail'],
    ['parent', 'so [[my son has Crohn\'s disease]] and needs the loo pass', 'health-detail'],
    ['official', 'Ruby scored the winning goal despite [[her asthma]].', 'health-detail'],
    ['official', 'Thanks to everyone who asked after Dev: [[his chemotherapy]] ends in June.', 'health-detail'],
    ['pupil', 'cant come tmrw [[my mum has got pneumonia]]', 'health-detail'],
    // Aids and treatments that show a condition.
    ['official', 'Oscar steered [[his wheelchair]] round the whole obstacle course!', 'health-detail'],
    ['official', 'Leo read his lines with [[his hearing aids]] in for the first time.', 'health-detail'],
    // A hard-wrapped line is one sentence.
    // The passage runs on to the next line; the helper shows its first line.
    ['official', 'A big well done to Freya, who sang in the choir for the first time since [[her]]\nepilepsy was diagnosed.', 'health-detail'],
    ['official', 'Lily used [[her exam access arrangements]] with real confidence.', 'needs-detail'],
    ['parent', 'Finally! [[His EHC plan]] came through today.', 'needs-detail'],
    ['official', 'Jasdeep came to school in [[his new turban]] and told us all about it.', 'faith-detail'],
    ['parent', 'no sweets for the party please, [[we\'re Muslim]] and it\'s Ramadan', 'our-faith'],
    ['official', 'Since Ethan and [[his sister were fostered]] last spring they have flourished.', 'family-detail'],
    ['pupil', 'not in today [[looking after my little sister]] again', 'young-carer'],
    ['parent', 'thinking of Mia, [[her dad died]] on Friday x', 'bereavement'],
    ['official', 'after the [[loss of her grandma]] in March', 'death-in-a-family'],
    ['official', 'Three of our new [[families fled the fighting in Sudan and are seeking asylum]].', 'immigration-status'],
    ['parent', 'apparently [[his brother got arrested]] on Saturday', 'criminal-matter'],
    ['pupil', 'everyone knows [[jordan is gay]] now', 'sexuality-or-gender'],
  ],
  [
    ['official', 'Autism Awareness Week starts on Monday with a special assembly.'],
    ['official', 'Our SEN provision and SEN information report are on the website.'],
    ['official', 'Free school meals are available for every child in Reception: apply online.'],
    ['official', 'The trust has a new policy on supporting pupils with epilepsy and diabetes.'],
    // School-wide statements and instructions.
    ['official', 'If your child has asthma, please send their inhaler in a named bag.'],
    ['official', 'Children who need medication in school must have a care plan.'],
    ['official', 'Year 4 are learning about the heart and how to keep it healthy.'],
    ['official', 'Our LGBT+ History Month assemblies start next week.'],
    ['official', 'We are a Church of England school and welcome families of every faith.'],
    ['official', 'Refugee Week: Year 5 wrote poems about a refugee boy in their class novel.'],
    // Staff profiles, charities and fundraising.
    ['official', 'Mrs Patel joins us from a special school; she has specialised in autism for twenty years.'],
    ['official', 'He is running the marathon to raise money for Cancer Research UK.'],
    ['official', 'She volunteers at the hospice shop on Saturdays.'],
    // Ordinary and passing senses.
    ['parent', 'he has a cold so he will miss swimming'],
    ['official', 'Her infectious laugh lit up the hall.'],
    ['parent', 'that match nearly gave me a heart attack!!'],
    ['official', 'Mr Foster and Mrs Christian led the carol service.'],
    // A condition as part of a name is an organisation or a place.
    ['official', 'Her brother is raising money for the Beatson Cancer Hospital and you can sponsor him at the fair.'],
    ['official', 'We split up into teams for the treasure hunt.'],
    ['official', 'Year 6 looked after the Reception children at lunchtime.'],
    ['official', 'She was looking after her daughter at the time.'],
    ['official', 'The team arrived back from Australia on Monday.'],
    ['official', 'He ran so fast in the relay!'],
    ['official', 'Please send in a cardboard box for the model.'],
    ['parent', 'we came out of the cinema at six'],
  ],
);

describe('a quoted passage', () => {
  const flagged = familyFindings('special-category');
  it("shows a pupil's name only by its initials", () => {
    const text = 'We are thinking of Harvey Quinn, who has leukaemia.';
    expect(flagged(text, 'official').map((f) => f.rule)).toEqual(['health-detail']);
  });
});
