import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { SafepostError } from '../errors.js';
import { shownPath } from '../text/shown-path.js';
import { loadRosterCsv, type RosterPupil } from './load.js';
import { nameWords, normalizeName } from '../text/name-form.js';
import type { KnownAdults } from './name-context.js';
import { RosterIndex } from './roster-index.js';
import { HASHED_ROSTER_VERSION, HashedRosterFileSchema } from './hashed-file.js';

export { loadNameLexicon, type NameLexicon } from '../lexicon/names.js';
export { ADULTS, loadRosterCsv, type RosterPupil } from './load.js';
export type { KnownAdults, NameContext } from './name-context.js';
export { RosterIndex } from './roster-index.js';
export { DEFAULT_HASH_COST, HASHED_ROSTER_VERSION, HashedRosterFileSchema, type HashCost, type HashedRosterFile } from './hashed-file.js';

/** Reads a roster file, plain CSV or hashed (`safepost roster hash`), into a matching index. */
export function loadRoster(path: string, cwd = process.cwd(), warn?: (message: string) => void): RosterIndex {
  let head = '';
  try {
    // The start is enough to tell a hashed roster from a CSV one, which is then read once.
    const fd = openSync(path, 'r');
    const start = Buffer.alloc(200);
    try {
      head = start.subarray(0, readSync(fd, start, 0, 200, 0)).toString('utf8').trimStart();
    } finally {
      closeSync(fd);
    }
  } catch {
    throw new SafepostError(`roster file ${shownPath(path, cwd)} not found or not readable`);
  }
  if (head.startsWith('{')) {
    const shown = shownPath(path, cwd);
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      throw new SafepostError(`roster ${shown} looks like JSON but cannot be read; make it again with "safepost roster hash"`);
    }
    const version = (data as { format?: unknown; version?: unknown } | null)?.format === 'safepost-roster-hash' ? (data as { version?: unknown }).version : undefined;
    if (typeof version === 'number' && version < HASHED_ROSTER_VERSION) {
      throw new SafepostError(`roster ${shown} is a hashed roster in an older format, which was quick to guess names from; make it again with "safepost roster hash"`);
    }
    const file = HashedRosterFileSchema.safeParse(data);
    if (!file.success) throw new SafepostError(`roster ${shown} is not a hashed roster safepost can read; make it again with "safepost roster hash"`);
    return RosterIndex.fromHashed(file.data);
  }
  return RosterIndex.fromPupils(loadRosterCsv(path, cwd, undefined, warn));
}

/** Names (full and single words) of people who may be named, as the matcher compares them. */
export function allowedNames(names: string[]): Set<string> {
  const allowed = new Set<string>();
  for (const name of names) {
    const words = name.split(/[\s-]+/).map(normalizeName).filter(Boolean);
    if (words.length === 0) continue;
    allowed.add(words.join(' '));
    if (words.length > 1) allowed.add(`${words[0]} ${words.slice(1).join('')}`);
    for (const w of words) allowed.add(w);
  }
  return allowed;
}

/** The school's adults, from the config's list or file, as the name finder compares them. */
export function knownAdults(people: RosterPupil[]): KnownAdults {
  const adults: KnownAdults = { full: new Set(), firsts: new Set() };
  for (const person of people) {
    const last = person.last.join('');
    for (const words of person.firsts) {
      adults.firsts.add(words.join(''));
      if (last) adults.full.add(`${words.join('')} ${last}`);
    }
  }
  return adults;
}

/** Names written out in the config ("Dawn Whitlock"), as a list file would give them. */
export function peopleFromNames(names: string[]): RosterPupil[] {
  return names.flatMap((name) => {
    const words = name.trim().split(/\s+/);
    const firsts = nameWords(words.length > 1 ? words.slice(0, -1).join(' ') : words[0]);
    return firsts.length ? [{ firsts: [firsts], last: words.length > 1 ? nameWords(words[words.length - 1]) : [] }] : [];
  });
}
