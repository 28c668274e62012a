import type { Detector } from './detector.js';

const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred';
const PEOPLE = 'pupils?|children|child|students?|kids|learners|boys|girls';

/**
 * Figures that can state how a school or its pupils performed: percentages ("84%",
 * "91 per cent"), proportions ("27 out of 30", "nine in ten") and counts of pupils
 * ("twelve children", "3 kids"). Which of them are results is decided by the rule
 * that uses this detector, with `near` and `unless`.
 */
const FIGURE = new RegExp(
  [
    String.raw`\b\d{1,3}(?:\.\d+)?\s?(?:%|per\s?cent\b|percent\b)`,
    String.raw`\b\d{1,4}\s+out\s+of\s+\d{1,4}\b`,
    String.raw`\b(?:\d{1,3}|${NUMBER_WORDS})\s+(?:in|out\s+of)\s+(?:\d{1,3}|${NUMBER_WORDS})\b`,
    String.raw`\b(?:\d{1,4}|${NUMBER_WORDS})(?:\s+(?:more|of\s+(?:our|the|my))?)?\s+(?:${PEOPLE})\b`,
  ].join('|'),
  'giu',
);

export const figures: Detector = ({ text }) => {
  const found = [];
  for (const m of text.matchAll(FIGURE)) found.push({ start: m.index, end: m.index + m[0].length });
  return found;
};
