import { decodeHTML } from 'entities';
import type { SourceTextBuilder } from './source-text.js';

const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

const HEX_ESCAPE = /\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8}))/y;
const LETTER_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', f: '\f', v: '\v', e: '\x1b', a: '\x07', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029', ' ': ' ' };

const PERCENT_ESCAPES = /(?:%[0-9a-fA-F]{2})+/y;

function decodePercent(escapes: string): string | null {
  try {
    return decodeURIComponent(escapes);
  } catch {
    return null;
  }
}

/** A YAML double-quoted escape at `at` (`\u00e9`, `\x41`, `\n`): the text it stands for and where it ends. */
function quotedEscape(source: string, at: number, to: number): { text: string; end: number } | null {
  HEX_ESCAPE.lastIndex = at;
  const m = HEX_ESCAPE.exec(source);
  if (m && at + m[0].length <= to) {
    const code = parseInt(m[1] ?? m[2] ?? m[3], 16);
    if (code > 0x10ffff) return null;
    return { text: m[3] ? String.fromCodePoint(code) : String.fromCharCode(code), end: at + m[0].length };
  }
  const letter = LETTER_ESCAPES[source[at + 1]];
  return letter !== undefined && at + 2 <= to ? { text: letter, end: at + 2 } : null;
}

/** The most characters of markup the parser may have dropped before or inside a piece of text. */
const MAX_MARKUP_RUN = 1024;

/** Where `needle` first starts in source[from, to), or -1; never looks past `to`. */
export function indexWithin(source: string, needle: string, from: number, to: number): number {
  if (to - from < needle.length) return -1;
  // A slice shares the source's characters: cheap, and it keeps indexOf inside [from, to).
  const at = source.slice(from, to).indexOf(needle);
  return at < 0 ? -1 : from + at;
}

/**
 * Finds `value` (text a parser produced) in source[from, to), skipping the markup the
 * parser removed (emphasis marks, indentation, quote markers, YAML quotes), and appends it
 * to the builder with exact positions. Entities and backslash escapes (Markdown's, and YAML's
 * `\u00e9`) map to their whole source. Returns the source offset after the last matched
 * character, or -1 when the value cannot be found in order (the caller then falls back to a
 * coarser mapping).
 */
export function alignInto(
  builder: SourceTextBuilder,
  value: string,
  source: string,
  from: number,
  to: number,
  /** The value is a URL as shown: `%20` and the like stand for what they decode to. */
  url = false,
): number {
  // Most text stands in the source as it is, after a little markup: take it in one piece. The
  // search looks a little way ahead only, so that text the source has in another form (with
  // entities) costs the length of that text, not of the rest of the file.
  const at = indexWithin(source, value, from, Math.min(to, from + MAX_MARKUP_RUN + value.length));
  if (at >= 0 && !/[\p{L}\p{N}&\\]/u.test(source.slice(from, at))) {
    builder.verbatim(value, at);
    return at + value.length;
  }
  const pieces: Array<[kind: 0 | 1, text: string, sStart: number, sEnd: number]> = [];
  let i = from;
  let j = 0;
  let verbatimStart = -1;
  let verbatimText = -1;
  let dropped = 0;
  const flush = () => {
    if (verbatimStart >= 0) {
      pieces.push([0, value.slice(verbatimText, j), verbatimStart, verbatimStart + (j - verbatimText)]);
      verbatimStart = -1;
    }
  };
  // Source up to `end` stands for `text` (an escape, an entity, a line ending): one piece.
  const replaced = (text: string, end: number) => {
    flush();
    pieces.push([1, text, i, end]);
    i = end;
    j += text.length;
    dropped = 0;
  };
  while (j < value.length) {
    if (i >= to) return -1;
    const c = source.charCodeAt(i);
    const want = value.charCodeAt(j);
    if (c === 0x5c /* \ */ && i + 1 < to && source[i + 1] === value[j] && ASCII_PUNCTUATION.test(value[j])) {
      replaced(value[j], i + 2);
      continue;
    }
    if (c === 0x5c /* \ */) {
      const escape = quotedEscape(source, i, to);
      if (escape && value.startsWith(escape.text, j)) {
        replaced(escape.text, escape.end);
        continue;
      }
    }
    if (url && c === 0x25 /* % */) {
      PERCENT_ESCAPES.lastIndex = i;
      const m = PERCENT_ESCAPES.exec(source);
      const decoded = m && i + m[0].length <= to ? decodePercent(m[0]) : null;
      if (m && decoded && value.startsWith(decoded, j)) {
        replaced(decoded, i + m[0].length);
        continue;
      }
    }
    if (c === 0x26 /* & */) {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(source);
      if (m && m.index + m[0].length <= to) {
        const decoded = decodeHTML(m[0]);
        if (decoded !== m[0] && value.startsWith(decoded, j)) {
          replaced(decoded, i + m[0].length);
          continue;
        }
      }
    }
    // Parsers read every line ending as LF: a lone CR stands for it as a whole.
    if (want === 0x0a /* \n */ && c === 0x0d /* \r */ && source.charCodeAt(i + 1) !== 0x0a) {
      replaced('\n', i + 1);
      continue;
    }
    if (c === want) {
      if (verbatimStart < 0) {
        verbatimStart = i;
        verbatimText = j;
      } else if (verbatimStart + (j - verbatimText) !== i) {
        flush();
        verbatimStart = i;
        verbatimText = j;
      }
      i += 1;
      j += 1;
      dropped = 0;
      continue;
    }
    // A character of markup the parser dropped. Markup is short: a long run means the value is
    // not here, and looking on to the end of the block for every value would take quadratic time.
    if (++dropped > MAX_MARKUP_RUN) return -1;
    flush();
    i += 1;
  }
  flush();
  for (const [kind, text, s, e] of pieces) {
    if (kind === 0) builder.verbatim(text, s);
    else builder.replaced(text, s, e);
  }
  return i;
}

/** Appends text that decodes HTML entities in source[from, to) and maps every character back. */
export function appendDecodedHtml(builder: SourceTextBuilder, source: string, from: number, to: number): void {
  let i = from;
  let runStart = from;
  while (i < to) {
    const amp = indexWithin(source, '&', i, to);
    if (amp < 0) break;
    ENTITY.lastIndex = amp;
    const m = ENTITY.exec(source);
    if (m && amp + m[0].length <= to) {
      const decoded = decodeHTML(m[0]);
      if (decoded !== m[0]) {
        builder.verbatim(source.slice(runStart, amp), runStart);
        builder.replaced(decoded, amp, amp + m[0].length);
        i = amp + m[0].length;
        runStart = i;
        continue;
      }
    }
    i = amp + 1;
  }
  builder.verbatim(source.slice(runStart, to), runStart);
}
