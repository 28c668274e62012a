/**
 * Hides a personal detail so that a message can say what was found without repeating it (CI
 * logs are often public). A mask has the same length whatever the length of each word, so it
 * gives away no word's length: names keep each word's initial ("Jack Smith" -> "J. S."), numbers
 * only their last three digits ("07812 660 491" -> "*** 491"), emails the first letter ("j…@…"),
 * handles and links their first character ("@j…", "f…/…"), addresses each word's initial with
 * numbers hidden ("22 Fernlea Close" -> "# F. C."); record numbers and dates of birth not at all ("***").
 *
 * `kind` is what a detector says it found (`phone`, `email`, `handle`, `profile`…); without one,
 * the text's shape decides.
 */
export function mask(text: string, kind?: string): string {
  const shape = shapeOf(text, kind);
  if (shape === 'number') {
    const digits = text.replace(/\D/g, '');
    return digits.length >= 7 ? `*** ${digits.slice(-3)}` : '***';
  }
  if (shape === 'hidden') return '***';
  if (shape === 'email') return `${firstCharacter(text)}…@…`;
  if (shape === 'handle') return `${text.startsWith('@') ? '@' : ''}${firstCharacter(text)}…`;
  if (shape === 'link') return `${firstCharacter(text.replace(/^[a-z]+:\/\/(www\.)?|^www\./i, ''))}…/…`;
  return initials(text);
}

type Shape = 'number' | 'email' | 'handle' | 'link' | 'words' | 'hidden';

// The detectors' kinds that have a mask of their own; names, addresses and the rest are words.
const SHAPE_OF_KIND: Record<string, Shape> = {
  phone: 'number',
  email: 'email',
  'school-email': 'email',
  handle: 'handle',
  profile: 'link',
  invite: 'link',
  // Record numbers and birth dates: no part of them is safe to show.
  'date-of-birth': 'hidden',
  upn: 'hidden',
  'nhs-number': 'hidden',
  'ni-number': 'hidden',
};

function shapeOf(text: string, kind: string | undefined): Shape {
  if (kind && SHAPE_OF_KIND[kind]) return SHAPE_OF_KIND[kind];
  const digits = (text.match(/\d/g) ?? []).length;
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  if (digits >= 7 && digits > letters) return 'number';
  if (/\S@\S/.test(text)) return 'email';
  if (/^@\S/.test(text)) return 'handle';
  if (/:\/\/|^www\.|\/\S/i.test(text)) return 'link';
  return 'words';
}

const firstCharacter = (text: string) => text.match(/[\p{L}\p{N}]/u)?.[0] ?? '';

// Past this many words a mask ends with "…", so that a long match gives a short, fixed mask.
const MOST_INITIALS = 4;

// A character of these scripts is a syllable or a whole word: a Chinese surname is often one.
const WHOLE_SYLLABLES = /[\p{sc=Han}\p{sc=Hangul}\p{sc=Hiragana}\p{sc=Katakana}]/u;

/** Each word's initial and a dot; a word that starts with a digit is "#", with a syllable "*". */
function initials(text: string): string {
  const words = text.split(/[\s,;]+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const shown = words.slice(0, MOST_INITIALS).map((w) => {
    const first = firstCharacter(w);
    if (WHOLE_SYLLABLES.test(first)) return '*.';
    return /\p{N}/u.test(first) ? '#' : `${first}.`;
  });
  if (words.length > MOST_INITIALS) shown.push('…');
  return shown.join(' ') || '…';
}
