/** The linguistic layer: sentences, tokens with lemma and part of speech, entities, tense and negation. */
export type { Analysis, Clause, Entity, EntityType, PartOfSpeech, Sentence, Tense, Token } from './analysis.js';
export { loadLanguage, type Language } from './load.js';
export { hintBit, hintsOf, sentencePieces, type WordView } from './hints.js';
