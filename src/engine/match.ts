import type { Detector, DetectorContext, DetectorMatch } from '../detectors/index.js';
import type { DraftImage, Segment } from '../documents/index.js';
import type { CompiledRuleSet, TrieNode } from './compile.js';
import type { Channel } from '../types/channels.js';
import { Role } from './compile.js';
import { tokenize, type Tokens } from '../text/tokens.js';
import { linearSpans, SlowPatternError } from '../rules/linear-pattern.js';
import { SafepostError } from '../errors.js';
import { sentencePieces, type Analysis } from '../language/index.js';
import { lastAtOrBefore } from '../text/positions.js';
import { sequenceSpans } from './sequence.js';
import { namesOwn, ownNames } from '../detectors/own-names.js';
import type { NameContext } from '../roster/name-context.js';

/** A draft whose check was stopped because one user rule took too long on it. */
export class StoppedRuleError extends SafepostError {
  constructor(message: string) {
    super(message, 1);
    this.name = 'StoppedRuleError';
  }
}

/** A rule's match in text coordinates. */
export interface RuleMatch {
  rule: number;
  start: number;
  end: number;
  /** Offsets are in the source (an image), not the reader text. */
  source?: boolean;
  /** Facts a detector gave about the match, for messages. */
  data?: Record<string, string>;
}

/** The parts of a draft besides its text that detectors look at. */
export interface DraftParts {
  segments: Segment[];
  images: DraftImage[];
  channel?: Channel;
}

/** Word ranges [first, last] of phrase occurrences, by rule and role. */
type Occurrences = Map<number, Array<[number, number]>>;

function walk(root: TrieNode, words: string[], from: number, found: Occurrences[], active: boolean[], text: string, tokens: Tokens): void {
  let node: TrieNode | undefined = root;
  for (let i = from; i < words.length; i++) {
    node = node.next.get(words[i]);
    if (!node) return;
    for (const end of node.ends) {
      if (!active[end.rule]) continue;
      if (end.capitals && !isCapitals(text, tokens, from, i)) continue;
      const byRule = found[end.role];
      let list = byRule.get(end.rule);
      if (!list) byRule.set(end.rule, (list = []));
      list.push([from, i]);
    }
  }
}

/** Whether words first..last are written in capitals as the text has them. */
function isCapitals(text: string, tokens: Tokens, first: number, last: number): boolean {
  const raw = text.slice(tokens.starts[first], tokens.ends[last]);
  return raw === raw.toUpperCase();
}

/** Word range of a text span; spans with no word of their own take the nearest word. */
function wordRange(tokens: Tokens, start: number, end: number): [number, number] {
  if (tokens.count === 0) return [0, 0];
  let a = tokens.firstEndingAfter(start);
  let b = tokens.lastStartingBefore(end);
  if (a >= tokens.count) a = tokens.count - 1;
  if (b < 0) b = 0;
  if (a > b) [a, b] = [b, a];
  return [a, b];
}

/** Whether text offsets `from` and `to` are at most four words apart in one sentence. */
function closeInSentence(tokens: Tokens, from: number, to: number): boolean {
  const a = tokens.lastStartingBefore(from);
  const b = tokens.firstEndingAfter(to);
  if (a < 0 || b >= tokens.count) return false;
  return b - a <= 5 && tokens.sentences[a] === tokens.sentences[b];
}

/** Whether an occurrence stands within `within` words of [a, b] in the same sentence. */
function isClose(tokens: Tokens, a: number, b: number, occ: [number, number], within: number): boolean {
  const [c, d] = occ;
  const gap = c > b ? c - b : a > d ? a - d : 0;
  if (gap > within) return false;
  const s = tokens.sentences;
  return s[c] <= s[b] && s[a] <= s[d];
}

/**
 * A rule's occurrences of its near or unless words, ordered by first word, so that those close
 * to a match are found by binary search instead of by looking at every one of them.
 */
class OccurrenceIndex {
  /** Positions in `list`, by first word and then by position. */
  private readonly order: Int32Array;
  private readonly firsts: Int32Array;
  /** The most words an occurrence spans after its first. */
  private readonly longest: number;

  constructor(readonly list: Array<[number, number]>) {
    const order = Array.from(list.keys()).sort((x, y) => list[x][0] - list[y][0] || x - y);
    this.order = Int32Array.from(order);
    this.firsts = Int32Array.from(order, (k) => list[k][0]);
    let longest = 0;
    for (const [c, d] of list) if (d - c > longest) longest = d - c;
    this.longest = longest;
  }

  /**
   * Calls `visit` with the position in `list` of each occurrence within `within` words of
   * [a, b] in its sentence, until `visit` returns true.
   */
  forEachClose(tokens: Tokens, a: number, b: number, within: number, visit: (k: number) => boolean | void): void {
    // An occurrence that ends `within` words before a starts at most `longest` words earlier.
    const lowest = a - within - this.longest;
    const firsts = this.firsts;
    let lo = 0;
    let hi = firsts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (firsts[mid] < lowest) lo = mid + 1;
      else hi = mid;
    }
    for (let p = lo; p < firsts.length && firsts[p] <= b + within; p++) {
      const k = this.order[p];
      if (isClose(tokens, a, b, this.list[k], within) && visit(k)) return;
    }
  }
}

/**
 * Whether a text offset is in a heading or title: a heading of the draft's markup, a title in
 * its front matter, or, in plain text, a short line of its own without a full stop.
 */
function inHeading(text: string, segments: Segment[], offset: number): boolean {
  const segment = segmentAt(segments, offset);
  if (!segment) return false;
  if (segment.kind === 'heading') return true;
  if (segment.kind === 'table-cell') return isHeaderRow(text, offset);
  if (segment.kind !== 'front-matter' && segment.kind !== 'text') return false;
  let start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  if (segment.kind === 'front-matter') start = Math.max(start, segment.start), end = Math.min(end, segment.end);
  else if (start > 1 && text[start - 2] !== '\n') return false;
  const line = text.slice(start, end).trim();
  return line.length <= 80 && !/[.!?;,]$/.test(line);
}

/** Whether a table cell's line is the table's first row: the line before it (past blank ones) is no row. */
function isHeaderRow(text: string, offset: number): boolean {
  let end = text.lastIndexOf('\n', offset - 1);
  // Bounded: a header row is told from the rows under it by the few lines just above.
  for (let looked = 0; end > 0 && looked < 8; looked++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    if (line.trim() !== '') return !line.includes(' | ');
    end = start - 1;
  }
  return true;
}

/** The segment holding an offset, by binary search (segments are in order and do not overlap). */
function segmentAt(segments: Segment[], offset: number): Segment | undefined {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** Runs every active rule over one document's text in a single pass of its words. */
export function findMatches(
  set: CompiledRuleSet,
  text: string,
  tokens: Tokens,
  active: boolean[],
  parts: DraftParts = { segments: [], images: [] },
  /** What the rules' detectors need (see `CompiledRuleSet.needs`), passed to them as it is. */
  context: Partial<DetectorContext> = {},
): RuleMatch[] {
  // Rules that call one detector with the same options share its result for the draft.
  const detected = new Map<Detector, Map<string, DetectorMatch[]>>();
  const detect = (detector: Detector, options: Record<string, unknown>, key: string): DetectorMatch[] => {
    let byOptions = detected.get(detector);
    if (!byOptions) detected.set(detector, (byOptions = new Map()));
    let found = byOptions.get(key);
    if (!found) {
      found = detector.detect({ text, tokens, segments: parts.segments, images: parts.images, channel: parts.channel }, context as DetectorContext, options);
      byOptions.set(key, found);
    }
    return found;
  };
  const found: Occurrences[] = [new Map(), new Map(), new Map(), new Map()];
  const words = tokens.words;
  const stems = set.hasStemmed ? tokens.stems() : null;
  for (let i = 0; i < tokens.count; i++) {
    walk(set.exact, words, i, found, active, text, tokens);
    if (stems) walk(set.stemmed, stems, i, found, active, text, tokens);
  }

  const matches: RuleMatch[] = [];
  let own: string[] | undefined;
  let passages: Passages | null | undefined;
  for (const compiled of set.rules) {
    const { index, rule } = compiled;
    if (!active[index]) continue;
    // A rule that needs a near word (and not a name) cannot match a text without one, and one
    // that requires a word cannot match without it: skip their patterns and detectors.
    if (rule.near && !rule.near.names && rule.near.words.length > 0 && !found[Role.Near].has(index)) continue;
    if (rule.kind === 'pattern' && rule.requires && !found[Role.Requires].has(index)) continue;
    const spans: Array<[number, number]> = [];
    let spanData: Map<number, Record<string, string>> | undefined;
    if (rule.kind === 'phrase') {
      for (const [a, b] of found[Role.Match].get(index) ?? []) spans.push([tokens.starts[a], tokens.ends[b]]);
    } else if (compiled.regex) {
      const re = compiled.regex;
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text))) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        spans.push([m.index, m.index + m[0].length]);
      }
    } else if (compiled.linear) {
      try {
        spans.push(...linearSpans(compiled.linear, text));
      } catch (error) {
        if (!(error instanceof SlowPatternError)) throw error;
        throw new StoppedRuleError(
          `not checked: rule "${rule.id}" (${rule.file}) took too long on this draft and was stopped; its pattern looks far ahead for each match (as \\w(?:\\w*\\d)? does): make what follows a repeat more specific`,
        );
      }
    } else if (compiled.sequence) {
      passages ??= passagesFor(set, text, tokens, active, context);
      const pieces = passages?.pieces[compiled.sequenceIndex!];
      if (passages && pieces) {
        const names = compiled.sequence.names ? (passages.names ??= nameTokens(passages, detect(compiled.namesDetector!, {}, '{}'))) : null;
        for (const [from, to] of sequenceSpans(compiled.sequence, passages.analysis, names, pieces)) spans.push([passages.toText(from), passages.toText(to - 1) + 1]);
      }
    } else if (compiled.detector && rule.kind === 'detector') {
      for (const m of detect(compiled.detector, rule.options, compiled.detectorKey!)) {
        if (m.end <= m.start) continue;
        if (compiled.where && !compiled.where.every(([field, values]) => values.has(m.data?.[field] ?? ''))) continue;
        if (m.source) {
          // Images are findings in the source as they stand: no words around them to weigh.
          matches.push({ rule: index, start: m.start, end: m.end, source: true, ...(m.data ? { data: m.data } : {}) });
          continue;
        }
        if (m.data) (spanData ??= new Map()).set(m.start, m.data);
        spans.push([m.start, m.end]);
      }
    }
    if (spans.length === 0) continue;
    let near = rule.near ? found[Role.Near].get(index) ?? [] : null;
    if (near && rule.near?.names) {
      // Pupils' names found in the text count as near words.
      near = [...near, ...detect(compiled.namesDetector!, {}, '{}').map((m) => wordRange(tokens, m.start, m.end))];
    }
    if (rule.unless?.official) {
      const names = (own ??= ownNames(context.official?.domains ?? []));
      spans.splice(0, spans.length, ...spans.filter(([s, e]) => !namesOwn(text.slice(s, e), names)));
      if (spans.length === 0) continue;
    }
    if (rule.unless?.headings) {
      spans.splice(0, spans.length, ...spans.filter(([s]) => !inHeading(text, parts.segments, s)));
      if (spans.length === 0) continue;
    }
    if (rule.unless?.names) {
      const pupils = detect(compiled.namesDetector!, {}, '{}').filter((m) => !m.source).sort((x, y) => x.start - y.start);
      spans.splice(0, spans.length, ...spans.filter(([s, e]) => !isNameAt(text, tokens, s, e, context.names, pupils)));
      if (spans.length === 0) continue;
    }
    const unlessFound = rule.unless ? found[Role.Unless].get(index) : undefined;
    const unless = unlessFound ? new OccurrenceIndex(unlessFound) : null;
    const nearIndex = near ? new OccurrenceIndex(near) : null;
    const kept: Array<[number, number]> = [];
    for (const span of spans) {
      if (!near && !unless) {
        kept.push(span);
        continue;
      }
      const [a, b] = wordRange(tokens, span[0], span[1]);
      if (unless) {
        let excepted = false;
        unless.forEachClose(tokens, a, b, rule.unless!.within, () => (excepted = true));
        if (excepted) continue;
      }
      if (nearIndex && near) {
        const distance = ([c, d]: [number, number]) => (c > b ? c - b : a > d ? a - d : 0);
        // The closest; on a tie the word after the match wins (a figure is usually followed by
        // what it measures), the last such one listed, and otherwise the first listed.
        let best = -1;
        let bestDistance = 0;
        nearIndex.forEachClose(tokens, a, b, rule.near!.within, (k) => {
          const o = near![k];
          const d = distance(o);
          if (best < 0 || d < bestDistance) {
            best = k;
            bestDistance = d;
          } else if (d === bestDistance) {
            const after = o[0] > b;
            if (after ? near![best][0] <= b || k > best : near![best][0] <= b && k < best) best = k;
          }
        });
        if (best < 0) continue;
        if (rule.near!.extend) {
          const [c, d] = near[best];
          kept.push([Math.min(span[0], tokens.starts[c]), Math.max(span[1], tokens.ends[d])]);
          continue;
        }
      }
      kept.push(span);
    }
    // Overlapping matches of one rule are one finding; so are a phrase rule's matches a few
    // words apart in one sentence ("diagnosed with a rare form of epilepsy").
    kept.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
    let last: RuleMatch | null = null;
    for (const [s, e] of kept) {
      if (last && (s < last.end || (rule.kind === 'phrase' && closeInSentence(tokens, last.end, s)))) {
        last.end = Math.max(last.end, e);
        continue;
      }
      last = { rule: index, start: s, end: e };
      const data = spanData?.get(s);
      if (data) last.data = data;
      matches.push(last);
    }
  }
  return matches;
}

// Words before a surname: "Mr Cox", "Cllr Dick".
const TITLES = new Set(['mr', 'mrs', 'miss', 'ms', 'mx', 'dr', 'sir', 'dame', 'lord', 'lady', 'prof', 'rev', 'revd', 'cllr', 'coach']);

/**
 * Whether the words at [start, end) are someone's name: a pupil's as the name rules find it, one
 * of the config's allowed names or adults, a word after a title, or a capitalised word where a
 * name stands (inside a sentence, or before another capitalised word: "Dick Whittington").
 */
function isNameAt(text: string, tokens: Tokens, start: number, end: number, names: NameContext | undefined, pupils: DetectorMatch[]): boolean {
  let lo = 0;
  let hi = pupils.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pupils[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  if (lo < pupils.length && pupils[lo].start < end) return true;
  const [a, b] = wordRange(tokens, start, end);
  const key = tokens.words.slice(a, b + 1).join(' ');
  if (names && (names.allow.has(key) || names.adults?.full.has(key) || names.adults?.firsts.has(key))) return true;
  const sameSentence = (k: number) => k >= 0 && k < tokens.count && tokens.sentences[k] === tokens.sentences[a];
  if (sameSentence(a - 1) && TITLES.has(tokens.words[a - 1])) return true;
  if (!/^\p{Lu}\p{Ll}/u.test(text.slice(start, end))) return false;
  if (sameSentence(a - 1)) return true;
  return sameSentence(b + 1) && /^\p{Lu}/u.test(text.charAt(tokens.starts[b + 1]));
}

/** The pieces of a text some sequence rule could match, analysed together, and which rules could. */
interface Passages {
  analysis: Analysis;
  /**
   * For each sequence rule, the pieces (as ranges of the analysed text) that pass its gates, or
   * null when none does: a rule is matched only there.
   */
  pieces: Array<Array<[number, number]> | null>;
  /** Where an offset of the analysed text is in the text. */
  toText(offset: number): number;
  /** Where an offset of the text is in the analysed text; -1 when its piece was left out. */
  fromText(offset: number): number;
  /** 1 for each token of the analysis that is part of a pupil's name, once some rule asks. */
  names?: Uint8Array;
}

/** Which tokens of the analysed passages are part of the pupils' names found in the text. */
function nameTokens(passages: Passages, names: DetectorMatch[]): Uint8Array {
  const { tokens } = passages.analysis;
  const marks = new Uint8Array(tokens.length);
  for (const name of names) {
    if (name.source) continue;
    const start = passages.fromText(name.start);
    if (start < 0) continue;
    const end = start + (name.end - name.start);
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid].end <= start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < tokens.length && tokens[k].start < end; k++) marks[k] = 1;
  }
  return marks;
}

// Between two pieces analysed together: a blank line, which always ends a sentence.
const BETWEEN = '\n\n';

/**
 * The pieces of the text that pass some sequence rule's gates, analysed in one call (the tagger
 * costs more a call than a sentence), or null when none does.
 */
function passagesFor(set: CompiledRuleSet, text: string, tokens: Tokens, active: boolean[], context: Partial<DetectorContext>): Passages | null {
  const pieces = sentencePieces(text);
  const activeSequences = set.rules.filter((c) => c.sequence).map((c) => active[c.index]);
  const passing = set.gates.passing(text, tokens, pieces, activeSequences);
  const byRule: Array<Array<[number, number]> | null> = new Array(set.gates.size).fill(null);
  const kept: Array<[number, number]> = [];
  const starts: number[] = [];
  let length = 0;
  passing.forEach((yes, p) => {
    if (!yes) return;
    const [from, to] = pieces[p];
    yes.forEach((passes, i) => passes && (byRule[i] ??= []).push([length, length + to - from]));
    kept.push(pieces[p]);
    starts.push(length);
    length += to - from + BETWEEN.length;
  });
  if (kept.length === 0) return null;
  if (!context.language) throw new Error('sequence rules need the linguistic layer loaded first (await checker.ready())');
  const froms = kept.map(([from]) => from);
  const analysis = context.language.analyse(kept.map(([from, to]) => text.slice(from, to)).join(BETWEEN));
  return {
    analysis,
    pieces: byRule,
    toText(offset) {
      const piece = lastAtOrBefore(starts, offset);
      return kept[piece][0] + offset - starts[piece];
    },
    fromText(offset) {
      const piece = lastAtOrBefore(froms, offset);
      if (offset < kept[piece][0] || offset >= kept[piece][1]) return -1;
      return starts[piece] + offset - kept[piece][0];
    },
  };
}

/** Whether a check of this text needs the linguistic layer: a sequence rule could match it. */
export function needsLanguage(set: CompiledRuleSet, text: string): boolean {
  if (!set.needs.has('language')) return false;
  return set.gates.passing(text, tokenize(text), sentencePieces(text)).some((yes) => yes !== null);
}
