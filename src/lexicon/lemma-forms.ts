import { createRequire } from 'node:module';
import { bakedSection } from './baked.js';

const require = createRequire(import.meta.url);

/**
 * Forms the tagger's model gives a lemma that no ending makes ("'s" and "'re" are "be", "ca" of
 * "can't" is "can"): its lexicon has them, and they are few.
 */
const CONTRACTED: Record<string, string[]> = {
  be: ["'s", "'re", "'m"],
  have: ["'ve", "'s", "'d"],
  will: ["'ll", 'wo'],
  would: ["'d"],
  not: ["n't"],
  can: ['ca'],
  shall: ['sha'],
};

/**
 * Every word the tagger could lemmatise as `lemma`: the lemma, its irregular forms, and the lemma
 * with each ending the tagger strips ("arrived", "arriving", "studies", "stopped"). More forms
 * than English has cost only a little speed where they are used (see `lemmaForms`).
 */
export function inflect(lemma: string, irregular: readonly string[]): string[] {
  const forms = new Set([lemma, ...irregular, ...(CONTRACTED[lemma] ?? [])]);
  const stem = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
  for (const ending of ['s', 'es', 'ed', 'ing', 'er', 'est']) forms.add(lemma + ending).add(stem + ending);
  if (/[^aeiou]y$/.test(lemma)) for (const ending of ['ies', 'ied', 'ier', 'iest']) forms.add(lemma.slice(0, -1) + ending);
  if (/[^aeiou][aeiou][^aeiouwxy]$/.test(lemma)) for (const ending of ['ed', 'ing', 'er', 'est']) forms.add(lemma + lemma.at(-1) + ending);
  if (lemma.endsWith('man')) forms.add(`${lemma.slice(0, -3)}men`);
  return [...forms];
}

/**
 * WordNet's irregular forms by lemma ("fled" of "flee", "children" of "child"), which the
 * tagger's model ships and lemmatises by. Read by `npm run build` (and from a clone); an installed
 * safepost has the baked forms of its own rules' lemmas only.
 */
let irregulars: Map<string, string[]> | null | undefined;

function irregularForms(): Map<string, string[]> | null {
  if (irregulars !== undefined) return irregulars;
  irregulars = null;
  try {
    const lists = ['verb', 'noun', 'adjective'].map((pos) => require(`wink-eng-lite-web-model/dist/wn-${pos}-exceptions.js`) as Record<string, string>);
    const byLemma = new Map<string, string[]>();
    for (const list of lists) {
      for (const form of Object.keys(list)) {
        const forms = byLemma.get(list[form]) ?? [];
        forms.push(form);
        byLemma.set(list[form], forms);
      }
    }
    irregulars = byLemma;
  } catch {
    // Not installed: lemmas the build did not see get no forms.
  }
  return irregulars;
}

let known: Map<string, string[] | null> | undefined;

/**
 * The words a text must have for a token of `lemma` to be in it (lower case), or null when they
 * are not known here: a user's rule's lemma, in an installed safepost. Sequence rules use them to
 * leave out the text that cannot match; null leaves out nothing.
 */
export function lemmaForms(lemma: string): string[] | null {
  known ??= new Map(Object.entries(bakedSection<Record<string, string[]>>('lemmaForms') ?? {}));
  let forms = known.get(lemma);
  if (forms === undefined) {
    const irregular = irregularForms();
    forms = irregular ? inflect(lemma, irregular.get(lemma) ?? []) : null;
    known.set(lemma, forms);
  }
  return forms;
}

/** The forms worked out so far, for `npm run build` to bake. */
export const knownLemmaForms = (): Record<string, string[]> =>
  Object.fromEntries([...(known ?? [])].filter((entry): entry is [string, string[]] => entry[1] !== null));
