import { createHash, randomBytes } from 'node:crypto';
import { phoneticKeys } from '../text/name-form.js';
import type { RosterPupil } from './load.js';

import jaroWinkler from 'natural/lib/natural/distance/jaro-winkler_distance.js';

/**
 * How close a spelling must be to a roster name to count as it ("Katy" for "Katie"), when the
 * two also sound alike (same Double Metaphone key). Chosen by measurement on pairs of spelling
 * variants and of different names (tests/roster/thresholds.test.ts).
 */
export const SPELLING_THRESHOLD = 0.84;

// Entry tags: what a stored string is. f first name (all its words joined), fw one word of a
// first name, l last name joined, lw one word of one, p "first last", fi "first l", il "f last",
// fk a first name's sound, pk "first-sound last-sound".
type Tag = 'f' | 'fw' | 'l' | 'lw' | 'p' | 'fi' | 'il' | 'fk' | 'pk';

export interface HashedRosterFile {
  format: 'safepost-roster-hash';
  version: 1;
  algorithm: 'sha256';
  salt: string;
  /** Which kinds of entry the file holds (pairs only, by default). */
  tags: Tag[];
  entries: string[];
}

/**
 * The roster as the matcher asks about it, built once: a set of tagged entries, so a lookup
 * costs the same for 10 pupils or 10,000. A hashed roster stores salted hashes of the same
 * entries and hashes each question the same way.
 */
export class RosterIndex {
  private constructor(
    /** Plain: `tag:value` strings by tag (no string is built to ask). Hashed: digests. */
    private readonly entries: Set<string> | Map<Tag, Set<string>>,
    private readonly salt: string | null,
    /** Plain rosters only: first and last names by sound, for spelling variants. */
    private readonly firstsBySound: Map<string, string[]> | null,
    private readonly lastsBySound: Map<string, string[]> | null,
    readonly tags: ReadonlySet<Tag>,
  ) {}

  static fromPupils(pupils: RosterPupil[]): RosterIndex {
    const entries = new Map<Tag, Set<string>>();
    const firsts = new Map<string, string[]>();
    const lasts = new Map<string, string[]>();
    const bySound = (map: Map<string, string[]>, value: string) => {
      for (const key of phoneticKeys(value)) {
        const list = map.get(key) ?? [];
        if (!list.includes(value)) list.push(value);
        map.set(key, list);
      }
    };
    for (const [tag, value] of entriesOf(pupils)) {
      let set = entries.get(tag);
      if (!set) entries.set(tag, (set = new Set()));
      set.add(value);
      if (tag === 'f') bySound(firsts, value);
      if (tag === 'l') bySound(lasts, value);
    }
    return new RosterIndex(entries, null, firsts, lasts, new Set(['f', 'fw', 'l', 'lw', 'p', 'fi', 'il', 'fk', 'pk']));
  }

  static fromHashed(file: HashedRosterFile): RosterIndex {
    return new RosterIndex(new Set(file.entries), file.salt, null, null, new Set(file.tags));
  }

  /** A hashed copy: pairs and full names always; single names only when asked (see README). */
  static hash(pupils: RosterPupil[], includeSingleNames: boolean): HashedRosterFile {
    const salt = randomBytes(16).toString('hex');
    const tags: Tag[] = includeSingleNames ? ['f', 'fw', 'l', 'lw', 'p', 'fi', 'il', 'fk', 'pk'] : ['p', 'fi', 'il', 'pk'];
    const wanted = new Set<string>(tags);
    const entries = new Set<string>();
    for (const [tag, value] of entriesOf(pupils)) if (wanted.has(tag)) entries.add(digest(salt, `${tag}:${value}`));
    return { format: 'safepost-roster-hash', version: 1, algorithm: 'sha256', salt, tags, entries: [...entries].sort() };
  }

  private has(tag: Tag, value: string): boolean {
    if (this.entries instanceof Map) return this.entries.get(tag)?.has(value) ?? false;
    // A hashed roster without single names is not asked (and not hashed for) about them.
    if (!this.tags.has(tag) || this.salt === null) return false;
    return this.entries.has(digest(this.salt, `${tag}:${value}`));
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
    if (this.firstsBySound) return closeTo(word, this.firstsBySound);
    return phoneticKeys(word).some((key) => this.has('fk', key));
  }

  private soundsLikePair(first: string, last: string): boolean {
    const sounds = phoneticKeys(first).some((a) => phoneticKeys(last).some((b) => this.has('pk', `${a} ${b}`)));
    if (!sounds) return false;
    // A plain roster can also check the spelling of both names; a hashed one only their sound.
    if (!this.firstsBySound || !this.lastsBySound) return true;
    return closeTo(first, this.firstsBySound) && closeTo(last, this.lastsBySound);
  }
}

/** Whether a word sounds like and is spelt close to one of the names filed under its sound. */
function closeTo(word: string, bySound: Map<string, string[]>): boolean {
  for (const key of phoneticKeys(word)) {
    for (const name of bySound.get(key) ?? []) if (name === word || jaroWinkler(word, name) >= SPELLING_THRESHOLD) return true;
  }
  return false;
}

function digest(salt: string, value: string): string {
  return createHash('sha256').update(salt).update('\u0000').update(value).digest('base64url');
}

/** Every tagged entry of a roster: names, pairs, initials and sounds. */
function* entriesOf(pupils: RosterPupil[]): Generator<[Tag, string]> {
  for (const pupil of pupils) {
    const last = pupil.last.join('');
    for (const firstWords of pupil.firsts) {
      const first = firstWords.join('');
      yield ['f', first];
      for (const w of firstWords) yield ['fw', w];
      for (const key of phoneticKeys(first)) yield ['fk', key];
      if (!last) continue;
      yield ['l', last];
      for (const w of pupil.last) yield ['lw', w];
      yield ['p', `${first} ${last}`];
      if (pupil.last.length > 1) yield ['p', `${first} ${pupil.last[pupil.last.length - 1]}`];
      yield ['fi', `${first} ${last[0]}`];
      yield ['il', `${first[0]} ${last}`];
      for (const a of phoneticKeys(first)) for (const b of phoneticKeys(last)) yield ['pk', `${a} ${b}`];
    }
  }
}

