// C0 and C1 control characters, DEL, and the Unicode marks that reorder or break lines: in a
// file name or a value they could recolour a terminal, ring its bell, move its cursor, forge a CI
// log line or hide what a message says.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\ufeff\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\ufeff\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** A name or message safe to print: each control character as `\u001b`; newlines kept when asked (for whole messages). */
export function printable(text: string, keepNewlines = false): string {
  return text.replace(keepNewlines ? CONTROL_BUT_NEWLINE : CONTROL, escape);
}

/**
 * Text from a user's file as a message may repeat it: unprintable characters written as
 * escapes (`\u001b`), and at most `max` characters, the rest cut to "…".
 */
export function shownText(value: string, max: number): string {
  const chars = [...value];
  const cut = chars.length > max ? `${chars.slice(0, max).join('')}…` : value;
  return printable(cut);
}

/**
 * The first line of a YAML parser's message without the source text some of them end with
 * ("Unresolved alias …: Jack", "Unresolved tag: !secret"): a file's values can be anything.
 */
export function yamlReason(message: string): string {
  return message.split('\n')[0].replace(/: .*$/, '');
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * A message as a string of one byte a character when it is plain ASCII. A piece cut from a draft
 * that holds any character past Latin-1 (’, –) stays two bytes a character however plain it is,
 * and one such message in a report makes the JSON of the whole report two bytes a character,
 * several times slower to write.
 */
export function compactText(text: string): string {
  return ASCII.test(text) ? Buffer.from(text, 'latin1').toString('latin1') : text;
}
