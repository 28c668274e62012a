import { hintBit, hintsOf, type EntityType, type WordView } from '../language/index.js';
import { tokenizePhrase, type Tokens } from '../text/tokens.js';

/**
 * What a text must show for one token condition of a sequence to hold in it: one of these words
 * or phrases, or a hint of one of these entity types (`mayHoldEntity`).
 */
export interface GateSpec {
  phrases: string[];
  types: EntityType[];
}

interface PhraseNode {
  /** The gates a phrase ending here belongs to. */
  gates: number[];
  next: Map<string, PhraseNode>;
}

/**
 * The cheap looks of every sequence rule of a run, in one index. A draft's words (split once for
 * all the rules) are looked up once each, whatever the number of rules, and their hints of entity
 * types read from the same pass; a piece of text that fails a condition's look cannot match that
 * rule, so it needs no analysis (as gitleaks' keywords spare its expressions).
 */
export class Gates {
  /** Every gate's phrases, word by word: a token and the words after it are looked up once, whatever the number of phrases. */
  private readonly phrases: PhraseNode = { gates: [], next: new Map() };
  /** Each gate's entity types, as hint bits (see `hintsOf`); -1 when one of them has no hint. */
  private readonly types: number[] = [];
  /** Gates any text passes (a phrase of a word the tagger splits off, such as "'s"). */
  private readonly open: boolean[] = [];
  /** Each sequence's gates. */
  private readonly ofSequence: number[][];
  /** Whether a sequence could pass on hints alone, with no word to find. */
  private readonly wordless: boolean[];

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
    this.wordless = this.ofSequence.map((gates) => gates.every((g) => this.open[g] || this.types[g] !== 0));
  }

  private add(spec: GateSpec): number {
    const id = this.types.length;
    this.types.push(spec.types.some((type) => hintBit(type) === 0) ? -1 : spec.types.reduce((bits, type) => bits | hintBit(type), 0));
    this.open.push(false);
    for (const phrase of spec.phrases) {
      const words = tokenizePhrase(phrase);
      if (words.length === 0 || phrase.trimStart().startsWith("'")) {
        this.open[id] = true;
        continue;
      }
      let node = this.phrases;
      for (const word of words) {
        let next = node.next.get(word);
        if (!next) node.next.set(word, (next = { gates: [], next: new Map() }));
        node = next;
      }
      if (!node.gates.includes(id)) node.gates.push(id);
    }
    return id;
  }

  get size(): number {
    return this.ofSequence.length;
  }

  /**
   * For each piece of a text (sorted, apart), whether each sequence (of those `active`, when
   * given) could match in it; null for a piece none could. `tokens` are the text's words, looked
   * at once each.
   */
  passing(text: string, tokens: Tokens, pieces: Array<[number, number]>, active?: boolean[]): Array<boolean[] | null> {
    const gates = this.types.length;
    const found: Array<Uint8Array | undefined> = new Array(pieces.length);
    const hinted = new Uint8Array(pieces.length);
    const { words, starts, ends } = tokens;
    const view: WordView = {
      count: tokens.count,
      word: (i) => words[i],
      capitalised: (i) => {
        const c = text.charCodeAt(starts[i]);
        return c < 128 ? c >= 65 && c <= 90 : text[starts[i]] !== text[starts[i]].toLowerCase();
      },
      after: (i) => (i + 1 < tokens.count ? text.slice(ends[i], starts[i + 1]) : ''),
    };
    let p = 0;
    // The phrases that start with `first` at word i, and end in piece p.
    const lookUp = (first: string, i: number) => {
      let node = this.phrases.next.get(first);
      for (let k = i + 1; node; k++) {
        if (node.gates.length > 0) {
          const hits = (found[p] ??= new Uint8Array(gates));
          for (const gate of node.gates) hits[gate] = 1;
        }
        if (node.next.size === 0 || k >= tokens.count || starts[k] >= pieces[p][1]) break;
        node = node.next.get(words[k]);
      }
    };
    for (let i = 0; i < tokens.count; i++) {
      while (p < pieces.length && pieces[p][1] <= starts[i]) p++;
      if (p === pieces.length) break;
      if (starts[i] < pieces[p][0]) continue;
      hinted[p] |= hintsOf(view, i);
      lookUp(words[i], i);
      // "we're" holds "we" for the tagger, which splits it.
      const apostrophe = words[i].indexOf("'");
      if (apostrophe > 0) lookUp(words[i].slice(0, apostrophe), i);
    }
    const anyWordless = this.wordless.some(Boolean);
    return pieces.map((_, piece) => {
      const hits = found[piece];
      if (!hits && !anyWordless) return null;
      const passes = (g: number) => this.open[g] || hits?.[g] === 1 || this.types[g] === -1 || (this.types[g] & hinted[piece]) !== 0;
      const result = this.ofSequence.map((gs, i) => active?.[i] !== false && gs.every(passes));
      return result.some(Boolean) ? result : null;
    });
  }
}
