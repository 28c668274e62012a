// The English list only: the package's index loads its thirty languages.
import naughtyEnglish from 'naughty-words/en.json' with { type: 'json' };

/**
 * Word lists from maintained packages that a phrase rule can name in `lists:`, so that long
 * lists keep their source and licence. Each loads on first use.
 */
const LISTS: Record<string, { source: string; load: () => string[] }> = {
  'naughty-words/en': {
    source: 'naughty-words package: the List of Dirty, Naughty, Obscene and Otherwise Bad Words (CC BY 4.0)',
    load: () => naughtyEnglish,
  },
};

export const WORD_LISTS: ReadonlySet<string> = new Set(Object.keys(LISTS));

export function loadWordList(name: string): string[] {
  const list = LISTS[name];
  if (!list) throw new Error(`no word list "${name}"`);
  return list.load().map((w) => w.trim()).filter(Boolean);
}
