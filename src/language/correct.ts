import { opens, type RawToken } from './tokens.js';
import { CHAT_WORDS, FINITE_AUXILIARIES, MODAL_NAMES, SHORT_WEEKDAYS } from './words.js';

const isCapitalised = (word: string) => /^\p{Lu}\p{Ll}/u.test(word);

/** The next token that is not punctuation, in the same sentence. */
function nextWord(tokens: RawToken[], i: number): RawToken | undefined {
  for (let j = i + 1; j < tokens.length; j++) {
    if (opens(tokens[j])) return undefined;
    if (!tokens[j].punctuation) return tokens[j];
    if (tokens[j].text !== '?') return tokens[j];
  }
  return undefined;
}

/**
 * Fixes the tagger's known mistakes on school posts and chat: chat spellings, "I'm" as one word,
 * and "Will" or "May" as names and months. Returns the tokens, some of them split in two.
 */
export function correctTags(text: string, tokens: RawToken[]): RawToken[] {
  // A new list only from the first token split: most texts have none.
  let out: RawToken[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const chat = CHAT_WORDS.get(t.normal);
    if (chat && !(t.normal === 'x' && t.text === 'X')) {
      t.pos = chat.pos;
      t.lemma = chat.lemma;
    } else if (t.text.length === 3 && /^i['’]m$/i.test(t.text)) {
      // The model's tokenizer splits "we're" but keeps "I'm" whole.
      out ??= tokens.slice(0, i);
      out.push({ ...t, end: t.start + 1, text: t.text[0], normal: 'i', lemma: 'i', pos: 'PRON', stop: true });
      out.push({ ...t, start: t.start + 1, text: t.text.slice(1), normal: "'m", lemma: 'be', pos: 'AUX', stop: true, sentence: 0 });
      continue;
    } else if (SHORT_WEEKDAYS.has(t.normal) && isCapitalised(t.text) && /^\d{1,2}(?:st|nd|rd|th)?$/i.test(tokens[i + 1]?.text ?? '')) {
      t.pos = 'PROPN';
      t.lemma = t.normal;
    } else if (MODAL_NAMES.has(t.normal) && isCapitalised(t.text)) {
      t.pos = modalOrName(tokens, i);
      if (t.pos === 'PROPN') t.lemma = t.normal;
    }
    out?.push(t);
  }
  return out ?? tokens;
}

/** "Will" or "May" with a capital: a modal verb only when a verb or its subject follows. */
function modalOrName(tokens: RawToken[], i: number): RawToken['pos'] {
  const t = tokens[i];
  const next = nextWord(tokens, i);
  // "May we remind parents…": a question or a wish starts with the modal and its subject
  if (opens(t) && next && next.pos === 'PRON' && next.normal !== "'s") return 'AUX';
  if (t.pos !== 'AUX' && t.pos !== 'VERB') return 'PROPN';
  const previous = i > 0 && !opens(t) ? tokens[i - 1] : undefined;
  if (previous && (previous.pos === 'DET' || previous.pos === 'ADP' || previous.pos === 'CCONJ' || previous.pos === 'PROPN')) return 'PROPN';
  if (!next) return 'PROPN';
  if (next.normal === "'s") return 'PROPN';
  if (next.pos === 'AUX') return FINITE_AUXILIARIES.has(next.normal) ? 'PROPN' : 'AUX';
  if (next.pos === 'VERB' || next.pos === 'PRON' || next.pos === 'ADV' || next.pos === 'PART' || next.pos === 'DET') return t.pos;
  return 'PROPN';
}
