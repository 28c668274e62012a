import { defineDetector } from './detector.js';

/**
 * Exam grades as posts write them: A level strings (A*A*A, A*AA, ABB), A*s, BTEC strings
 * (D*D*D, DDM) and Distinction*, GCSE numbers ("got all 9s", "seven 9s, two 8s and a 7",
 * "8 8 7 7 7 6 6 5", "got his 4 in maths", "from a predicted 5 to a 9"), changes in grades
 * ("went up two grades", "five grades above") and averages ("an average grade of B").
 *
 * A grade is a short token that means other things too (a 9, ABC, the under-5s), so every form
 * but the unmistakable ones (a string with A* or D*, Distinction*) needs a word about exams or
 * grades near it in its sentence, and none about ages or sport. One pass of one regular
 * expression over the text; each match looks at a bounded window around it.
 */

const NUMBER_WORD = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|a|a\\s+full|all';
// How many grades a change is by: "two grades", "a whole grade", not "all grades".
const CHANGE_COUNT = 'one|two|three|four|five|six|seven|eight|nine|ten|a|a\\s+full|\\d';
const SUBJECT =
  'maths|math|mathematics|english|english\\s+language|english\\s+literature|literature|language|french|spanish|german|latin|italian|mandarin|' +
  'biology|chemistry|physics|science|combined\\s+science|history|geography|re|rs|religious\\s+studies|computing|computer\\s+science|art|drama|' +
  'music|pe|psychology|sociology|economics|business|media|photography|dt|design|food|further\\s+maths|statistics|reading|writing|spag|gps|ict|textiles';
const LETTER = '(?:A\\*|[A-E])';
const NUMERIC = '[1-9]';

// Each alternative is named by the group it fills; `strong` needs no cue.
const FORMS: Array<[name: string, pattern: string]> = [
  // A level and BTEC strings with a star, and A*s on their own: "A*A*A", "D*D*D", "three A*s".
  ['strong', `(?<![\\w*])(?:${LETTER}{0,5}A\\*${LETTER}{0,5}s?|[DMP]?(?:D\\*){1,3}[DMP]{0,2})(?![\\w*])`],
  ['strong', `(?:(?:triple|double|single)\\s+)?[Dd]istinction(?:\\*|\\s+star)(?:s)?`],
  // Letter strings without a star: "AAA", "ABB", "DDM".
  ['letters', `(?<![\\w*])(?:[A-E]{3,5}|[DMP]{3})(?![\\w*])`],
  // Grade changes: "went up two grades", "five grades above", "by one grade".
  ['change', `\\b(?:(?:up|down|by|rose|dropped|jumped|improved|fell)\\s+(?:${CHANGE_COUNT})\\s+(?:whole\\s+)?grades?\\b|(?:${CHANGE_COUNT})\\s+(?:whole\\s+)?grades?\\s+(?:up|down|above|below|higher|lower|better|worse)\\b)`],
  // Averages: "an average grade of B", "the Year 12 mock average was a D".
  ['got', `\\baverage\\s+(?:predicted\\s+)?grade\\s+(?:[\\w-]+\\s+){0,5}?(?:of|is|was|were|at|currently|a|an)\\s+(?:(?:a|an|currently)\\s+)?[A-E][+-]?(?![\\w*])|\\bmock\\s+average\\s+(?:is|was)\\s+(?:an?\\s+)?[A-E][+-]?(?![\\w*])`],
  // From one grade to another: "from a predicted 5 to a 9", "from a 4 to a 7".
  ['change', `\\bfrom\\s+(?:an?\\s+)?(?:predicted\\s+)?(?:${NUMERIC}|${LETTER})\\s+to\\s+(?:an?\\s+)?(?:${NUMERIC}|${LETTER})(?![\\w*])`],
  // Runs of GCSE grades: "8 8 7 7 7 6 6 5".
  ['run', `(?<![\\w.,:/-])${NUMERIC}(?:(?:,\\s?|\\s)${NUMERIC}){3,}(?![\\w.,:/-]*\\d)`],
  // Scottish Highers and Nationals, and letter grades counted: "five As at Higher", "two Advanced Highers", "three Bs".
  ['scottish', `\\b(?:${NUMBER_WORD}|\\d{1,2})\\s+(?:(?:A\\*?|[B-D])s\\s+(?:and\\s+(?:${NUMBER_WORD}|\\d)\\s+[A-D]s\\s+)?at\\s+(?:Advanced\\s+)?Higher|(?:Advanced\\s+)?Highers|National\\s+5s)\\b`],
  ['letter-plural', `(?<![\\w.,£$/:-])(?:${NUMBER_WORD}|\\d{1,2})\\s+[A-E]s(?![\\w'’*-])`],
  // Predicted and target grades: "predicted an 8", "her target grade is a 7", "working at a grade 6".
  ['got', `\\b(?:predicted|target(?:\\s+grade)?\\s+(?:is|was|of)|working\\s+at)\\s+(?:(?:an?|grade|a\\s+grade)\\s+){1,2}(?:${NUMERIC}|${LETTER})(?![\\w*%]|[.,]\\d)`],
  // Plural grades: "9s", "grade 7s", "seven 9s".
  ['plural', `(?<![\\w.,£$/:-])(?:(?:${NUMBER_WORD}|\\d{1,2})\\s+)?(?:grade\\s+)?${NUMERIC}s(?![\\w'’-])`],
  // A grade got in a subject: "got his 4 in maths", "got a 4 or above", "achieved a 7".
  ['got', `\\b(?:got|get|gets|getting|achieved|achieving|achieve|secured|gained|awarded|predicted|scored)\\s+(?:(?:his|her|their|my|your|a|an|the|grade|straight)\\s+){0,2}(?:${NUMERIC}|${LETTER})(?:\\s+or\\s+(?:above|higher|better|more)|\\s+in\\s+(?:${SUBJECT})\\b)`],
];

const FORM_RE = new RegExp(FORMS.map(([, p]) => `(${p})`).join('|'), 'gi');
const FORM_KINDS = FORMS.map(([name]) => name);
// Letter grades are capitals: "abb" and "add" are words, "two as" is no grade.
const CAPITAL_FORMS = new Set(['strong', 'letters', 'letter-plural']);
// Forms that need no word about exams near them.
const CUELESS_FORMS = new Set(['strong', 'scottish']);

const CUE = new RegExp(
  `\\b(?:got|get|gets|getting|achieved|achieving|achieve|predicted|predictions?|scored|scores?|sweep|straight|grades?|results?|mocks?|gcses?|a[- ]?levels?|as[- ]levels?|btecs?|epq|exams?|offers?|marked|awarded|secured|gained|passed|subjects?|${SUBJECT})\\b`,
  'i',
);
const NOT_GRADES =
  /\b(?:aged?|years?[- ]olds?|nursery|football|netball|rugby|hockey|cricket|team|a[- ]side|times\s+tables?|tables|times|goals?|runs?|wickets?|piano|violin|guitar|flute|cello|drums?|singing|ballet|dance|karate|judo|belt|swimming|lengths|metres)\b/i;
// Words just before a number that make it an age, a year group or a class: "under 5s", "Year 9s", "7R".
const NOT_GRADES_BEFORE = /\b(?:under|over|u|year|years|yr|y|reception|class|high|aged?|the\s+little)[\s-]*$/i;
// Strings of letters that are words or names, not grades.
const LETTER_WORDS = new Set(['ABC', 'BBC', 'ADD', 'BAD', 'BED', 'BEE', 'CAB', 'DAB', 'DAD', 'DEAD', 'BEAD', 'ACE', 'DEED', 'ACCA', 'CCE', 'ECB']);

/** The sentence around [start, end), at most `reach` characters either side. */
function sentenceAround(text: string, start: number, end: number, reach = 90): string {
  let from = Math.max(0, start - reach);
  let to = Math.min(text.length, end + reach);
  const before = text.slice(from, start);
  const stop = Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? '), before.lastIndexOf('\n\n'));
  if (stop >= 0) from += stop + 2;
  const after = text.slice(end, to);
  const next = after.search(/[.!?](?:\s|$)|\n\n/);
  if (next >= 0) to = end + next;
  return text.slice(from, start) + ' ' + text.slice(end, to);
}

export const grades = defineDetector({
  needs: [],
  detect: ({ text }) => {
    const found = [];
    FORM_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = FORM_RE.exec(text))) {
      const group = m.findIndex((g, i) => i > 0 && g !== undefined);
      const kind = FORM_KINDS[group - 1];
      const span = m[0];
      const start = m.index;
      const end = start + span.length;
      // The grade is the last word: "A*As", "three Bs".
      const letters = span.slice(span.lastIndexOf(' ') + 1).replace(/s$/, '');
      if (CAPITAL_FORMS.has(kind) && !/istinction/i.test(span) && letters !== letters.toUpperCase()) continue;
      if (kind === 'letters' && LETTER_WORDS.has(span)) continue;
      if (!CUELESS_FORMS.has(kind)) {
        const around = sentenceAround(text, start, end);
        if (NOT_GRADES.test(around) || NOT_GRADES_BEFORE.test(text.slice(Math.max(0, start - 12), start))) continue;
        // A change of grade needs a cue besides its own word "grade": "up a grade" is a move in sport too.
        if (kind !== 'got' && !CUE.test(around) && (kind === 'change' || !CUE.test(span))) continue;
      }
      // Grades listed together are one finding: "predicted 5s and got 2s", "seven 9s, two 8s and a 7".
      const last = found[found.length - 1];
      if (last && start - last.end <= 16 && !/[.!?\n]/.test(text.slice(last.end, start))) last.end = end;
      else found.push({ start, end, data: { form: kind } });
    }
    return found;
  },
});
