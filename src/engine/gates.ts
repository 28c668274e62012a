import { mayHoldEntity, type EntityType } from '../language/index.js';

/**
 * What a text must show for one token condition of a sequence to hold in it: one of these words
 * or phrases, or a hint of one of these entity types (`mayHoldEntity`).
 */
export interface GateSpec {
  phrases: string[];
  types: EntityType[];
}

// As the layer's normal form: lower case, one kind of apostrophe.
const normalise = (text: string) => text.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");

/** A text's words as gates look them up: split at spaces, hyphens and punctuation; "we're" is "we're" and "we". */
function wordsOf(lower: string): Set<string> {
  const words = new Set<string>();
  for (const word of lower.split(/[^\p{L}\p{N}']+/u)) {
    if (!word) continue;
    words.add(word);
    const apostrophe = word.indexOf("'");
    if (apostrophe > 0) words.add(word.slice(0, apostrophe));
  }
  return words;
}

/**
 * The cheap looks of every sequence of a run, in one index: a text's words are looked up once,
 * whatever the number of rules and conditions, and a text that fails a condition's look cannot
 * match that rule, so it needs no analysis (as gitleaks' keywords spare its expressions).
 */
export class Gates {
  /** Each gate's phrases by their first word, with the words after it. */
  private readonly byFirst = new Map<string, Array<[gate: number, rest: string[]]>>();
  private readonly types: EntityType[][] = [];
  /** Gates any text passes (a phrase of a word the tagger splits off, such as "'s"). */
  private readonly open: boolean[] = [];
  /** Each sequence's gates. */
  private readonly ofSequence: number[][];

  constructor(sequences: GateSpec[][]) {
    const ids = new Map<string, number>();
    this.ofSequence = sequences.map((specs) =>
      specs.map((spec) => {
        const key = JSON.stringify(spec);
        let id = ids.get(key);
        if (id === undefined) ids.set(key, (id = this.add(spec)));
        return id;
      }),
    );
  }

  private add(spec: GateSpec): number {
    const id = this.types.length;
    this.types.push(spec.types);
    this.open.push(false);
    for (const phrase of spec.phrases) {
      const words = normalise(phrase).split(/[^\p{L}\p{N}']+/u).filter(Boolean);
      if (words.length === 0 || phrase.trimStart().startsWith("'")) {
        this.open[id] = true;
        continue;
      }
      const list = this.byFirst.get(words[0]) ?? [];
      list.push([id, words.slice(1)]);
      this.byFirst.set(words[0], list);
    }
    return id;
  }

  /** For each sequence, whether the text passes all its gates. */
  passing(text: string): boolean[] {
    const lower = normalise(text);
    const words = wordsOf(lower);
    const passed = [...this.open];
    for (const word of words) {
      for (const [gate, rest] of this.byFirst.get(word) ?? []) {
        if (!passed[gate] && rest.every((w) => words.has(w))) passed[gate] = true;
      }
    }
    // Hints are costlier than words: looked for only for a rule whose words are all there.
    const hints = new Map<EntityType, boolean>();
    const hinted = (type: EntityType) => {
      let known = hints.get(type);
      if (known === undefined) hints.set(type, (known = mayHoldEntity(type, text, lower)));
      return known;
    };
    const passes = (gate: number) => passed[gate] || this.types[gate].some(hinted);
    return this.ofSequence.map((gates) => gates.every((gate) => passed[gate] || this.types[gate].length > 0) && gates.every(passes));
  }
}
