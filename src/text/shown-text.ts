// Control and format characters (escape codes, bidirectional overrides, zero-width marks), which
// could restyle a terminal or a log page or hide what a message says.
const UNPRINTABLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/**
 * Text from a user's file as a message may repeat it: unprintable characters written as
 * escapes (`\x1b`), and at most `max` characters, the rest cut to "…".
 */
export function shownText(value: string, max: number): string {
  const chars = [...value];
  const cut = chars.length > max ? `${chars.slice(0, max).join('')}…` : value;
  return cut.replace(UNPRINTABLE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/**
 * The first line of a YAML parser's message without the source text some of them end with
 * ("Unresolved alias …: Jack", "Unresolved tag: !secret"): a file's values can be anything.
 */
export function yamlReason(message: string): string {
  return message.split('\n')[0].replace(/: .*$/, '');
}
