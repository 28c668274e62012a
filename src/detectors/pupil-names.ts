import type { Segment } from '../documents/index.js';
import type { NameLexicon } from '../lexicon/names.js';
import type { KnownAdults, RosterIndex } from '../roster/index.js';
import type { Channel } from '../types/channels.js';
import { adultNames, listRuns, type NameAt } from './adult-names.js';
import { defineDetector, type DetectorInput, type DetectorMatch } from './detector.js';

type Kind = 'full' | 'first-initial' | 'initial-surname' | 'initials' | 'surname' | 'first';

// Words around a name that say it is a child's: they let a lower-case or ambiguous name count,
// and a surname alone.
const NAME_BEFORE = new Set(['done', 'congratulations', 'congrats', 'thanks', 'bestie']);
const NAME_NOUN_BEFORE = new Set(['star', 'pupil', 'pupils', 'student', 'students', 'son', 'daughter', 'brother', 'sister', 'friend', 'friends']);
const PUPIL_CONTEXT = new Set(['pupil', 'pupils', 'student', 'students', 'child', 'children', 'class', 'form', 'year', 'reception', 'nursery', 'certificate', 'certificates', 'award', 'star', 'congratulations', 'done', 'aged', 'son', 'daughter', 'captain', 'captains', 'prefect', 'prefects', 'winner', 'winners']);
const PERFORMANCE = new Set(['performance', 'production', 'played', 'playing', 'plays', 'as', 'called', 'performed', 'perform', 'performing', 'musical', 'audition', 'auditions', 'starring', 'staged', 'staging', 'cast']);
const SPAN_KINDS_WITH_IMAGES = new Set(['image-alt', 'image-title', 'caption', 'image-src']);
// A name before one of these is the school's house, class or team, and so is the same word alone.
const WRAPPED_LINE = 40;
const ARTICLES = new Set(['the', 'a', 'an']);
// A year group right after a name: "(Year 3)", "(Y10)", ", Year 9".
const YEAR_AFTER = /^['’]?s?\s*[(,–-]?\s*(?:year|yr|y)\s?\d{1,2}\b/i;
const PLACE_BEFORE = new Set(['in', 'at', 'near', 'via', 'towards', 'outside', 'around', 'across', 'through', 'visit', 'visited', 'visiting', 'into']);
const CONTRACTION = /['’](?:ve|ll|re|m|d)$/i;
// Festivals and history's periods: capitalised, listed as given names, never a pupil here.
const NEVER_NAMES = new Set(['easter', 'christmas', 'diwali', 'eid', 'ramadan', 'hanukkah', 'halloween', 'lent', 'advent', 'pentecost', 'whitsun', 'vaisakhi', 'tudor', 'tudors', 'victorian', 'victorians', 'roman', 'romans', 'viking', 'vikings', 'saxon', 'saxons', 'norman', 'normans', 'stuart', 'stuarts', 'georgian', 'edwardian', 'elizabethan', 'celtic', 'celts',
  // Subjects and languages, written with a capital: "English", "French".
  'english', 'french', 'spanish', 'german', 'italian', 'latin', 'mandarin', 'urdu', 'punjabi', 'polish', 'arabic', 'maths', 'science', 'history', 'geography', 'drama', 'biology', 'chemistry', 'physics', 'computing', 'mubarak', 'harvest', 'spring']);
const TITLE_SMALL_WORDS = new Set(['and', 'of', 'the', 'a', 'an', 'in', 'on', 'to', 'for', 'with', 'at']);
const LOWER_CASE_TITLES = new Set(['mr', 'mrs', 'ms', 'mx', 'dr']);
const UNITS = new Set(['house', 'class', 'team', 'form', 'group']);
const MONTHS = new Set(['may', 'june', 'april', 'august', 'july', 'march', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

const isUpper = (c: number) => (c >= 65 && c <= 90) || (c >= 192 && c <= 222 && c !== 215);

/** The segment holding an offset, by binary search over segments in text order. */
function segmentAt(segments: Segment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].end <= offset) lo = mid + 1;
    else if (segments[mid].start > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/**
 * Pupils' names: with a roster, its pupils' full names, first name and initial, initial and
 * surname, first names alone and surnames in a pupil's context, in any case, with spelling
 * variants that sound alike; without one (and for children missing from it), given names from
 * a lexicon written as names, with a following capitalised word as a surname. Staff with a
 * title, famous people and characters, houses, classes, places and schools, and ordinary words
 * that are also names are left alone. Each match says its `kind` and whether it stands where it
 * identifies a child (`strength`: identifying, beside an image, a caption, a year group or an age).
 */
export const pupilNames = defineDetector({
  needs: ['names'],
  detect: (input, { names }) => {
    if (!names) return [];
    const { tokens } = input;
    // Lines end at LF here, whatever the draft used: CRLF and a lone CR become " \n" and "\n", same length.
    const text = input.text.includes('\r') ? input.text.replace(/\r\n?/g, (end) => (end.length === 2 ? ' \n' : '\n')) : input.text;
    const schools = names.schools ?? [];
    const { roster, lexicon, allow } = names;
    const n = tokens.count;
    // Where each name found so far ends: a list of names looks back at them for every name.
    const foundEnds = new Set<number>();
    const forms = tokens.nameForms();
    const nameWord = (i: number) => forms[i];
    const raw = (i: number) => text.slice(tokens.starts[i], tokens.ends[i]);
    // Where the line holding an offset starts, and where it ends (its LF, or the text's end).
    const lineStart = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
    const lineEnd = (offset: number) => {
      const end = text.indexOf('\n', offset);
      return end < 0 ? text.length : end;
    };
    const capital = (i: number) => isUpper(text.charCodeAt(tokens.starts[i]));
    const gap = (i: number) => text.slice(tokens.ends[i], tokens.starts[i + 1]);
    // Gaps between words, tested without cutting strings: these run for many words.
    const spaced = (i: number) => {
      if (i + 1 >= n || tokens.sentences[i] !== tokens.sentences[i + 1]) return false;
      const from = tokens.ends[i];
      const to = tokens.starts[i + 1];
      if (to <= from) return false;
      let newline = -1;
      for (let k = from; k < to; k++) {
        const c = text.charCodeAt(k);
        if (c === 10 && newline < 0) newline = k;
        else if (c !== 32 && c !== 9 && c !== 13) return false;
      }
      // A paragraph wrapped between a first name and a surname ("… Jack\nSmith"): a long line
      // before the break, not a list of short ones.
      return newline < 0 || newline - lineStart(from) >= WRAPPED_LINE;
    };
    // A year group just after word k ("Tiwa (Year 3)"), or after the next word when it is a capitalised one.
    const yearAfter = (k: number) => YEAR_AFTER.test(text.slice(tokens.ends[k], tokens.ends[k] + 14));
    const yearNear = (k: number) => yearAfter(k) || (spaced(k) && capital(k + 1) && yearAfter(k + 1));
    const hyphened = (i: number) => {
      if (i + 1 >= n || tokens.starts[i + 1] !== tokens.ends[i] + 1) return false;
      const c = text.charCodeAt(tokens.ends[i]);
      return c === 45 || c === 0x2010;
    };
    // A table's cell starts like a sentence ("| Star |").
    const sentenceStart = (i: number) => i === 0 || tokens.sentences[i - 1] !== tokens.sentences[i] || /[\r\n|]/.test(gap(i - 1));
    const isInitial = (i: number) => tokens.ends[i] - tokens.starts[i] === 1 && isUpper(text.charCodeAt(tokens.starts[i]));
    // A word that can be a surname after a first name: not the start of a place or thing ("Grace Road").
    const plausibleSurname = (k: number) => !lexicon.before.has(tokens.words[k]);
    // Inside a proper name that is not a person's: after a capitalised ordinary word mid-sentence
    // ("Checkpoint Charlie", "Rock Hero of the week"), or an all-capitals ordinary word ("PE KIT").
    const partOfProperName = (k: number) => {
      if (k > 0 && spaced(k - 1) && capital(k - 1) && !sentenceStart(k - 1) && !(k > 1 && /[:;("“‘—–]\s*$/.test(gap(k - 2))) && !lexicon.titles.has(tokens.words[k - 1])) {
        const before = nameWord(k - 1);
        if (lexicon.english.has(before) && !lexicon.givenNames.has(before) && !NAME_NOUN_BEFORE.has(tokens.words[k - 1]) && !NAME_BEFORE.has(tokens.words[k - 1])) return true;
      }
      const word = raw(k);
      return word.length > 1 && word === word.toUpperCase() && lexicon.english.has(nameWord(k));
    };
    const isPlace = (words: string) => lexicon.places.has(words) || lexicon.counties.has(words);
    const knownSurname = (k: number) => (roster ? roster.isLast(nameWord(k)) : false) || lexicon.surnames.has(nameWord(k)) || lexicon.commonSurnames.has(nameWord(k));
    const inImageFileName = (k: number) => {
      const s = segmentAt(input.segments, tokens.starts[k]);
      return s >= 0 && input.segments[s].kind === 'image-src';
    };
    // The capitalised words around a name, as letters: inside the school's own name?
    const inOwnName = (from: number, to: number) => {
      let a = from;
      let b = to;
      while (a > 0 && from - a < 3 && spaced(a - 1) && capital(a - 1)) a--;
      while (b + 1 < n && b - to < 3 && spaced(b) && capital(b + 1)) b++;
      let letters = '';
      for (let k = a; k <= b; k++) letters += nameWord(k);
      return schools.some((school) => letters.includes(school) || (letters.length >= 5 && school.includes(letters)));
    };
    // A roster's surname alone, where the text is about a pupil.
    const surnameAlone = (k: number) =>
      !!roster && capital(k) && !sentenceStart(k) && roster.isLast(nameWord(k)) && !lexicon.english.has(nameWord(k)) && !partOfProperName(k) && !(spaced(k) && lexicon.before.has(tokens.words[k + 1])) && within(k, 5, PUPIL_CONTEXT);
    // The line holding a word has no capital letter, and is more than a word or two.
    const allLowerCase = (k: number) => {
      const line = text.slice(lineStart(tokens.starts[k]), lineEnd(tokens.ends[k]));
      return !/\p{Lu}/u.test(line) && (line.match(/\p{L}+/gu)?.length ?? 0) >= 3;
    };
    // A word that is nothing else the lexicon knows: no ordinary word, place, title or thing.
    const unknownWord = (k: number) => {
      const w = nameWord(k);
      return w.length >= 3 && !lexicon.english.has(w) && !isPlace(w) && !lexicon.titles.has(w) && !lexicon.before.has(tokens.words[k]) && !NEVER_NAMES.has(w) && /^\p{Lu}\p{Ll}/u.test(raw(k));
    };
    // A word of the set on the line holding word k, or the line before (initials' full stops end sentences).
    const lineHas = (k: number, set: Set<string>) => {
      const from = lineStart(Math.max(0, lineStart(tokens.starts[k]) - 1));
      const to = lineEnd(tokens.ends[k]);
      for (let j = k; j >= 0 && tokens.starts[j] >= from; j--) if (set.has(tokens.words[j])) return true;
      for (let j = k + 1; j < n && tokens.starts[j] < to; j++) if (set.has(tokens.words[j])) return true;
      return false;
    };
    const within = (i: number, distance: number, set: Set<string>) => {
      for (let k = Math.max(0, i - distance); k <= Math.min(n - 1, i + distance); k++) {
        if (k !== i && tokens.sentences[k] === tokens.sentences[i] && set.has(tokens.words[k])) return true;
      }
      return false;
    };
    // Words that make a word a name: "well done Grace", "me and ruby", "ruby and me", and a name
    // in a list after one already found ("Isla and Joe").
    // A noun before a word makes it a name only when it is written as one: "pupil Grace", not "students may".
    const nameContext = (i: number, last: number) =>
      (i > 0 && (NAME_BEFORE.has(tokens.words[i - 1]) || (capital(i) && NAME_NOUN_BEFORE.has(tokens.words[i - 1])))) ||
      (i > 1 && tokens.words[i - 1] === 'and' && (tokens.words[i - 2] === 'me' || foundEnds.has(tokens.ends[i - 2]))) ||
      (last + 2 < n && tokens.words[last + 1] === 'and' && (tokens.words[last + 2] === 'me' || tokens.words[last + 2] === 'i'));
    const yearOrAge = (i: number) => {
      for (let k = Math.max(0, i - 6); k <= Math.min(n - 1, i + 6); k++) {
        if (tokens.sentences[k] !== tokens.sentences[i]) continue;
        const w = tokens.words[k];
        if ((w === 'year' || w === 'aged' || w === 'age' || w === 'turning' || w === 'turned' || w === 'turns') && k + 1 < n && /^\d/.test(tokens.words[k + 1])) return true;
        if (/^y\d{1,2}$/.test(w) || w === 'reception') return true;
        if (/^\d{1,2}$/.test(w) && k + 1 < n && (tokens.words[k + 1] === 'years' || tokens.words[k + 1] === 'year')) return true;
      }
      return false;
    };
    const strengthAt = (i: number, start: number) => {
      const s = segmentAt(input.segments, start);
      if (s >= 0) {
        if (SPAN_KINDS_WITH_IMAGES.has(input.segments[s].kind)) return 'identifying';
        const prev = input.segments[s - 1];
        const next = input.segments[s + 1];
        if ((prev && prev.kind === 'image-alt') || (next && next.kind === 'image-alt')) return 'identifying';
      }
      return yearOrAge(i) ? 'identifying' : 'plain';
    };

    // The last word of a roster pair whose first name is hyphenated ("Amelia-Rose O'Connor"), or -1.
    const hashedPairAt = (from: number) => {
      for (let len = 3; len >= 2; len--) {
        let joined = nameWord(from);
        let k = from + 1;
        for (; k < from + len && k < n && hyphened(k - 1); k++) joined += nameWord(k);
        if (k !== from + len || !spaced(k - 1)) continue;
        let lastEnd = k;
        let last = nameWord(k);
        while (hyphened(lastEnd) && lastEnd + 1 < n) last += nameWord(++lastEnd);
        if (roster!.pairKind(joined, last) === 'exact') return lastEnd;
      }
      return -1;
    };

    let i = 0;
    // Every name found, with its words, before the draft as a whole says who is an adult.
    const found: Array<NameAt & { match: DetectorMatch; confirmed: boolean; byline: boolean }> = [];
    // Words of names that are not pupils': adults with a title, and (with a roster) people it does not hold.
    const otherPeople = new Set<string>();
    // Houses, classes and teams named in the draft ("Willow House"): the same word alone is the house.
    const units = new Set<string>();
    // Where a famous person's or a character's name starts: a list holding one is a list of characters.
    const characters: NameAt[] = [];
    // A work's title ends at `last` ("Grace and Family" before "by Mary Hoffman"): names found in it are not people.
    const dropWorkTitle = (last: number) => {
      let titleStart = last;
      while (titleStart > 0 && tokens.sentences[titleStart - 1] === tokens.sentences[last] && (capital(titleStart - 1) || TITLE_SMALL_WORDS.has(tokens.words[titleStart - 1])) && !/[,:;]/.test(gap(titleStart - 1))) titleStart--;
      while (found.length && found[found.length - 1].first >= titleStart) found.pop();
    };
    /** `confirmed`: the roster holds this name as written (always false without a roster). */
    const push = (first: number, last: number, kind: Kind, confirmed: boolean, endOffset?: number) => {
      const start = tokens.starts[first];
      let end = endOffset ?? tokens.ends[last];
      // A possessive's 's is not part of the name.
      const tail = text.slice(end - 2, end);
      if (endOffset === undefined && (tail === "'s" || tail === '’s')) end -= 2;
      const strength = kind === 'first' || kind === 'surname' ? strengthAt(first, start) : 'identifying';
      // A hashed roster holds full names only: it cannot say whether a first name alone is a pupil's.
      const source = !roster || (roster.isHashed && kind === 'first') ? 'lexicon' : confirmed ? 'roster' : 'not-on-roster';
      const match = { start, end, data: { kind, strength, source } };
      const at = segmentAt(input.segments, start);
      found.push({ first, last, match, confirmed, byline: at >= 0 && input.segments[at].kind === 'byline' });
      foundEnds.add(end);
      i = last + 1;
    };

    const { givenNames } = lexicon;
    const starts = tokens.starts;
    while (i < n) {
      // Most words are neither capitalised nor a name in any case: pass them by quickly.
      if (!isUpper(text.charCodeAt(starts[i])) && !givenNames.has(forms[i]) && !(roster && roster.isFirst(forms[i])) && !LOWER_CASE_TITLES.has(tokens.words[i])) {
        i++;
        continue;
      }
      const w = tokens.words[i];
      // Staff and other adults with a title, and saints: skip the title's name.
      if (lexicon.titles.has(w) && (spaced(i) || /^\.\s$/.test(i + 1 < n ? gap(i) : ''))) {
        // In lower-case chat the name after "mr", "mrs", "ms", "mx" or "dr" is not capitalised either ("mrs bradley").
        const anyCase = !capital(i) && LOWER_CASE_TITLES.has(w) && i + 1 < n && !capital(i + 1) && !lexicon.english.has(nameWord(i + 1));
        if (anyCase) otherPeople.add(nameWord(i + 1));
        i += anyCase ? 2 : 1;
        while (i < n && (capital(i) || isInitial(i)) && i > 0 && /^[ \t.]+$/.test(gap(i - 1))) {
          if (!isInitial(i)) otherPeople.add(nameWord(i));
          i++;
        }
        continue;
      }
      // Famous people and characters by their whole names.
      let famous = 0;
      for (let len = 3; len >= 2 && !famous && lexicon.famousFirstWords.has(nameWord(i)); len--) {
        if (i + len > n) continue;
        const words = [];
        for (let k = i; k < i + len; k++) words.push(nameWord(k));
        if (lexicon.famous.has(words.join(' '))) famous = len;
      }
      if (famous) {
        characters.push({ first: i, last: i + famous - 1 });
        i += famous;
        continue;
      }

      // Initials alone where the text is about pupils ("Captains: T. P. and L. K."), not an
      // author's before a surname ("J. K. Rowling").
      if (isInitial(i) && i + 1 < n && isInitial(i + 1) && /^\.[ \t]*$/.test(gap(i)) && text[tokens.ends[i + 1]] === '.' && !(i + 2 < n && capital(i + 2) && !isInitial(i + 2) && /^\.[ \t]+$/.test(gap(i + 1))) && lineHas(i, PUPIL_CONTEXT)) {
        push(i, i + 1, 'initials', false, tokens.ends[i + 1] + 1);
        continue;
      }
      // An initial and a surname ("J. Smith"), with a roster only.
      if (roster && isInitial(i) && i + 1 < n && /^\.?[ \t]+$/.test(gap(i))) {
        const last = nameWord(i + 1);
        if (roster.isInitialAndLast(w, last)) {
          push(i, i + 1, 'initial-surname', true);
          continue;
        }
      }

      // A hashed roster holds full names only, so a hyphenated first name is known by its pair.
      if (roster?.isHashed && hyphened(i)) {
        const pairEnd = hashedPairAt(i);
        if (pairEnd > 0) {
          push(i, pairEnd, 'full', true);
          continue;
        }
      }

      // An author after a work's capitalised title, whatever the name: "The Boy at the Back of the Class by Onjali Q. Raúf".
      if (i > 1 && tokens.words[i - 1] === 'by' && spaced(i - 1) && capital(i - 2) && !foundEnds.has(tokens.ends[i - 2]) && !(roster && roster.isFirst(nameWord(i)))) {
        dropWorkTitle(i - 2);
        while (i < n && (capital(i) || isInitial(i)) && spaced(i - 1) && !/[,;:]/.test(gap(i - 1))) i++;
        continue;
      }
      // A roster's surname that is also someone's given name ("Hussain"), alone where the text is about a pupil.
      if (roster && !roster.isFirst(nameWord(i)) && !(spaced(i) && capital(i + 1)) && surnameAlone(i)) {
        push(i, i, 'surname', true);
        continue;
      }
      // The longest first name starting here: hyphenated parts joined ("Eva-Grace").
      let firstEnd = -1;
      let inRoster = false;
      for (let len = hyphened(i) ? 3 : 1; len >= 1; len--) {
        if (i + len > n) continue;
        let joined = nameWord(i);
        let ok = true;
        for (let k = i + 1; k < i + len; k++) {
          if (!hyphened(k - 1)) ok = false;
          joined += nameWord(k);
        }
        if (!ok) continue;
        if (roster && roster.isFirst(joined)) {
          firstEnd = i + len - 1;
          inRoster = true;
          break;
        }
        // A hyphenated first name of given names is one name ("Kelly-Anne"), on the roster or not;
        // in a file name hyphens part words ("sami-poppy-potions.jpg").
        if (len > 1 && !inImageFileName(i)) {
          let given = true;
          for (let k = i; k < i + len; k++) if (!lexicon.givenNames.has(nameWord(k)) && !(roster && roster.isFirst(nameWord(k)))) given = false;
          if (given) {
            firstEnd = i + len - 1;
            break;
          }
        }
        if (len === 1 && lexicon.givenNames.has(joined)) {
          firstEnd = i;
          // A given name may still be a roster name spelt another way ("Katy" for Katie).
          inRoster = !!roster && capital(i) && !sentenceStart(i) && joined.length >= 4 && roster.firstVariant(joined);
          break;
        }
        // A spelling variant of a roster name ("Katy"): written as a name inside a sentence, long
        // enough to judge, and not an ordinary word ("The" sounds like "Theo").
        if (len === 1 && roster && capital(i) && !sentenceStart(i) && joined.length >= 4 && !lexicon.english.has(joined) && roster.firstVariant(joined)) {
          firstEnd = i;
          inRoster = true;
          break;
        }
      }

      // A roster's first name of two words ("Hui Min").
      if (firstEnd >= 0 && inRoster && spaced(firstEnd) && capital(firstEnd + 1) && roster!.isFirst(nameWord(i) + nameWord(firstEnd + 1)) && firstEnd === i) firstEnd++;
      if (firstEnd < 0) {
        // A pair that sounds like a pupil's though the first name is spelt unlike any ("Jak Smith").
        if (roster && capital(i) && spaced(i) && capital(i + 1) && plausibleSurname(i + 1)) {
          const kind = roster.pairKind(nameWord(i), nameWord(i + 1));
          if (kind) {
            push(i, i + 1, 'full', true);
            continue;
          }
        }
        if (surnameAlone(i)) {
          push(i, i, 'surname', true);
          continue;
        }
        // A name no list knows, written as one before a year group: "Tiwa (Year 3)", "Ffion Rhys, Y10".
        // The year group is looked for before the lexicon: it is rare, and the lexicon's tests are not.
        if (!roster && capital(i) && !isInitial(i) && yearNear(i) && unknownWord(i) && !(i > 0 && ARTICLES.has(tokens.words[i - 1]))) {
          const two = spaced(i) && capital(i + 1) && unknownWord(i + 1) ? i + 1 : i;
          if (yearAfter(two)) {
            push(i, two, two > i ? 'full' : 'first', false);
            continue;
          }
        }
        i++;
        continue;
      }

      let first = nameWord(i);
      for (let k = i + 1; k <= firstEnd; k++) first += nameWord(k);
      const cap = capital(i);
      // Two capitals are initials or an abbreviation ("LC", "PE"), not a name.
      if (firstEnd === i && /^\p{Lu}{2}$/u.test(raw(i))) {
        i++;
        continue;
      }
      // Contractions are words, not names ("I've", "I'll").
      if (CONTRACTION.test(raw(firstEnd)) || NEVER_NAMES.has(first)) {
        i = firstEnd + 1;
        continue;
      }
      // The school's own name and its namesake: "Kestrel Fields Weekly" of kestrelfields-primary.org.uk.
      if (cap && schools.length && inOwnName(i, firstEnd)) {
        i = firstEnd + 1;
        continue;
      }
      const segment = segmentAt(input.segments, tokens.starts[i]);
      const segmentKind = segment >= 0 ? input.segments[segment].kind : 'text';
      const inFileName = segmentKind === 'image-src';
      // Part of an email address or a link ("mia.parkers.mum@…"), except an image's file name.
      const before1 = text[tokens.starts[i] - 1] ?? ' ';
      const after1 = text[tokens.ends[firstEnd]] ?? ' ';
      const after2 = text[tokens.ends[firstEnd] + 1] ?? ' ';
      if (!inFileName && (/[@./_]/.test(before1) || (/[@._]/.test(after1) && /\w/.test(after2)))) {
        i = firstEnd + 1;
        continue;
      }
      // A spelt-out address: "bartek dot plays at gmail dot com".
      if (spaced(firstEnd) && (tokens.words[firstEnd + 1] === 'dot' || tokens.words[firstEnd + 1] === 'underscore')) {
        i = firstEnd + 1;
        continue;
      }
      // Words of a file name are joined by hyphens, underscores or dots ("jack-smith-y6").
      const nameGap = (k: number) => spaced(k) || (inFileName && k + 1 < n && /^[-_.]$/.test(gap(k)));

      // The roster's own pairs count in any case and any context.
      let lastEnd = -1;
      let last = '';
      if (nameGap(firstEnd)) {
        lastEnd = firstEnd + 1;
        while (hyphened(lastEnd) && lastEnd + 1 < n && !inFileName) lastEnd++;
        const lastWords = [];
        for (let k = firstEnd + 1; k <= lastEnd; k++) lastWords.push(nameWord(k));
        last = lastWords.join('');
        const kind = roster ? (roster.pairKind(first, last) ?? roster.pairKind(first, lastWords[lastWords.length - 1])) : null;
        // A surname of two words ("Althea Dela Cruz").
        // A school, house, place or prize named after someone: "James Bradfield School", "Amir Hussain House".
        if (kind && spaced(lastEnd) && capital(lastEnd + 1) && lexicon.before.has(tokens.words[lastEnd + 1])) {
          i = lastEnd + 2;
          continue;
        }
        if (roster && kind !== 'exact' && spaced(lastEnd) && roster.pairKind(first, last + nameWord(lastEnd + 1)) === 'exact') {
          push(i, lastEnd + 1, 'full', true);
          continue;
        }
        // A pair that only sounds like a pupil's must be written as a name.
        if (kind === 'exact' || (kind === 'sounds' && cap && capital(firstEnd + 1) && plausibleSurname(firstEnd + 1))) {
          if (allow.has(`${first} ${last}`)) i = lastEnd + 1;
          else push(i, lastEnd, 'full', true);
          continue;
        }
      }

      // "Class Oak", "House Willow": the house or class, here and alone elsewhere.
      if (cap && i > 0 && spaced(i - 1) && UNITS.has(tokens.words[i - 1]) && capital(i - 1)) {
        units.add(first);
        i = firstEnd + 1;
        continue;
      }
      // Houses, classes, schools, places and streets named after people (not "Molly's fund").
      const possessive = /['’]s$/.test(raw(firstEnd));
      // A business or a charity named after someone: "Harcourt & Sons", "Winston's Wish".
      const business = /^\s*&\s*(?:sons|daughters|co|partners|family)\b/i.test(text.slice(tokens.ends[firstEnd], tokens.ends[firstEnd] + 14));
      const namedThing = possessive && spaced(firstEnd) && capital(firstEnd + 1) && !sentenceStart(firstEnd + 1) && lexicon.english.has(nameWord(firstEnd + 1)) && !lexicon.givenNames.has(nameWord(firstEnd + 1));
      if (business || namedThing) {
        i = firstEnd + 1;
        continue;
      }
      if ((!possessive || capital(firstEnd + 1)) && spaced(firstEnd) && lexicon.before.has(tokens.words[firstEnd + 1])) {
        if (UNITS.has(tokens.words[firstEnd + 1])) units.add(first);
        i = firstEnd + 2;
        continue;
      }
      // Roles and titles of plays and books: "a performance of Oliver!", "Isla played Mary",
      // "the Gruffalo", "Matilda by Roald Dahl".
      const before = (k: number) => (i - k >= 0 && tokens.sentences[i - k] === tokens.sentences[i] ? tokens.words[i - k] : '');
      const determiner = (w: string) => w === 'the' || w === 'a';
      const performed = PERFORMANCE.has(before(1)) || (before(1) === 'of' && PERFORMANCE.has(before(2)));
      const role =
        performed ||
        determiner(before(1)) ||
        (determiner(before(2)) && lexicon.characters.has(first)) ||
        (spaced(firstEnd) && tokens.words[firstEnd + 1] === 'by' && firstEnd + 2 < n && capital(firstEnd + 2));
      const firstIndex = i;
      // A title on its own: "Oliver!" of a musical.
      const exclaimed = text[tokens.ends[firstEnd]] === '!' && lexicon.characters.has(first);
      // An author after a work's capitalised title: "Owl Babies by Martin Waddell", "Stormbreaker by Anthony Horowitz".
      const author = before(1) === 'by' && i > 1 && capital(i - 2) && !foundEnds.has(tokens.ends[i - 2]);
      if (exclaimed || author || (role && (lexicon.characters.has(first) || !inRoster))) {
        // The same word alone elsewhere in the draft is the work or its character.
        if (exclaimed || lexicon.characters.has(first)) units.add(first);
        if (performed || exclaimed || lexicon.characters.has(first)) characters.push({ first: firstIndex, last: firstEnd });
        i = firstEnd + 1;
        if (author) {
          // The author's surname, and the names in the work's title before "by" ("Grace and Family by Mary Hoffman").
          while (i < n && capital(i) && spaced(i - 1)) i++;
          dropWorkTitle(firstIndex - 2);
        }
        continue;
      }
      if (cap && partOfProperName(i)) {
        i = firstEnd + 1;
        continue;
      }
      // Places: a name and the word after it that together are one ("Sutton Coldfield", "Kirby
      // Muxloe"), or a place after "in", "at", "near"… ("lunch by the river in Hope", "in France").
      if (cap && spaced(firstEnd) && capital(firstEnd + 1) && isPlace(`${nameWord(i)} ${nameWord(firstEnd + 1)}`)) {
        i = firstEnd + 2;
        continue;
      }
      if (cap && i > 0 && spaced(i - 1) && PLACE_BEFORE.has(tokens.words[i - 1]) && isPlace(first) && !(spaced(firstEnd) && capital(firstEnd + 1) && knownSurname(firstEnd + 1))) {
        i = firstEnd + 1;
        continue;
      }
      // Months beside a number are dates: "14 May", "June 3".
      if (MONTHS.has(first) && ((i > 0 && /^\d/.test(tokens.words[i - 1])) || (firstEnd + 1 < n && /^\d/.test(tokens.words[firstEnd + 1])))) {
        i = firstEnd + 1;
        continue;
      }
      const common = lexicon.commonWords.has(first);
      // A byline holds names only: "author: Grace".
      const context = nameContext(i, firstEnd) || (inFileName && !common) || segmentKind === 'byline';
      // Months are months unless plainly names ("well done June"); an ordinary word after a
      // capitalised one ends a proper name ("Hollybush Lane").
      if ((MONTHS.has(first) && !context) || (common && !context && i > 0 && spaced(i - 1) && capital(i - 1) && !sentenceStart(i - 1))) {
        i = firstEnd + 1;
        continue;
      }
      // Captions and alt text often start with a name.
      const opensSentence = sentenceStart(i) && segmentKind !== 'image-alt' && segmentKind !== 'caption' && segmentKind !== 'image-title' && segmentKind !== 'byline';
      if (!cap) {
        // In lower case, a roster name counts unless it is also an ordinary word; a lexicon name
        // only with a name's context ("me and maddie").
        const ordinary = common || lexicon.english.has(first);
        // In a line written all in lower case (a chat), a given name that is no ordinary word is a name: "me n maya".
        const lowerLine = !ordinary && first.length >= 3 && !MONTHS.has(first) && allLowerCase(i);
        if (!(inRoster && (!ordinary || context)) && !(!inRoster && (context || lowerLine))) {
          i = firstEnd + 1;
          continue;
        }
      } else if (common && opensSentence && !context && !(spaced(firstEnd) && capital(firstEnd + 1) && !lexicon.before.has(tokens.words[firstEnd + 1]))) {
        // "Will you help?" is not a name; "Grace Hill, our office manager" is.
        i = firstEnd + 1;
        continue;
      } else if (common && !context && spaced(firstEnd) && capital(firstEnd + 1) && !isInitial(firstEnd + 1) && lexicon.english.has(nameWord(firstEnd + 1)) && !knownSurname(firstEnd + 1)) {
        // A word-name before a capitalised ordinary word is a title: "The Summer Reading Challenge".
        i = firstEnd + 2;
        continue;
      }

      // First name and initial ("Jack S.", "Chloe M", "Chloe M's").
      const initialPossessive = spaced(firstEnd) && /^\p{Lu}['’]s$/u.test(raw(firstEnd + 1));
      // "Easter I want…": the pronoun, not an initial, unless a full stop says so.
      const pronoun = raw(firstEnd + 1) === 'I' && text[tokens.ends[firstEnd + 1]] !== '.';
      if (spaced(firstEnd) && (isInitial(firstEnd + 1) || initialPossessive) && !pronoun) {
        const initial = tokens.words[firstEnd + 1][0];
        const after = initialPossessive ? tokens.starts[firstEnd + 1] + 1 : tokens.ends[firstEnd + 1];
        const dot = text[after] === '.' ? 1 : 0;
        if ((!roster || roster.isFirstAndInitial(first, initial) || !inRoster) && !allow.has(first)) {
          push(i, firstEnd + 1, 'first-initial', !!roster && inRoster && roster.isFirstAndInitial(first, initial), after + dot);
          continue;
        }
      }
      // A given name and a capitalised word after it: a surname.
      if (spaced(firstEnd) && cap) {
        const surname = raw(firstEnd + 1);
        const looksLikeSurname =
          capital(firstEnd + 1) &&
          !lexicon.before.has(tokens.words[firstEnd + 1]) &&
          !lexicon.titles.has(tokens.words[firstEnd + 1]) &&
          !lexicon.commonWords.has(last) &&
          /^[\p{Lu}][\p{Ll}'’]+$/u.test(surname);
        // "the first Alex Rider book", "four Lee Child books": a series or an author, not a person here.
        const thingAfter = spaced(lastEnd) && lexicon.before.has(tokens.words[lastEnd + 1]);
        if (looksLikeSurname && thingAfter) {
          i = lastEnd + 2;
          continue;
        }
        if (looksLikeSurname) {
          if (allow.has(`${first} ${last}`) || allow.has(first)) i = lastEnd + 1;
          else push(i, lastEnd, 'full', false);
          continue;
        }
      }
      if (allow.has(first)) {
        i = firstEnd + 1;
        continue;
      }
      push(i, firstEnd, 'first', inRoster);
    }
    return decide(found, { text, tokens, lexicon, adults: names.adults, roster, otherPeople, units, characters, hasRoster: !!roster, nameWord, channel: input.channel });
  },
});

/**
 * What the draft as a whole says of the names found: adults by their roles (and the same names
 * elsewhere), and a name alone that is a house, an adult or (with a roster) a person it does not
 * hold, named in full elsewhere in the draft.
 */
function decide(
  names: Array<NameAt & { match: DetectorMatch; confirmed: boolean; byline: boolean }>,
  draft: { text: string; tokens: DetectorInput['tokens']; lexicon: NameLexicon; adults?: KnownAdults; roster: RosterIndex | null; otherPeople: Set<string>; units: Set<string>; characters: NameAt[]; hasRoster: boolean; nameWord: (i: number) => string; channel?: Channel },
): DetectorMatch[] {
  const { otherPeople, units, nameWord } = draft;
  const adults = adultNames(draft.text, draft.tokens, draft.lexicon, names, draft.channel);
  // The writer of a member of staff's or a parent's post is that adult.
  if (draft.channel === 'staff-personal' || draft.channel === 'parent') names.forEach((name, n) => name.byline && adults.add(n));
  // A cast list's lines: "Mary: Ava-Rose" (a role, then only the names of who plays it).
  names.forEach((name, n) => {
    const next = names[n + 1];
    if (!next) return;
    const between = draft.text.slice(draft.tokens.ends[name.last], draft.tokens.starts[next.first]);
    if (!/^[ \t*_]*:[ \t*_]*$/.test(between)) return;
    const lineEnd = draft.text.indexOf('\n', draft.tokens.ends[next.last]);
    let rest = draft.text.slice(draft.tokens.ends[next.last], lineEnd < 0 ? draft.text.length : lineEnd);
    for (let m = n + 2; m < names.length && draft.tokens.starts[names[m].first] < (lineEnd < 0 ? draft.text.length : lineEnd); m++) {
      rest = rest.replace(draft.text.slice(draft.tokens.starts[names[m].first], draft.tokens.ends[names[m].last]), '');
    }
    if (/^[\s,.&*_]*(?:(?:and|&)[\s,.*_]*)*$/.test(rest) && !name.confirmed) {
      adults.add(n);
      units.add(nameWord(name.first));
    }
  });
  // A list holding a character or a famous person is a cast list: "Oliver Twist, the Artful Dodger, Nancy, Fagin".
  if (draft.characters.length) {
    const all = [...names.map((name, n) => ({ ...name, n })), ...draft.characters.map((c) => ({ ...c, n: -1, confirmed: false, byline: false }))].sort((a, b) => a.first - b.first);
    const runs = listRuns(draft.text, draft.tokens, all);
    const castRuns = new Set(all.flatMap((item, k) => (item.n < 0 ? [runs[k]] : [])));
    all.forEach((item, k) => {
      if (item.n >= 0 && castRuns.has(runs[k]) && !(item.confirmed && item.last > item.first)) {
        adults.add(item.n);
        units.add(nameWord(item.first));
      }
    });
  }
  // The roster's own full names are pupils', whatever the words around them ("Chair: Niamh O'Connell" of a school council).
  names.forEach((name, n) => {
    if (name.confirmed && name.last > name.first) adults.delete(n);
  });
  // The school's adults as the config lists them; a first name alone only where no pupil has it.
  const known = draft.adults;
  if (known && (known.full.size || known.firsts.size)) {
    names.forEach((name, n) => {
      const first = nameWord(name.first);
      if (name.last > name.first) {
        let rest = '';
        for (let k = name.first + 1; k <= name.last; k++) rest += nameWord(k);
        if (known.full.has(`${first} ${rest}`) && !name.confirmed) adults.add(n);
      } else if (known.firsts.has(first) && !draft.roster?.isFirst(first)) adults.add(n);
    });
  }
  // First names the roster confirms in full somewhere in the draft: their lone mentions stay pupils.
  const pupilFirsts = new Set<string>();
  names.forEach((name, n) => {
    const whole = name.last > name.first;
    if (adults.has(n) || (draft.hasRoster && whole && !name.confirmed)) {
      for (let k = name.first; k <= name.last; k++) otherPeople.add(nameWord(k));
    } else if (whole && name.confirmed) pupilFirsts.add(nameWord(name.first));
  });
  const found: DetectorMatch[] = [];
  names.forEach((name, n) => {
    if (adults.has(n)) return;
    const kind = name.match.data!.kind;
    if (kind === 'first' || kind === 'surname') {
      const word = nameWord(name.first);
      if (units.has(word) || (otherPeople.has(word) && !pupilFirsts.has(word))) return;
    }
    found.push(name.match);
  });
  return found;
}
