/** A word as written, its normal form and (when first needed) its stem. */
export interface WordForms {
  word: string;
  stem?: string;
  /** The word as names are compared: no accents, no apostrophes. */
  name?: string;
}

const MAX_ENTRIES = 1 << 19;

/**
 * The words seen so far, found by a hash of their characters computed while the text is
 * scanned: a word met before costs no new string and no hashing of one. Open addressing.
 */
export class WordTable {
  private capacity = 1 << 12;
  private keys: Array<string | undefined> = new Array(this.capacity);
  private hashes = new Int32Array(this.capacity);
  private values: Array<WordForms | undefined> = new Array(this.capacity);
  private size = 0;

  constructor(private readonly normalize: (raw: string) => string) {}

  /** The forms of text[start, end), whose character hash is `hash`. */
  get(text: string, start: number, end: number, hash: number): WordForms {
    const length = end - start;
    let mask = this.capacity - 1;
    let slot = hash & mask;
    for (;;) {
      const key = this.keys[slot];
      if (key === undefined) break;
      if (this.hashes[slot] === hash && key.length === length && sameChars(key, text, start)) return this.values[slot]!;
      slot = (slot + 1) & mask;
    }
    const raw = text.slice(start, end);
    const forms: WordForms = { word: this.normalize(raw) };
    if (this.size >= MAX_ENTRIES) return forms;
    if ((this.size + 1) * 2 > this.capacity) {
      this.grow();
      mask = this.capacity - 1;
      slot = hash & mask;
      while (this.keys[slot] !== undefined) slot = (slot + 1) & mask;
    }
    this.keys[slot] = raw;
    this.hashes[slot] = hash;
    this.values[slot] = forms;
    this.size++;
    return forms;
  }

  private grow(): void {
    const { keys, hashes, values } = this;
    this.capacity *= 2;
    this.keys = new Array(this.capacity);
    this.hashes = new Int32Array(this.capacity);
    this.values = new Array(this.capacity);
    const mask = this.capacity - 1;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === undefined) continue;
      let slot = hashes[i] & mask;
      while (this.keys[slot] !== undefined) slot = (slot + 1) & mask;
      this.keys[slot] = keys[i];
      this.hashes[slot] = hashes[i];
      this.values[slot] = values[i];
    }
  }
}

function sameChars(key: string, text: string, start: number): boolean {
  for (let k = 0; k < key.length; k++) if (key.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}
