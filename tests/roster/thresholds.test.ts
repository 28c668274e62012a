import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { phoneticKeys } from '../../src/text/name-form.js';
import { SPELLING_THRESHOLD } from '../../src/roster/roster-index.js';

const require = createRequire(import.meta.url);
const jaroWinkler = require('natural/lib/natural/distance/jaro-winkler_distance.js') as (a: string, b: string) => number;

// The spelling threshold is measured, not chosen by taste: pairs that are one name spelt two
// ways, and pairs of different names that share a sound (the only pairs the threshold judges,
// as a variant must first sound like a roster name).
const SAME_NAME = [
  ['mohammed', 'muhammad'], ['mohammad', 'muhammed'], ['katie', 'katy'], ['jak', 'jack'], ['olly', 'ollie'],
  ['isabel', 'isobel'], ['aaliyah', 'aliyah'], ['freddie', 'freddy'], ['zack', 'zac'], ['mathew', 'matthew'],
  ['jon', 'john'], ['steven', 'stephen'], ['caitlin', 'kaitlyn'], ['lily', 'lilly'], ['eloise', 'elouise'],
  ['nikola', 'nicola'], ['sofia', 'sophia'], ['alfie', 'alfy'], ['harvey', 'harvie'], ['layla', 'leila'],
  ['amelie', 'amelia'], ['zoe', 'zoey'], ['charley', 'charlie'], ['evie', 'evey'], ['louie', 'louis'],
  ['mateusz', 'matheus'], ['ayaan', 'ayan'], ['finley', 'finlay'], ['oscar', 'oskar'],
];
const DIFFERENT_NAMES = [
  ['maddie', 'matty'], ['mia', 'may'], ['ella', 'ali'], ['olly', 'ali'], ['eli', 'ella'], ['jack', 'jake'],
  ['tom', 'tim'], ['dan', 'dean'], ['amy', 'emma'], ['noah', 'nia'], ['ben', 'bean'], ['ruby', 'rob'],
  ['molly', 'milly'], ['lucy', 'lacey'], ['sam', 'sima'], ['leo', 'lee'], ['ava', 'eva'], ['emily', 'emil'],
  ['ellie', 'ella'], ['theo', 'the'],
];
const soundAlike = ([a, b]: string[]) => phoneticKeys(a).some((k) => phoneticKeys(b).includes(k));

function score(threshold: number) {
  const found = SAME_NAME.filter((p) => soundAlike(p) && jaroWinkler(p[0], p[1]) >= threshold).length / SAME_NAME.length;
  const wrong = DIFFERENT_NAMES.filter((p) => soundAlike(p) && jaroWinkler(p[0], p[1]) >= threshold).length / DIFFERENT_NAMES.length;
  return { found, wrong, balance: found - wrong };
}

describe('the spelling-variant threshold', () => {
  it('is the best balance of variants found and different names wrongly taken', () => {
    const candidates = Array.from({ length: 21 }, (_, k) => 0.75 + k * 0.01);
    const best = Math.max(...candidates.map((t) => score(t).balance));
    const chosen = score(SPELLING_THRESHOLD);
    expect(chosen.balance).toBeCloseTo(best, 5);
    // At the threshold: 27 of 29 variants (93%) and 7 of 20 different sounding-alike names (35%,
    // most of them also ordinary words or short names, which the finder refuses as variants).
    expect(chosen.found).toBeGreaterThanOrEqual(0.9);
    expect(chosen.wrong).toBeLessThanOrEqual(0.4);
  });
});
