import { randomBytes, scryptSync } from 'node:crypto';
import { isInitialLetter, phoneticKeys } from '../text/name-form.js';
import type { RosterPupil } from './load.js';
import { DEFAULT_HASH_COST, HASHED_ROSTER_VERSION, type HashCost, type HashedRosterFile, SCRYPT_MAX_MEMORY } from './hashed-file.js';

import jaroWinkler from 'natural/lib/natural/distance/jaro-winkler_distance.js';

/**
 * How close a spelling must be to a roster name to count as it ("Katy" for "Katie"), when the
 * two also sound alike (same Double Metaphone key). Chosen by measurement on pairs of spelling
 * variants and of different names (tests/roster/thresholds.test.ts).
 */
export const SPELLING_THRESHOLD = 0.84;

// Entry tags: what a stored string is. f first name (all its words joined), fw one word of a
// first name, l last name joined, lw one word of one, p "first last", fi "first l", il "f last".
const TAGS = ['f', 'fw', 'l', 'lw', 'p', 'fi', 'il'] as const;
type Tag = (typeof TAGS)[number];

/** A hashed roster's side of the index: the file's digests and what it costs to make one. */
interface HashedEntries {
  digests: Set<string>;
  salt: Buffer;
  cost: HashCost;
  keyLength: number;
  /** Each distinct pair asked about in this run, with its answer: every question costs one hash. */
  asked: Map<string, boolean>;
}

/**
 * The roster as the matcher asks about it, built once: a set of tagged entries, so a lookup
 * costs the same for 10 pupils or 10,000. A hashed roster holds only full names (first and last
 * together), each a salted scrypt hash, and hashes each distinct pair it is asked about once.
 */
export class RosterIndex {
  private constructor(
    /** Plain rosters: `tag:value` strings by tag. */
    private readonly entries: Map<Tag, Set<string>> | null,
    private readonly hashed: HashedEntries | null,
    /** Plain rosters only: first and last names by sound, and each pupil's "first last", for spelling variants. */
    private readonly firstsBySound: Map<string, string[]> | null,
    private readonly pairs: { lastsBySound: Map<string, string[]>; fullPairs: Set<string> } | null,
  ) {}

  static fromPupils(pupils: RosterPupil[]): RosterIndex {
    const entries = new Map<Tag, Set<string>>();
    // Pairs filed by sound would be one list per pupil; names filed by sound are one per distinct
    // name, which a large roster repeats many times over.
    for (const tag of TAGS) entries.set(tag, new Set());
    eachEntry(pupils, (tag, value) => entries.get(tag)!.add(value));
    const fullPairs = new Set<string>();
    for (const pupil of pupils) {
      const last = pupil.last.join('');
      if (last) for (const words of pupil.firsts) fullPairs.add(`${words.join('')} ${last}`);
    }
    return new RosterIndex(entries, null, bySound(entries.get('f') ?? []), { lastsBySound: bySound(entries.get('l') ?? []), fullPairs });
  }

  static fromHashed(file: HashedRosterFile): RosterIndex {
    const hashed = { digests: new Set(file.entries), salt: Buffer.from(file.salt, 'hex'), cost: file.cost, keyLength: file.keyLength, asked: new Map() };
    return new RosterIndex(null, hashed, null, null);
  }

  /**
   * A hashed copy holding each pupil's full names and nothing shorter: a first name, a surname,
   * an initial or a sound each falls to a list of a few thousand guesses, and then gives away
   * the pairs built from it.
   */
  static hash(pupils: RosterPupil[], cost: HashCost = DEFAULT_HASH_COST): HashedRosterFile {
    const salt = randomBytes(16);
    const keyLength = 16;
    const entries = new Set<string>();
    eachEntry(pupils, (tag, value) => {
      if (tag === 'p') entries.add(slowDigest(salt, cost, keyLength, value));
    });
    return {
      format: 'safepost-roster-hash',
      version: HASHED_ROSTER_VERSION,
      holds: 'full-names',
      algorithm: 'scrypt',
      cost: { ...cost },
      keyLength,
      salt: salt.toString('hex'),
      entries: [...entries].sort(),
    };
  }

  /** Whether this index is a hashed roster, whose every question costs a deliberately slow hash. */
  get isHashed(): boolean {
    return this.hashed !== null;
  }

  /** How many hashes this index has computed to answer questions (one per distinct pair). */
  get hashesComputed(): number {
    return this.hashed?.asked.size ?? 0;
  }

  private has(tag: Tag, value: string): boolean {
    if (this.entries) return this.entries.get(tag)?.has(value) ?? false;
    // A hashed roster holds full names only: it is asked (and hashes) about nothing else.
    const hashed = this.hashed;
    if (!hashed || tag !== 'p') return false;
    let found = hashed.asked.get(value);
    if (found === undefined) {
      found = hashed.digests.has(slowDigest(hashed.salt, hashed.cost, hashed.keyLength, value));
      hashed.asked.set(value, found);
    }
    return found;
  }

  isFirst(name: string): boolean {
    return this.has('f', name) || this.has('fw', name);
  }
  isLast(name: string): boolean {
    return this.has('l', name) || this.has('lw', name);
  }
  /** Whether these are a pupil's first and last names: as written, or alike in sound and spelling. */
  pairKind(first: string, last: string): 'exact' | 'sounds' | null {
    if (this.has('p', `${first} ${last}`)) return 'exact';
    return this.soundsLikePair(first, last) ? 'sounds' : null;
  }
  isFirstAndInitial(first: string, initial: string): boolean {
    return this.has('fi', `${first} ${initial}`);
  }
  isInitialAndLast(initial: string, last: string): boolean {
    return this.has('il', `${initial} ${last}`);
  }

  /** Whether a word is a roster first name spelt differently ("Katy" for Katie). */
  firstVariant(word: string): boolean {
    return this.firstsBySound ? closeNames(word, this.firstsBySound).length > 0 : false;
  }

  private soundsLikePair(first: string, last: string): boolean {
    // A hashed roster knows only full names as written. A plain one checks that one pupil's first
    // and last names are both alike in sound and spelling (not "Willy" from one and "Wonka" from another).
    if (!this.pairs || !this.firstsBySound) return false;
    const lasts = closeNames(last, this.pairs.lastsBySound);
    if (lasts.length === 0) return false;
    return closeNames(first, this.firstsBySound).some((f) => lasts.some((l) => this.pairs!.fullPairs.has(`${f} ${l}`)));
  }
}

/**
 * Names filed under each of their sounds. Double Metaphone gives names in other scripts than
 * Latin no sound: they are matched as written, not all filed under one empty key and compared with
 * every word a draft asks about.
 */
function bySound(names: Iterable<string>): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const name of names) {
    for (const key of phoneticKeys(name)) {
      if (!key) continue;
      const list = map.get(key);
      if (list) list.push(name);
      else map.set(key, [name]);
    }
  }
  return map;
}

/** The names filed under a word's sounds that are spelt close to it (or are it). */
function closeNames(word: string, names: Map<string, string[]>): string[] {
  const found = new Set<string>();
  for (const key of phoneticKeys(word)) {
    for (const name of names.get(key) ?? []) if (name === word || jaroWinkler(word, name) >= SPELLING_THRESHOLD) found.add(name);
  }
  return [...found];
}

function slowDigest(salt: Buffer, cost: HashCost, keyLength: number, pair: string): string {
  return scryptSync(`full-name:${pair}`, salt, keyLength, { ...cost, maxmem: SCRYPT_MAX_MEMORY }).toString('base64url');
}

/**
 * Every tagged entry of a roster: names, pairs and initials. A name of one letter ("J", "X") is
 * an initial, which drafts hold everywhere: it is found only with the pupil's other name.
 */
function eachEntry(pupils: RosterPupil[], file: (tag: Tag, value: string) => void): void {
  for (const pupil of pupils) {
    const last = pupil.last.join('');
    const lastIsInitial = isInitialLetter(last);
    for (const firstWords of pupil.firsts) {
      const first = firstWords.join('');
      const firstIsInitial = isInitialLetter(first);
      if (!firstIsInitial) file('f', first);
      for (const w of firstWords) if (!isInitialLetter(w)) file('fw', w);
      if (!last) continue;
      if (!lastIsInitial) file('l', last);
      for (const w of pupil.last) if (!isInitialLetter(w)) file('lw', w);
      file('p', `${first} ${last}`);
      if (pupil.last.length > 1) file('p', `${first} ${pupil.last[pupil.last.length - 1]}`);
      if (!firstIsInitial) file('fi', `${first} ${firstLetter(last)}`);
      if (!lastIsInitial) file('il', `${firstLetter(first)} ${last}`);
    }
  }
}

/** The first letter of a name, whole even outside the Basic Multilingual Plane. */
const firstLetter = (name: string) => String.fromCodePoint(name.codePointAt(0)!);
