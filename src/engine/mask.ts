/**
 * Hides most of a personal detail so that a message can say what was found without
 * repeating it (CI logs are often public): letters keep the first of each word, numbers
 * keep their first two and last three digits (short ones their last two). "07812 660 491" -> "07*** *** 491",
 * "Jack Smith" -> "J*** S****".
 */
export function mask(text: string): string {
  const digits = (text.match(/\d/g) ?? []).length;
  // Long numbers keep their first two and last three digits; short ones only their last two.
  const keepHead = digits >= 9 ? 2 : 0;
  const keepTail = digits >= 9 ? 3 : 2;
  let digit = 0;
  let wordStart = true;
  let out = '';
  for (const ch of text) {
    if (/\d/.test(ch)) {
      digit++;
      out += digit <= keepHead || digit > digits - keepTail ? ch : '*';
      wordStart = false;
    } else if (/\p{L}/u.test(ch)) {
      out += wordStart ? ch : '*';
      wordStart = false;
    } else {
      out += ch;
      wordStart = true;
    }
  }
  return out;
}
