import type { EntityType } from './analysis.js';
import { TIME_NOUNS } from './words.js';

// A superset of what the entity finder and the model call a time: clock times ("6.45", "2pm",
// "at 3"), a timetable's column, parts of the day and the day's named times. A text without any
// of these holds no time, so a rule that needs one can skip the tagger.
const TIME_HINT = new RegExp(
  String.raw`\d[.:]\d\d|\d\s?(?:am|pm|a\.m|p\.m|o'clock)|\b(?:at|from|till|until|til|by|about|around|before|after|for) \d|\||\b(?:half|quarter|ten|twenty) (?:past|to) |\bhalf (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b|morning|afternoon|evening|night|tonight|${[...TIME_NOUNS].join('|')}`,
);

/**
 * Whether a text (in lower case) may hold an entity of this type, by a look at its characters
 * only. True when nothing cheap can tell.
 */
export function mayHoldEntity(type: EntityType, lowerText: string): boolean {
  if (type === 'TIME') return TIME_HINT.test(lowerText);
  return true;
}
