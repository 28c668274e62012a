import { defineDetector } from './detector.js';

/**
 * Results set out as a table or a list of subjects: a row of figures under a heading or header
 * row about results ("Reading | 89% | 41% | 107.9" under "Expected standard | Higher standard"),
 * and subjects each with a percentage ("English 62%, Maths 46%").
 *
 * The text is read a line at a time, once; a row looks back a bounded stretch of text for what
 * the figures are (a header row or heading with a results word), so a table of ten thousand rows
 * costs ten thousand short looks.
 */

const CELL = ' | ';
const FIGURE_CELL = /^[+−-]?(?:\d{1,3}(?:,\d{3})*|\d+)(?:\.\d+)?\s?%?$|^(?:A\*|[A-E]|[1-9])[+-]?$/;
const RESULTS_WORDS =
  /\b(?:results?|attainment|expected\s+standard|higher\s+standard|greater\s+depth|scaled\s+scores?|average\s+scores?|progress\s*8|attainment\s*8|gcses?|a[- ]?levels?|sats|ks[1-5]|key\s+stage\s+[1-5]|pass(?:es)?|pass\s+rate|value[- ]added|alps|phonics|multiplication|national)\b/i;
// Figures about other things than pupils' results.
const OTHER_FIGURES = /\b(?:attendance|absence|punctuality|price|prices|cost|costs|fees?|£|tickets?|raised|donations?|budget|menu|calories|temperature|distance|times?|kick[- ]off|class\s+sizes?|sizes?|enrol(?:l?ment)?|roll|ratio|pupils\s+per|staff)\b/i;
const LOOK_BACK = 800;

const SUBJECT =
  '(?:English|Maths|Mathematics|Reading|Writing|Science|Biology|Chemistry|Physics|History|Geography|French|Spanish|German|GPS|SPaG|Grammar)';
const SUBJECT_FIGURE = new RegExp(`\\b${SUBJECT}\\b(?:\\s*[:=–-])?\\s*\\d{1,3}(?:\\.\\d+)?\\s?(?:%|per\\s?cent\\b)`, 'gi');

export const resultsTable = defineDetector({
  needs: [],
  detect: ({ text }) => {
    const found: Array<{ start: number; end: number }> = [];
    let lineStart = 0;
    let header = '';
    // Where the next cell separator is, found once for all the lines before it.
    let nextCell = text.indexOf(CELL);
    while (lineStart <= text.length && nextCell >= 0) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) lineEnd = text.length;
      if (nextCell < lineStart) nextCell = text.indexOf(CELL, lineStart);
      if (nextCell < 0) break;
      if (nextCell < lineEnd) {
        const line = text.slice(lineStart, lineEnd);
        const cells = line.split(CELL);
        let first = -1;
        let last = -1;
        let figures = 0;
        let offset = lineStart;
        for (const cell of cells) {
          const trimmed = cell.trim();
          if (FIGURE_CELL.test(trimmed)) {
            const at = offset + cell.indexOf(trimmed);
            if (first < 0) first = at;
            last = at + trimmed.length;
            figures++;
          }
          offset += cell.length + CELL.length;
        }
        if (figures === 0) header = line;
        else if (figures >= 2 || (figures === 1 && cells.length === 2)) {
          const context = `${header}\n${text.slice(Math.max(0, lineStart - LOOK_BACK), lineStart)}`;
          if (RESULTS_WORDS.test(context) && !OTHER_FIGURES.test(header || line)) found.push({ start: first, end: last });
        }
      } else if (text.slice(lineStart, lineEnd).trim() !== '') {
        header = '';
      }
      lineStart = lineEnd + 1;
    }

    // "English 62%, Maths 46%": two subjects with figures close together.
    SUBJECT_FIGURE.lastIndex = 0;
    let previous: { start: number; end: number } | null = null;
    let m: RegExpExecArray | null;
    while ((m = SUBJECT_FIGURE.exec(text))) {
      const here = { start: m.index, end: m.index + m[0].length };
      if (previous && here.start - previous.end <= 20 && !OTHER_FIGURES.test(text.slice(Math.max(0, previous.start - 60), previous.start))) {
        const last = found[found.length - 1];
        if (last && last.end === previous.end) last.end = here.end;
        else found.push({ start: previous.start, end: here.end });
      }
      previous = here;
    }
    return found.sort((a, b) => a.start - b.start);
  },
});
