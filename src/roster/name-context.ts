import type { NameLexicon } from '../lexicon/names.js';
import type { RosterIndex } from './roster-index.js';

/** What the name finder is given besides the text: the roster, the lexicon, who may be named. */
export interface NameContext {
  roster: RosterIndex | null;
  lexicon: NameLexicon;
  /** Normalised names (full, joined by a space, and single) of people who may be named. */
  allow: Set<string>;
  /** The school's adults from the config: never pupils, nor their first names alone unless the roster holds them. */
  adults?: KnownAdults;
  /** The organisation's own names from its domains, as letters ("kestrelfield"): never a pupil's. */
  schools?: string[];
}

/** Normalised names of the school's adults: full names (words joined by a space) and first names. */
export interface KnownAdults {
  full: Set<string>;
  firsts: Set<string>;
}
