import { readFileSync, statSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { SafepostError } from '../errors.js';
import { shownPath } from '../text/shown-path.js';
import { isInitialLetter, nameWords } from '../text/name-form.js';

/** One pupil's names, each a list of normalised words ("Amelia-Rose" -> [amelia, rose]). */
export interface RosterPupil {
  firsts: string[][];
  last: string[];
}

const FIRST = ['first_name', 'first name', 'firstname', 'forename', 'forenames', 'legal forename', 'given name', 'given names', 'first'];
const PREFERRED = ['preferred forename', 'preferred first name', 'preferred name', 'known as', 'preferred_name', 'preferred_forename'];
const LAST = ['last_name', 'last name', 'lastname', 'surname', 'legal surname', 'family name', 'last', 'preferred surname'];
const FULL = ['name', 'full name', 'full_name', 'pupil name', 'pupil', 'student name', 'child name'];

/** What a list of people is called in its messages. */
export interface NameList {
  file: string;
  person: string;
  people: string;
  export: string;
}
const ROSTER: NameList = { file: 'roster', person: 'pupil', people: 'pupils', export: 'the pupil list' };
export const ADULTS: NameList = { file: 'adults list', person: 'person', people: 'names', export: 'the staff list' };

const headerKey = (h: string) => h.trim().toLowerCase().replace(/[_\s]+/g, ' ');
const findColumn = (headers: string[], names: string[]) => {
  const wanted = new Set(names.map(headerKey));
  return headers.findIndex((h) => wanted.has(headerKey(h)));
};

/**
 * Reads a roster: a CSV export from a school information system (header names vary; quoted
 * fields, a BOM, CRLF and ; or tab separators are fine; extra columns are ignored) or a plain
 * list of full names, one a line. Errors name the file and what was expected, never a name.
 */
export function loadRosterCsv(path: string, cwd = process.cwd(), list: NameList = ROSTER, warn?: (message: string) => void): RosterPupil[] {
  const shown = shownPath(path, cwd);
  const { file, person, people, export: exported } = list;
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) throw new SafepostError(`${file} ${shown} is a folder, not a file`);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof SafepostError) throw error;
    throw new SafepostError(`${file} file ${shown} not found or not readable`);
  }
  if (bytes.subarray(0, 8000).includes(0)) {
    throw new SafepostError(`${file} ${shown} is a binary file, not a CSV; export ${exported} as CSV (UTF-8)`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new SafepostError(`${file} ${shown} is not UTF-8 text; export ${exported} as CSV in UTF-8`);
  }
  let rows: string[][];
  try {
    rows = parse(text, {
      bom: true,
      delimiter: [',', ';', '\t'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new SafepostError(`${file} ${shown}${line ? `:${line}` : ''} is not valid CSV; check its quotes and separators`);
  }
  rows = rows.filter((r) => r.some((cell) => cell !== ''));
  if (rows.length === 0) throw new SafepostError(`${file} ${shown} is empty; it needs a first_name,last_name header and a line a ${person}, or a full name a line`);

  const header = rows[0];
  const first = findColumn(header, FIRST);
  const last = findColumn(header, LAST);
  const preferred = findColumn(header, PREFERRED);
  const full = findColumn(header, FULL);
  const pupils: RosterPupil[] = [];
  // Counted, never shown: a row with no first name, or only an initial, can match nothing.
  let ignored = 0;
  let initials = 0;
  const add = (firsts: string[], lastName: string) => {
    const firstWords = firsts.map(nameWords).filter((w) => w.length > 0);
    const lastWords = nameWords(lastName);
    const last = lastWords.join('');
    const initialFirst = firstWords.length > 0 && firstWords.every((w) => isInitialLetter(w.join('')));
    if (firstWords.length === 0 || (initialFirst && !last)) ignored++;
    else {
      if (initialFirst || isInitialLetter(last)) initials++;
      pupils.push({ firsts: firstWords, last: lastWords });
    }
  };
  if (first >= 0 && last >= 0) {
    for (const row of rows.slice(1)) add([row[first] ?? '', ...(preferred >= 0 ? [row[preferred] ?? ''] : [])], row[last] ?? '');
  } else if (full >= 0 || (header.length === 1 && first < 0 && last < 0)) {
    // A column of full names, or a plain list of names with no header at all.
    const column = full >= 0 ? full : 0;
    const body = full >= 0 ? rows.slice(1) : rows;
    for (const row of body) {
      const words = (row[column] ?? '').trim().split(/\s+/);
      if (words.length >= 2) add([words.slice(0, -1).join(' ')], words[words.length - 1]);
      else add([words[0]], '');
    }
  } else {
    throw new SafepostError(
      `${file} ${shown} has no name columns: expected a first-name column (first_name, forename, legal forename, preferred forename or given name) and a last-name column (last_name, surname, legal surname or family name), or a list of full names one a line`,
    );
  }
  if (pupils.length === 0) throw new SafepostError(`${file} ${shown} has a header but no ${people}`);
  const notes = [
    ...(initials > 0 ? [`${rowCount(initials)} with a name of one letter, found only with the ${person}'s other name`] : []),
    ...(ignored > 0 ? [`${rowCount(ignored)} ignored, with no first name or only an initial`] : []),
  ];
  if (notes.length > 0) warn?.(`${file} ${shown}: ${notes.join('; ')}`);
  return pupils;
}

const rowCount = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'row' : 'rows'}`;
