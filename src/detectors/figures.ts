import { defineDetector } from './detector.js';

const NUMBER_WORDS = [
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
  'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty',
  'sixty', 'seventy', 'eighty', 'ninety', 'hundred',
];
const NUMBER_WORD_SET = new Set(NUMBER_WORDS);
// Letters a number word can start with, either case: most words are ruled out without a lookup.
const STARTS_NUMBER_WORD = new Uint8Array(128);
for (const w of NUMBER_WORDS) STARTS_NUMBER_WORD[w.charCodeAt(0)] = STARTS_NUMBER_WORD[w.toUpperCase().charCodeAt(0)] = 1;
const NUMBER = `(?:\\d{1,4}|${NUMBER_WORDS.join('|')})`;
const PEOPLE = 'pupils?|children|child|students?|kids|learners|boys|girls';

/**
 * Figures that can state how a school or its pupils performed: percentages ("84%",
 * "91 per cent"), proportions ("27 out of 30", "nine in ten") and counts of pupils
 * ("twelve children", "3 kids"). Which of them are results is decided by the rule that
 * uses this detector, with `near` and `unless`. Tried only where a word is a number, so
 * the text is not scanned once more.
 */
const FIGURE_AT = new RegExp(
  [
    String.raw`\d{1,3}(?:\.\d+)?\s?(?:%|per\s?cent\b|percent\b)`,
    // Not a year: "16 in 2017" is no proportion.
    String.raw`${NUMBER}\s+(?:in|out\s+of)\s+(?!(?:19|20)\d\d\b)${NUMBER}\b`,
    String.raw`${NUMBER}(?:\s+(?:more|of\s+(?:our|the|my)))?\s+(?:${PEOPLE})\b`,
  ].join('|'),
  'iy',
);

export const figures = defineDetector({
  needs: [],
  detect: ({ text, tokens }) => {
    const found = [];
    let after = 0;
    for (let i = 0; i < tokens.count; i++) {
      const start = tokens.starts[i];
      if (start < after) continue;
      const first = text.charCodeAt(start);
      const numeric = first >= 48 && first <= 57;
      if (!numeric && !(first < 128 && STARTS_NUMBER_WORD[first] === 1 && NUMBER_WORD_SET.has(tokens.words[i]))) continue;
      FIGURE_AT.lastIndex = start;
      const m = FIGURE_AT.exec(text);
      if (m) {
        found.push({ start, end: start + m[0].length });
        after = start + m[0].length;
      }
    }
    return found;
  },
});
