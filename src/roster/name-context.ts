import type { NameLexicon } from '../lexicon/names.js';
import type { RosterIndex } from './roster-index.js';

/** What the name finder is given besides the text: the roster, the lexicon, who may be named. */
export interface NameContext {
  roster: RosterIndex | null;
  lexicon: NameLexicon;
  /** Normalised names (full, joined by a space, and single) of people who may be named. */
  allow: Set<string>;
}
