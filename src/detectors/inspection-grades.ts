import { defineDetector } from './detector.js';

/**
 * Inspection judgements by meaning: the grades of any inspectorate (Ofsted's old grades and its
 * report-card grades, Estyn's, Education Scotland's, ISI's, SIAMS's) where the sentence or the
 * draft shows they are grades, and what inspectors concluded.
 *
 * A grade word is ordinary English too ("good", "needs attention", "outstanding PTA"), so it
 * counts only when a judging verb stands just before it ("judged to be satisfactory", "graded
 * us strong standard", "moved out of requires improvement"), or, in a draft that speaks of an
 * inspection, when it is quoted ("needs attention"), stands as the value of a list line or table
 * cell ("Inclusion: Strong standard"), or is one of the grades no other sense shares
 * ("Requires Improvement", RI). One pass of one regular expression; each match looks only at
 * a bounded window before it and at its own line.
 */

const GRADE =
  'outstanding|good|very\\s+good|excellent|satisfactory|unsatisfactory|weak|adequate|inadequate|requires?\\s+improvement|required\\s+improvement|requiring\\s+improvement|' +
  'strong\\s+standard|expected\\s+standard|needs\\s+attention|urgent\\s+improvement|exceptional|RI';
// Grades that mean nothing else in a post about an inspection.
const ONLY_GRADES = /^(?:requires?\s+improvement|required\s+improvement|requiring\s+improvement|inadequate|strong\s+standard|urgent\s+improvement|RI)$/i;
// Verbs that turn the grade after them into a judgement anywhere.
const JUDGED = /\b(?:judged|graded|grading|deemed)\s+(?:(?:us|the\s+school|it|them|our\s+\w+|as|to\s+be|to|be|overall|still|again|once\s+more|in\s+every\s+area|across\s+the\s+board)\s+){0,3}["“‘']?$/i;
// "rated leadership as very good", "found the school to be excellent": in a draft about an inspection, a grade whatever its word.
const FOUND_AS = /\b(?:rated|assessed|evaluated|judged|found)\s+(?:[\w'’-]+\s+){0,4}?(?:as|to\s+be)\s+["“‘']?$/i;
// Verbs that do so in a draft about an inspection.
const JUDGED_IN_CONTEXT =
  /\b(?:rated|rating|evaluated|assessed|awarded|received|given|gave|got|remains?|remained|moved\s+out\s+of|out\s+of|no\s+longer|said|says|grade\s+of|grades?|judgements?\s+of|is|was|were|be|been|being|as)\s+(?:(?:us|the\s+school|it|them|our\s+\w+|as|to\s+be|a|an|still|again|both|all|overall)\s+){0,3}["“‘']?$/i;
const INSPECTION_ACRONYMS = /\b(?:HMIE?|ISI|SIAMS)\b/;
const INSPECTION_WORDS_ANY_CASE = /\b(?:inspections?|inspectors?|inspected)\b/i;
const INSPECTORATES = /\b(?:ofsted|inspectorate|estyn|education\s+scotland|report\s+card|monitoring\s+visit|siams)\b/i;
// A draft that speaks of a fire, gas or roof inspection, and of no inspectorate, is not about the school's.
const OTHER_INSPECTIONS =
  /\b(?:fire|safety|roof|gas|electrical|building|boiler|hygiene|food|vehicle|bus|minibus|lift|asbestos|equipment|legionella|tree|PAT|MOT|council|planning|insurance|health\s+and\s+safety)\s+(?:inspections?|inspectors?|check)\b/i;
const INSPECTOR_SAID =
  /\b(?:(?:[Tt]he\s+)?(?:[Ll]ead\s+)?[Ii]nspectors?|HMIE?|Ofsted|Estyn|ISI|SIAMS|Education\s+Scotland|[Tt]he\s+(?:(?:Ofsted|Estyn|ISI|SIAMS|HMIE?)\s+)?inspection(?:\s+team)?|[Tt]he\s+(?:inspection\s+)?report)\s+(?:(?:also|all|rightly|clearly)\s+)?(?:concluded|judged|found|said|stated|reported|noted|identified|highlighted|praised|criticised|commented|described|recognised|agreed|recommended|felt)\b(?:[^.!?;\n]|\n(?![ \t]*\n)){0,120}/g;
const AREA_FOR_DEVELOPMENT = /\b(?:an?\s+|the\s+|key\s+)?areas?\s+for\s+(?:development|improvement)\b/gi;

// A grade that names itself as one: capitalised as Ofsted writes it, or quoted.
const GRADE_NAMED = /\bRequires Improvement\b|\bspecial measures\b|["“‘'](?:requires improvement|strong standard|needs attention|expected standard|urgent improvement)["”’']/i;
const GRADE_RE = new RegExp(`(?<![\\w-])(?:${GRADE})(?![\\w-])`, 'gi');

/** Whether [start, end) is the value of a list line or a table cell: "Inclusion: Strong standard". */
function standsAsValue(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  const before = text.slice(Math.max(lineStart, start - 60), start);
  const after = text.slice(end, Math.min(lineEnd, end + 4));
  return /^["”’']?[.;]?\s*(?:\||$)/.test(after) && (before.trim() === '' || /(?:[:|–—-]|\.{3,}|…)\s*["“‘']?$|\s{2,}$|\t$/.test(before));
}

export const inspectionGrades = defineDetector({
  needs: [],
  detect: ({ text }) => {
    const found: Array<{ start: number; end: number; data: Record<string, string> }> = [];
    const aboutInspection =
      INSPECTORATES.test(text) || INSPECTION_ACRONYMS.test(text) || GRADE_NAMED.test(text) || (INSPECTION_WORDS_ANY_CASE.test(text) && !OTHER_INSPECTIONS.test(text));
    GRADE_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = GRADE_RE.exec(text))) {
      const grade = m[0];
      const start = m.index;
      const end = start + grade.length;
      if (/^ri$/i.test(grade)) {
        // RI as a grade given ("went RI", "both RI", "RI again"), not RI as a topic ("Does RI mean...").
        if (grade !== 'RI' || !aboutInspection) continue;
        const given = /\b(?:went|gone|go|going|both|still|again|now|is|was|were|be|been|being|rated|graded|judged|as|got|get|stayed|remains?|remained|from|to|an?)\s*["“‘']?$/i.test(text.slice(Math.max(0, start - 12), start));
        if (given || /^["”’']?\s+again\b/i.test(text.slice(end, end + 8))) found.push({ start, end, data: { grade: 'requires improvement' } });
        continue;
      }
      const before = text.slice(Math.max(0, start - 60), start).replace(/\s+/g, ' ');
      if (JUDGED.test(before)) {
        found.push({ start, end, data: { grade: grade.toLowerCase() } });
        continue;
      }
      if (!aboutInspection) continue;
      const quoted = /["“‘']$/.test(before) && /^["”’']/.test(text.slice(end, end + 1));
      const capitalised = /^[A-Z]/.test(grade) && !/[.!?]\s*["“‘']?$|^\s*$|\n\s*$/.test(text.slice(Math.max(0, start - 3), start));
      const only = ONLY_GRADES.test(grade);
      // "good" and "outstanding" are praise in any post; they are grades only after a judging verb, in quotes or as a value.
      const ordinary = /^(?:good|very\s+good|excellent|outstanding|exceptional|weak|adequate|satisfactory|expected\s+standard|needs\s+attention)$/i.test(grade);
      if (
        quoted ||
        standsAsValue(text, start, end) ||
        (!ordinary && (JUDGED_IN_CONTEXT.test(before) || only || capitalised)) ||
        (ordinary && JUDGED_IN_CONTEXT.test(before) && !/\b(?:is|was|were|be|been|being|as|got)\s+["“‘']?$/i.test(before)) ||
        FOUND_AS.test(before)
      ) {
        found.push({ start, end, data: { grade: grade.toLowerCase() } });
      }
    }
    if (aboutInspection) {
      for (const re of [INSPECTOR_SAID, AREA_FOR_DEVELOPMENT]) {
        re.lastIndex = 0;
        while ((m = re.exec(text))) found.push({ start: m.index, end: m.index + m[0].trimEnd().length, data: { grade: 'conclusion' } });
      }
      found.sort((a, b) => a.start - b.start);
    }
    return found;
  },
});
