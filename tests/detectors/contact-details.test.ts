import { describe, expect, it } from 'vitest';
import { contactDetails } from '../../src/detectors/contact-details/index.js';
import { parseText } from '../../src/documents/text.js';
import { checkDocument } from '../../src/engine/check-document.js';
import { compileRules } from '../../src/engine/compile.js';
import { tokenize } from '../../src/text/tokens.js';
import { loadRules } from '../../src/rules/load.js';
import type { Channel } from '../../src/rules/schema.js';
import { EXAMPLE_ORGANISATION } from '../helpers/organisation.js';

const detect = (text: string) =>
  contactDetails.detect({ text, tokens: tokenize(text), segments: [], images: [] }, { official: EXAMPLE_ORGANISATION }, {}).map((m) => ({
    text: text.slice(m.start, m.end),
    kind: m.data?.kind,
  }));

// [sentence with the detail in [[ ]], kind]
const positives: Array<[string, string]> = [
  ['Ring Jo on [[07812 660 491]] tonight.', 'phone'],
  ['Mobile: [[07812660491]]', 'phone'],
  ['Call [[07812-660-491]] after six.', 'phone'],
  ['Call [[07812.660.491]] after six.', 'phone'],
  ['Call [[(07812) 660491]] after six.', 'phone'],
  ['Call [[+44 7812 660491]] after six.', 'phone'],
  ['WhatsApp [[+447812660491]] for details.', 'phone'],
  ['Call [[+44 (0)7812 660 491]] after six.', 'phone'],
  ['Call [[0044 7812 660491]] from abroad.', 'phone'],
  ['Text [[07700 900123]] to join.', 'phone'],
  ['Text [[+44 7700 900 123]] to join.', 'phone'],
  ['Evenings: [[0116 274 9183]]', 'phone'],
  ['Evenings: [[(0116) 274 9183]]', 'phone'],
  ['Evenings: [[0116-274-9183]]', 'phone'],
  ['Evenings: [[01162749183]]', 'phone'],
  ['Leeds office [[0113 496 0123]] is open.', 'phone'],
  ['In London call [[020 7946 0018]] instead.', 'phone'],
  ['Belfast: [[028 9649 6001]].', 'phone'],
  ['Or try [[01632 960 123]] today.', 'phone'],
  ['Cardiff [[029 2018 0123]] for tickets.', 'phone'],
  ['Her French number is [[+33 1 23 45 67 89]] now.', 'phone'],
  ['In New York: [[+1 212 555 0123]].', 'phone'],
  ['Bedford grandparents on [[01234 567890]].', 'phone'],
  ['Email [[jane.smith@gmail.com]] to book.', 'email'],
  ['Email [[j_smith99@hotmail.co.uk]] to book.', 'email'],
  ['Contact [[debbie.w.pta@yahoo.co.uk]] please.', 'email'],
  ['Write to [[Tom+school@outlook.com]] today.', 'email'],
  ['Kit: [[lorraine_kits@btinternet.com]] (evenings)', 'email'],
  ['Email me, [[jane dot smith at gmail dot com]], anytime.', 'email'],
  ['Send it to [[jane[at]gmail.com]] please.', 'email'],
  ['Send it to [[jane (at) gmail (dot) com]] please.', 'email'],
  ['Send it to [[jane[at]gmail[dot]com]] please.', 'email'],
  ['Or [[j.smith at yahoo dot co dot uk]] works too.', 'email'],
  ['The office is [[office@brookfield-academy.org.uk]] now.', 'school-email'],
  ['Write to [[head@kingsmead.merciantrust.org.uk]] directly.', 'school-email'],
  ['Drop off near [[LE7 7AP]] please.', 'postcode'],
  ['Drop off near [[le77ap]] please.', 'postcode'],
  ['The palace is at [[SW1A 1AA]].', 'postcode'],
  ['Manchester [[M1 1AE]] is the venue.', 'postcode'],
  ['Birmingham, [[B33 8TH]].', 'postcode'],
  ['The City, [[EC1A 1BB]].', 'postcode'],
  ['Donations to [[4 Hollybush Lane]], Anstey.', 'address'],
  ['Returns to [[11a Station Road]], Syston.', 'address'],
  ['Post it to [[Flat 2, 14 Elm Grove]], Leicester.', 'address'],
  ['The party is at [[27 Victoria Crescent]] on Sunday.', 'address'],
  ['Collect from [[3 The Mews]] after school.', 'address'],
  ['She lives at [[102 Long Meadow Drive]] now.', 'address'],
  ['Bring it to [[5 Church St]] tomorrow.', 'address'],
  ['Follow [[@jade_h07]] for updates.', 'handle'],
  ['follow my new account [[@lilsparkle_2014]]', 'handle'],
  ['snap: [[jadeh]] xx', 'handle'],
  ['my insta is [[jade.h07]] lol', 'handle'],
  ['add me on TikTok [[jadeh07]] !!', 'handle'],
  ['See [[facebook.com/jade.hollis]] for photos.', 'profile'],
  ['See [[https://www.instagram.com/jadeh07/]] for photos.', 'profile'],
  ['See [[tiktok.com/@jadeh07]] for videos.', 'profile'],
  ['See [[x.com/jadeh07]] for news.', 'profile'],
  ['See [[twitter.com/jadeh07]] for news.', 'profile'],
  ['Add [[snapchat.com/add/jadeh07]] now.', 'profile'],
  ['My CV: [[linkedin.com/in/jade-hollis]].', 'profile'],
  ['Join us: [[https://chat.whatsapp.com/AbC123xyz]] tonight.', 'invite'],
  ['Message [[wa.me/447812660491]] to book.', 'invite'],
  ['Class chat: [[t.me/owlsclass]] for parents.', 'invite'],
  ['Gamers: [[discord.gg/abc123]] after school.', 'invite'],
  ['Gamers: [[discord.com/invite/abc123]] after school.', 'invite'],
];

const negatives: string[] = [
  'The fair is on 12/06/2025.',
  'Term runs 2024-2025 as usual.',
  'Records from 1998–2004 are archived.',
  'Sessions run 10:30-11:45 on Mondays.',
  'Sessions run 10.30 - 11.45 on Mondays.',
  'Tickets cost £1,250.00 for the trip.',
  'Cakes are £3.50 each.',
  'Attendance was 45% higher.',
  'We scored 99.5% in the audit.',
  'Our URN is 123456.',
  'Our DfE number is 856/4001.',
  'Registered charity number 1123456.',
  'Company number 08123456.',
  'Your order 445566778 has shipped.',
  'Meet in room 101.',
  'Reference 0123456789 on the form.',
  'Freephone 0800 123 4567 for advice.',
  'Childline on 0800 1111 any time.',
  'Call the council on 0300 123 4567.',
  'Our office number is 0116 496 0000.',
  'Our office number is +44 116 496 0000.',
  'In an emergency call 999.',
  'For advice call NHS 111.',
  'ISBN 978-0-14-103614-4 is on the back.',
  'The year 2025 was a good one.',
  'We raised 1,000,000 pennies!',
  'Read pages 12-14 tonight.',
  'Year 6 2024/25 leavers.',
  'We meet at the gate at nine.',
  'We arrive at 9am at the zoo.',
  'Look at the dot on the map.',
  'Email the office at office@brookfield-academy.org.uk.',
  'In 2024 Station Road was closed for repairs.',
  'Year 4 have 30 more days until the trip.',
  'Oak Class visited Hawking House.',
  'Meet in Room 12, Main Building.',
  'Take the M1 to junction 22.',
  'The A1 was busy.',
  'Our website brookfield-academy.org.uk/news has the details.',
  'Follow @BrookfieldAcad for school news.',
  'Like facebook.com/BrookfieldAcad for photos.',
  'my insta is private sorry',
  'add me on TikTok tonight',
  'We snapped a photo at the park.',
  'Follow the signs to the hall.',
  'See you @ 10am!',
  'x.com is blocked on school devices.',
  'Key Stage 2 has 4 weeks left.',
  '3 classes went to the museum.',
  'Our school is 1 School Lane, Anstey, LE7 7AB.',
  'The school is at LE7 7AB.',
  'Meet at 1 School Lane.',
  'Thanks to the 24 families who came.',
  'Lunch is at 12.15 and ends at 13.00.',
  'Swimming on 14.10.2025 and 21.10.2025.',
  'Score: 3-1 to the home side.',
  'Tel. ext. 2045 for the office.',
  'Learn your 7 times table.',
  'Bus 12 leaves at 3.15pm.',
  'Use code SUMMER25 at checkout.',
];

describe('contact-details detector', () => {
  it('has 60 or more positive and negative forms', () => {
    expect(positives.length).toBeGreaterThanOrEqual(60);
    expect(negatives.length).toBeGreaterThanOrEqual(60);
  });

  it.each(positives)('finds exactly [[…]] in %j as %s', (marked, kind) => {
    const text = marked.replace('[[', '').replace(']]', '');
    const span = marked.slice(marked.indexOf('[[') + 2, marked.indexOf(']]'));
    expect(detect(text)).toEqual([{ text: span, kind }]);
  });

  it.each(negatives)('finds nothing personal in %j', (text) => {
    expect(detect(text).filter((d) => d.kind !== 'school-email')).toEqual([]);
  });

  it('tells the writer\'s own details from someone else\'s', () => {
    const mine = 'Call me on 07812 660 491.';
    const own = contactDetails.detect({ text: mine, tokens: tokenize(mine), segments: [], images: [] }, { official: EXAMPLE_ORGANISATION }, {});
    expect(own[0].data?.owner).toBe('author');
    const text = 'Call Sam on 07812 660 491.';
    expect(contactDetails.detect({ text, tokens: tokenize(text), segments: [], images: [] }, { official: EXAMPLE_ORGANISATION }, {})[0].data?.owner).toBe('others');
  });
});

describe('contact-details rules by channel', () => {
  const compiled = compileRules(loadRules().filter((r) => r.category === 'contact-details'));
  const run = (text: string, channel: Channel) =>
    checkDocument(parseText(text), compiled, { channel }, { official: EXAMPLE_ORGANISATION }).map((f) => [f.ruleId, f.severity, f.clause.id, f.message]);

  it('reports a third party\'s number on every channel, masked', () => {
    const text = 'Ring Sam on 07812 660 491.';
    expect(run(text, 'official')).toEqual([['personal-phone-number', 'error', '1.8(b)', 'Personal mobile number *** 491']]);
    expect(run(text, 'parent')).toEqual([['personal-phone-number', 'error', '1.8(b)', 'Personal mobile number *** 491']]);
    expect(run(text, 'pupil')).toEqual([['personal-phone-number', 'error', '1.8(b)', 'Personal mobile number *** 491']]);
    expect(run(text, 'staff-personal')).toEqual([['others-contact-details', 'error', '7.3(h)', "Someone's mobile number *** 491 on a personal account"]]);
  });

  it('warns about a member of staff\'s own details with 7.9\'s advice', () => {
    expect(run('Text me on 07812 660 491.', 'staff-personal')).toEqual([['own-contact-details', 'warning', '7.9', 'Your own mobile number *** 491']]);
  });

  it('reports a school address used on a personal account, and allows it elsewhere', () => {
    const text = 'Message me at j.doe@brookfield-academy.org.uk.';
    expect(run(text, 'staff-personal')).toEqual([
      ['school-email-on-personal-account', 'error', '7.3(j)', 'School email address j…@… used on a personal account'],
    ]);
    expect(run(text, 'official')).toEqual([]);
  });

  it('never repeats a detail in full in a message', () => {
    const text = 'Email jane.smith@gmail.com, call 07812 660 491, visit 4 Hollybush Lane, LE7 7AP, or @jade_h07.';
    const messages = run(text, 'official').map((f) => f[3]);
    expect(messages).toHaveLength(5);
    for (const detail of ['jane.smith@gmail.com', '07812 660 491', 'Hollybush', 'LE7 7AP', 'jade_h07']) {
      expect(messages.join(' ')).not.toContain(detail);
    }
  });

  it('shows no part of a birth date or a record number, and no more of a user name than its first letter', () => {
    const text = 'DOB 14/03/2016, UPN B801200005001, NHS no 943 476 5919, NI AB 12 34 56 C, snap: ruby.k_2013.';
    expect(run(text, 'official').map((f) => [f[0], f[3]])).toEqual([
      ['date-of-birth', 'Date of birth ***: a child can be traced by it'],
      ['unique-pupil-number', 'Unique Pupil Number ***: a pupil can be traced by it for life'],
      ['nhs-number', "NHS number ***: it identifies a person's health records"],
      ['national-insurance-number', 'National Insurance number ***: it can be misused for identity theft'],
      ['social-media-contact', 'Personal social media handle r…'],
    ]);
  });
});
