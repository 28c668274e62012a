/*
 * Phone numbers written as they are said: "oh seven seven double oh, nine double oh, three one
 * two", "zero seven seven zero zero nine…", digits and words mixed ("oh 7 7 double 0"). The words
 * are turned into digits and the digits judged as a written number is.
 */

const DIGIT_WORDS: Record<string, string> = {
  zero: '0', oh: '0', nought: '0', nil: '0',
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
};
const REPEATS: Record<string, number> = { double: 2, treble: 3, triple: 3 };

// A run of digit words, groups of digits and "double"/"treble", between spaces, commas, dots or dashes.
const PIECE = String.raw`(?:zero|oh|nought|nil|one|two|three|four|five|six|seven|eight|nine|double|treble|triple|\d{1,5})`;
const RUN = new RegExp(String.raw`(?<![\p{L}\p{N}])${PIECE}(?:[\s,.-]{1,3}${PIECE}){3,}(?![\p{L}\p{N}])`, 'giu');
// A number needs nine or more digits; "one or two" never gets there.
const MIN_DIGITS = 9;

/** The digits a run of words stands for, or null when it does not read as one number. */
export function spokenDigits(words: string): string | null {
  const parts = words.toLowerCase().split(/[\s,.-]+/).filter(Boolean);
  let digits = '';
  let repeat = 1;
  for (const part of parts) {
    if (part in REPEATS) {
      if (repeat !== 1) return null;
      repeat = REPEATS[part];
      continue;
    }
    const digit = /^\d+$/.test(part) ? part : DIGIT_WORDS[part];
    if (digit === undefined) return null;
    digits += digit.repeat(repeat);
    repeat = 1;
  }
  return repeat === 1 ? digits : null;
}

export interface SpokenNumber {
  start: number;
  end: number;
  digits: string;
}

/**
 * Runs of number words long enough to be a phone number, with the digits they stand for. The
 * run must have a word in it: digits alone are a written number, which the written pattern reads.
 */
export function findSpokenNumbers(text: string): SpokenNumber[] {
  const found: SpokenNumber[] = [];
  for (const m of text.matchAll(RUN)) {
    // A run that ends in "double" ("... nine double") is cut back to what reads.
    const run = m[0].replace(/[\s,.-]+(?:double|treble|triple)$/i, '');
    if (!/[a-z]/i.test(run)) continue;
    const digits = spokenDigits(run);
    if (!digits || digits.length < MIN_DIGITS) continue;
    found.push({ start: m.index, end: m.index + run.length, digits });
  }
  return found;
}
