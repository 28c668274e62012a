import { RE2JS } from 're2js';

/**
 * Rule authors write patterns in JavaScript's syntax; the patterns of rule files outside the
 * package run on re2js, a port of RE2 that matches in time linear in the text whatever the
 * pattern. This module rewrites a JavaScript pattern into RE2's syntax with the same meaning
 * (JavaScript's `\s` and `.` are wider than RE2's), or says which construct RE2 cannot run.
 */

/** JavaScript's `\s`: WhiteSpace and LineTerminator of ECMA-262, as members of a class. */
const SPACE = '\\t\\n\\x{B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';
/** JavaScript's `\S`: everything else, as members of a class (so `[^\S\n]` works too). */
const NOT_SPACE =
  '\\x{0}-\\x{8}\\x{E}-\\x{1F}\\x{21}-\\x{9F}\\x{A1}-\\x{167F}\\x{1681}-\\x{1FFF}\\x{200B}-\\x{2027}\\x{202A}-\\x{202E}\\x{2030}-\\x{205E}\\x{2060}-\\x{2FFF}\\x{3001}-\\x{FEFE}\\x{FF00}-\\x{10FFFF}';
/** JavaScript's `.` without the s flag: anything but a line terminator. */
const DOT = '[^\\n\\r\\x{2028}\\x{2029}]';

/** Unicode general categories by their long names, for `\p{Letter}` and `\p{gc=Letter}`. */
const CATEGORIES: Record<string, string> = {
  Letter: 'L', Uppercase_Letter: 'Lu', Lowercase_Letter: 'Ll', Titlecase_Letter: 'Lt', Modifier_Letter: 'Lm', Other_Letter: 'Lo',
  Mark: 'M', Combining_Mark: 'M', Nonspacing_Mark: 'Mn', Spacing_Mark: 'Mc', Enclosing_Mark: 'Me',
  Number: 'N', Decimal_Number: 'Nd', digit: 'Nd', Letter_Number: 'Nl', Other_Number: 'No',
  Punctuation: 'P', punct: 'P', Connector_Punctuation: 'Pc', Dash_Punctuation: 'Pd', Open_Punctuation: 'Ps',
  Close_Punctuation: 'Pe', Initial_Punctuation: 'Pi', Final_Punctuation: 'Pf', Other_Punctuation: 'Po',
  Symbol: 'S', Math_Symbol: 'Sm', Currency_Symbol: 'Sc', Modifier_Symbol: 'Sk', Other_Symbol: 'So',
  Separator: 'Z', Space_Separator: 'Zs', Line_Separator: 'Zl', Paragraph_Separator: 'Zp',
  Other: 'C', Control: 'Cc', cntrl: 'Cc', Format: 'Cf', Private_Use: 'Co',
};
const SHORT_CATEGORIES = new Set(Object.values(CATEGORIES));

/** A pattern RE2 cannot run: what the construct is and what to write instead. */
export class UnsupportedPattern extends Error {}

const hex = (code: number) => `\\x{${code.toString(16).toUpperCase()}}`;

function property(body: string, negated: boolean): string {
  const [name, value] = body.includes('=') ? body.split('=', 2) : [null, body];
  let re2: string | undefined;
  if (name === null || name === 'General_Category' || name === 'gc') {
    re2 = SHORT_CATEGORIES.has(value) ? value : CATEGORIES[value];
    if (!re2 && name === null && value === 'Any') re2 = 'Any';
  }
  // Scripts have the same names in RE2 (\p{Greek}); one RE2 does not know fails when compiled.
  if (name === 'Script' || name === 'sc') re2 = value;
  if (!re2) {
    throw new UnsupportedPattern(`\\p{${body}} is not supported; use a general category such as \\p{L} or a script such as \\p{Script=Latin}`);
  }
  return `\\${negated ? 'P' : 'p'}{${re2}}`;
}

/**
 * Rewrites a JavaScript pattern (valid for `new RegExp(pattern, flags)`) into RE2's syntax.
 * Groups lose their captures: only the whole match is used.
 */
export function toRe2Syntax(pattern: string, unicode: boolean): string {
  let out = '';
  let inClass = false;
  /** Whether the last thing in a class was a class such as \d: a - beside it is a plain hyphen. */
  let afterClassEscape = false;
  let i = 0;
  const n = pattern.length;
  const escape = (): string => {
    const c = pattern[i + 1];
    i += 2;
    switch (c) {
      case 'd': case 'D': case 'w': case 'W': case 't': case 'n': case 'r': case 'f':
        return `\\${c}`;
      case 's':
        return inClass ? SPACE : `[${SPACE}]`;
      case 'S':
        return inClass ? NOT_SPACE : `[${NOT_SPACE}]`;
      case 'v':
        return hex(0xb);
      case 'b':
        return inClass ? hex(8) : '\\b';
      case 'B':
        if (inClass) throw new UnsupportedPattern('\\B inside [...] is not supported; write B');
        return '\\B';
      case 'x': {
        const digits = pattern.slice(i, i + 2);
        if (/^[0-9a-fA-F]{2}$/.test(digits)) {
          i += 2;
          return hex(parseInt(digits, 16));
        }
        return 'x';
      }
      case 'u': {
        const braced = /^\{([0-9a-fA-F]+)\}/.exec(pattern.slice(i));
        if (unicode && braced) {
          i += braced[0].length;
          return hex(parseInt(braced[1], 16));
        }
        const digits = pattern.slice(i, i + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(digits)) return 'u';
        i += 4;
        let code = parseInt(digits, 16);
        const low = /^\\u([dD][c-fC-F][0-9a-fA-F]{2})/.exec(pattern.slice(i));
        if (code >= 0xd800 && code <= 0xdbff && low) {
          // A surrogate pair written as two escapes is one character.
          i += 6;
          code = 0x10000 + ((code - 0xd800) << 10) + (parseInt(low[1], 16) - 0xdc00);
        }
        return hex(code);
      }
      case 'c': {
        const letter = pattern[i];
        if (letter && /[A-Za-z]/.test(letter)) {
          i += 1;
          return hex(letter.charCodeAt(0) % 32);
        }
        return '\\\\c';
      }
      case 'p': case 'P': {
        const body = /^\{([^}]*)\}/.exec(pattern.slice(i));
        if (!unicode || !body) return c;
        i += body[0].length;
        return property(body[1], c === 'P');
      }
      case 'k':
        if (pattern[i] === '<') throw new UnsupportedPattern('a backreference (\\k<name>) cannot run in linear time; repeat the words themselves instead');
        return 'k';
      case '0':
        if (!/[0-9]/.test(pattern[i] ?? '')) return hex(0);
        throw new UnsupportedPattern('octal escapes are not supported; write \\x{..}');
      default:
        if (/[1-9]/.test(c)) {
          throw new UnsupportedPattern(`a backreference (\\${c}) cannot run in linear time; repeat the words themselves instead`);
        }
        // Punctuation stays escaped; any other escaped character stands for itself.
        return /[!-/:-@[-`{-~]/.test(c) ? `\\${c}` : c;
    }
  };
  while (i < n) {
    const c = pattern[i];
    if (c === '\\') {
      afterClassEscape = inClass && /^[dDwWsS]$/.test(pattern[i + 1] ?? '');
      out += escape();
      continue;
    }
    if (inClass) {
      if (c === '-' && (afterClassEscape || /^\\[dDwWsS]/.test(pattern.slice(i + 1)))) {
        out += '\\-';
        i += 1;
        afterClassEscape = false;
        continue;
      }
      afterClassEscape = false;
      if (c === ']') inClass = false;
      // RE2 would read [[:alpha:]] as a POSIX class; JavaScript's [ in a class is a plain bracket.
      out += c === '[' ? '\\[' : c;
      i += 1;
      continue;
    }
    if (c === '[') {
      const negated = pattern[i + 1] === '^';
      const start = i + (negated ? 2 : 1);
      if (pattern[start] === ']') {
        // JavaScript's [] matches nothing and [^] any character; RE2 would read the ] as a member.
        out += negated ? '[\\x{0}-\\x{10FFFF}]' : '[^\\x{0}-\\x{10FFFF}]';
        i = start + 1;
        continue;
      }
      out += negated ? '[^' : '[';
      inClass = true;
      i = start;
      continue;
    }
    if (c === '(') {
      if (pattern[i + 1] !== '?') {
        out += '(?:';
        i += 1;
        continue;
      }
      const rest = pattern.slice(i + 2);
      if (rest.startsWith(':')) {
        out += '(?:';
        i += 3;
      } else if (rest.startsWith('=') || rest.startsWith('!')) {
        throw new UnsupportedPattern(
          `a lookahead (?${rest[0]}...) cannot run in linear time; match the words after as part of the pattern, or list them under unless: phrases`,
        );
      } else if (rest.startsWith('<=') || rest.startsWith('<!')) {
        out += `(?${rest.slice(0, 2)}`;
        i += 4;
      } else if (rest.startsWith('<')) {
        const name = /^<[^>]*>/.exec(rest);
        out += '(?:';
        i += 2 + (name ? name[0].length : 1);
      } else {
        throw new UnsupportedPattern(`the group (?${rest.slice(0, 2)}... is not supported; use (?:...) and the case-sensitive setting`);
      }
      continue;
    }
    out += c === '.' ? DOT : c;
    i += 1;
  }
  return out;
}

/**
 * A pattern in RE2's syntax (as `toRe2Syntax` writes it) without its lookbehinds: it matches
 * wherever the pattern does, and more, and runs on re2js's fast DFA, which lookbehinds rule out.
 */
function withoutLookbehinds(source: string): string {
  let out = '';
  let dropping = 0;
  for (let i = 0; i < source.length; i++) {
    let token = source[i];
    if (token === '\\') token = source.slice(i, i + 2);
    else if (token === '[') {
      let j = i + 1;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      token = source.slice(i, j + 1);
    } else if (token === '(') {
      if (dropping > 0 || source.startsWith('(?<=', i) || source.startsWith('(?<!', i)) dropping += 1;
    } else if (token === ')' && dropping > 0) {
      dropping -= 1;
      continue;
    }
    i += token.length - 1;
    if (dropping === 0) out += token;
  }
  return out;
}

/** A rule's patterns compiled for re2js: one alternation, as for RegExp. */
export interface LinearPattern {
  re: RE2JS;
  /** Matches wherever `re` does: tried first, on the fast DFA, so most texts need nothing else. */
  gate: RE2JS;
}

const compileRe2 = (source: string, flags: number): RE2JS => {
  try {
    return RE2JS.compile(source, flags);
  } catch (error) {
    const message = (error as Error).message.replace(/^error parsing regexp: /, '');
    const count = /invalid repeat count: (.*)/.exec(message);
    if (count) {
      throw new UnsupportedPattern(`the repeat ${count[1]} makes more than 1000 copies in all (nested counts multiply); use + or * instead`);
    }
    throw new UnsupportedPattern(`${message}; this construct is not supported in a rule file's patterns`);
  }
};

/**
 * Compiles patterns (JavaScript syntax, RegExp flags i and u) for re2js, as one alternation so
 * that the text is scanned once; throws UnsupportedPattern naming the construct it cannot run.
 */
export function compileLinear(patterns: string[], flags: string): LinearPattern {
  const unicode = flags.includes('u');
  const source = patterns.map((p) => `(?:${toRe2Syntax(p, unicode)})`).join('|');
  const caseless = flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0;
  if (!/\(\?<[=!]/.test(source)) {
    const re = compileRe2(source, caseless);
    return { re, gate: re };
  }
  return { re: compileRe2(source, caseless | RE2JS.LOOKBEHINDS), gate: compileRe2(withoutLookbehinds(source), caseless) };
}

/** A user's pattern that took longer on one draft than any ordinary pattern could. */
export class SlowPatternError extends Error {}

/**
 * Time a pattern may take on a text: two seconds and a millisecond a thousand characters, some
 * hundred times what ordinary patterns take. Each search is linear in the text, but finding every
 * match is not: a pattern such as \w(?:\w*\d)? looks ahead to the end of a long word for each
 * match, which on 20 KB of letters takes RE2 (as RegExp) half a minute.
 */
export const timeAllowed = (text: string): number => 2000 + text.length / 1000;

/**
 * The spans [start, end) (UTF-16 offsets) of non-empty, non-overlapping matches, left to right.
 * Throws SlowPatternError when finding them takes longer than `allowedMs`.
 */
export function linearSpans({ re, gate }: LinearPattern, text: string, allowedMs = timeAllowed(text)): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  // test() runs on the lazy DFA, about five times faster than find() over a text with no match.
  if (!gate.test(text)) return spans;
  const started = performance.now();
  const m = re.matcher(text);
  while (m.find()) {
    const start = m.start();
    const end = m.end();
    if (end > start) spans.push([start, end]);
    if (performance.now() - started > allowedMs) throw new SlowPatternError(`stopped after ${spans.length} matches`);
  }
  return spans;
}
