/** Universal Dependencies part-of-speech tags (https://universaldependencies.org/u/pos/). */
export type PartOfSpeech =
  | 'ADJ'
  | 'ADP'
  | 'ADV'
  | 'AUX'
  | 'CCONJ'
  | 'DET'
  | 'INTJ'
  | 'NOUN'
  | 'NUM'
  | 'PART'
  | 'PRON'
  | 'PROPN'
  | 'PUNCT'
  | 'SCONJ'
  | 'SYM'
  | 'VERB'
  | 'X';

export type EntityType =
  | 'PERSON'
  | 'PLACE'
  | 'ORG'
  | 'TIME'
  | 'DATE'
  | 'DURATION'
  | 'CARDINAL'
  | 'ORDINAL'
  | 'PERCENT'
  | 'MONEY'
  | 'EMAIL'
  | 'URL'
  | 'HASHTAG'
  | 'MENTION';

/** When a clause speaks of: `none` when it has no verb and no word of time to tell. */
export type Tense = 'past' | 'present' | 'future' | 'none';

export interface Token {
  /** Offsets in the analysed text, in UTF-16 code units as JavaScript strings count them. */
  start: number;
  end: number;
  /** The token as written. */
  text: string;
  /** Lower case, one kind of apostrophe. */
  normal: string;
  /** The dictionary form: "went" is "go", "'ll" is "will", "kids" is "kid". */
  lemma: string;
  pos: PartOfSpeech;
  stop: boolean;
  punctuation: boolean;
  sentence: number;
  clause: number;
}

export interface Entity {
  type: EntityType;
  start: number;
  end: number;
  /** Its first token and the one after its last. */
  first: number;
  last: number;
}

export interface Clause {
  start: number;
  end: number;
  first: number;
  last: number;
  sentence: number;
  tense: Tense;
  /** Whether it says not, n't, never, no, nobody… */
  negated: boolean;
}

export interface Sentence {
  start: number;
  end: number;
  first: number;
  last: number;
  /** The tense of its first clause that has one. */
  tense: Tense;
  /** Whether any of its clauses is negated. */
  negated: boolean;
}

/** What the linguistic layer knows of one text. Token ranges are [first, last): `last` is past the end. */
export interface Analysis {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  clauses: Clause[];
  entities: Entity[];
}
