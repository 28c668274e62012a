import { familyCases } from '../helpers/family.js';

// Where children are, will be, are staying or live: sentences written apart from the rules' own
// examples, one or more for each kind of passage, and the traps that must stay quiet.
familyCases(
  'location',
  [
    // A group, a form of be, a place: a live update in any register.
    ['official', 'Day 3 update: [[we are kayaking on Coniston Water this morning]].', 'live-whereabouts'],
    ['official', "[[They'll be back at the Ambleside youth hostel]] for dinner.", 'live-whereabouts'],
    ['official', "[[We're all back at Thornbury Lodge]] now and the kettle is on.", 'live-whereabouts'],
    ['official', '[[Group 2 are having lunch by the river at Hathersage]].', 'live-whereabouts'],
    ['parent', 'Party update: [[we\'re at 12 Larkspur Avenue from 2]]!', 'place-at-a-time'],
    // A time and a place, in either order, in a sentence, a list or a table row.
    ['official', 'From [[2pm the children will be at the Discovery Museum]].', 'time-then-place'],
    ['official', 'Lunch [[at the picnic area by Derwentwater at 12.30]].', 'place-at-a-time'],
    ['official', 'Route 4 [[stops outside the Spar on Kimberley Road at 7.55]].', 'place-at-a-time'],
    ['staff-personal', 'Text us for a lift: [[Fosse Park Library, 8.30am]]', 'place-then-time'],
    ['official', '| Time | Where |\n|---|---|\n| [[9.15 | Tintagel Castle]] |', 'timetable-row'],
    ['parent', '[[we\'re at Twycross Zoo till 3]] if anyone wants to meet up', 'place-at-a-time'],
    ['pupil', '[[at maccies on the high st rn]]', 'place-at-a-time'],
    ['pupil', '[[meet at the skatepark at 4 tmrw]]', 'place-at-a-time'],
    ['official', '[[Pick-up is 4pm at the Carsington Water visitor centre]].', 'stop-or-meeting-point'],
    // Staying, arriving, going, meeting.
    ['official', '[[Checked in at the Hotel Rosa]] and everyone is unpacking.', 'staying-or-arriving'],
    ['official', '[[Our hostel, the Brecon Lodge]], has bunk beds.', 'our-accommodation'],
    ['official', 'The [[meeting point is Leicester bus station]] at 6am.', 'meeting-point'],
    ['official', 'Through the tunnel and [[heading for Calais]] now!', 'on-the-way'],
    // Where a child lives, and a live location shared.
    ['parent', 'She [[lives on Meadow Close]] so she can walk.', 'where-a-child-lives'],
    ['parent', 'Sharing [[my live location]] so you can find us', 'live-location-sharing'],
  ],
  [
    // Past events, general information, plans without a place or a time.
    ['official', 'Last week we visited Twycross Zoo and had a wonderful time.'],
    ['official', 'Yesterday at 2pm we arrived at the museum.'],
    ['official', 'The children had a brilliant time at Conkers last Friday.'],
    ['official', 'At 8am on Saturday in pouring rain the team competed at Hinckley.'],
    ['official', 'The museum opens at 10 and closes at 5.'],
    ['official', 'Our Year 6 residential will be in June.'],
    // The school's own site, adults' events and public performances.
    ['official', "Parents' evening is on Tuesday at 4pm in the school hall."],
    ['official', 'Drop-off is at the main gate from 8.40.'],
    ['official', 'Sports day is on the school field at 1.30pm.'],
    ['official', "The Year 6 leavers' disco is at 6pm in the hall."],
    ['official', "Harvest festival service at St Peter's Church, 2pm."],
    ['official', 'Brookfield Academy students will be at Brookfield tonight for the awards.'],
    // Words that only look like places or times.
    ['official', 'We are a school in the heart of Leicester.'],
    ['official', 'We are learning about the Tudors in Year 5.'],
    ['official', 'We have been learning about rivers in Geography this term.'],
    ['official', 'Every morning the children line up in the playground.'],
    ['official', 'The new website goes live on Monday.'],
    ['official', 'Our carol concert includes "O Holy Night" in BSL.'],
    ['parent', '[14:05] Dawn: has anyone seen the letter\n[14:06] Kim: in the book bag'],
    ['parent', 'Has anyone turned off location sharing on their child\'s phone?'],
    ['official', 'Since leaving us she has been living in Edmonton, Canada.'],
  ],
);
