import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/documents/markdown.js';
import { checkDocument } from '../../src/engine/check-document.js';
import { compileRules } from '../../src/engine/compile.js';
import { loadNameLexicon } from '../../src/roster/index.js';
import { loadRules } from '../../src/rules/load.js';
import type { Channel } from '../../src/rules/schema.js';
import { EXAMPLE_ORGANISATION } from '../helpers/organisation.js';

// Sentences written apart from the rules' own examples, for the special-category, location and
// conduct families: what each must flag ([[span]]) on the channel given, and the traps it must not.
const FAMILIES = new Set(['special-category', 'location', 'conduct']);
const compiled = compileRules(loadRules().filter((r) => FAMILIES.has(r.category)));
const names = { roster: null, lexicon: loadNameLexicon(), allow: new Set<string>() };
const flagged = (text: string, channel: Channel) =>
  checkDocument(parseMarkdown(text), compiled, { channel }, { official: EXAMPLE_ORGANISATION, names, photos: [] }).map((f) => ({
    rule: f.ruleId,
    text: text.slice(f.column - 1, f.endColumn - 1),
  }));

const positives: Array<[Channel, string, string]> = [
  ['official', 'We send our love to Harvey Quinn, who is [[in hospital]] this week.', 'health-condition'],
  ['parent', 'My daughter has just been [[diagnosed with dyslexia]] and I am relieved.', 'health-condition'],
  ['staff-personal', 'Proud of Ayesha, who got her [[EHCP]] this week after a long fight.', 'special-educational-needs'],
  ['parent', 'Since the [[divorce]] my son has struggled, so thank you Miss Khan.', 'family-circumstances'],
  ['official', 'Please keep Zara in your thoughts: her grandad [[passed away]] on Sunday.', 'family-circumstances'],
  ['official', 'Live from the farm: [[we are feeding the lambs at Manor Farm]] this afternoon!', 'live-whereabouts'],
  ['parent', 'Kids all fine, [[we are at the Sea Life Centre]] until 2pm then lunch.', 'live-whereabouts'],
  ['official', '[[Greetings from Kingswood Centre]], where Year 6 are settling in.', 'greetings-from-a-place'],
  ['official', '[[The coach will return to school at 5.45pm]] on Friday.', 'pickup-times'],
  ['parent', 'Our Mia [[lives on Oak Tree Close]] if anyone wants a playdate.', 'home-street'],
  ['parent', 'What a load of [[crap]] from the school again.', 'abusive-language'],
  ['parent', 'Honestly the [[teachers are useless]] this year.', 'disparaging-school-or-staff'],
  ['staff-personal', 'Last day with my class! [[Add me]] on Snapchat, kids, and keep in touch.', 'contact-with-pupils'],
  ['staff-personal', 'Our trust [[speaking for the trust]] ... no, this is my own view.', 'speaking-for-the-trust'],
  ['staff-personal', 'Sam worked with me for years as a TA and I [[highly recommend]] her for the role.', 'references-on-networks'],
];

const negatives: Array<[Channel, string]> = [
  ['official', 'Autism Awareness Week starts on Monday with a special assembly.'],
  ['official', 'Our SEN provision and SEN information report are on the website.'],
  ['official', 'Free school meals are available for every child in Reception: apply online.'],
  ['official', 'The trust has a new policy on supporting pupils with epilepsy and diabetes.'],
  ['official', 'Year 5 are learning about the Victorians this term.'],
  ['official', 'Last week we visited the Sea Life Centre and had a wonderful time.'],
  ['official', 'Yesterday we went to the zoo: photos below!'],
  ['official', 'We are in week 3 of our reading challenge.'],
  ['official', 'Scunthorpe United beat Penistone in the cup final.'],
  ['official', 'The class assessed their own work with a partner.'],
  ['parent', 'The teachers have been brilliant with my son this year.'],
  ['parent', 'The head welcomed us all to the summer fair.'],
  ['staff-personal', 'Follow the school on Instagram for photos of the fair.'],
  ['staff-personal', 'I highly recommend the new pizza place on Station Road.'],
  ['parent', 'Elm Grove is closed for roadworks until Friday.'],
];

describe('special-category, location and conduct', () => {
  it.each(positives)('%s: flags %j', (channel, marked, rule) => {
    const text = marked.replace('[[', '').replace(']]', '');
    const span = marked.slice(marked.indexOf('[[') + 2, marked.indexOf(']]'));
    expect(flagged(text, channel).filter((f) => f.rule === rule)).toEqual([{ rule, text: span }]);
  });

  it.each(negatives)('%s: leaves %j alone', (channel, text) => {
    expect(flagged(text, channel)).toEqual([]);
  });
});
