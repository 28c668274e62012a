/*
 * A landline or a street address in a sentence about a shop, a service or an office is theirs,
 * not a person's: "ring the council's schools team on ...", "sold by our supplier, ..., 42 Market
 * Street, telephone ...", "the pharmacy on the corner (...)", "ring them on ... or visit their
 * website". Such details are public; the policy is about people's own.
 */
const ORGANISATION =
  /\b(?:council|pharmacy|chemist|surgery|supplier|suppliers|shop|store|services?|helpline|advice\s*line|library|charity|bank|box\s+office|theatre|cinema|museum|cent(?:re|er)|practice|clinic|hospital|ltd|limited|plc|company|department|agency|business|restaurant|caf[eé]|garage|salon|websites?|opening\s+(?:hours|times)|open\s+(?:from|daily|weekdays|mon|tue|wed|thu|fri|sat|sun|\d))\b/i;
// The writer's own number stays theirs whatever the sentence is about: "call me on".
const OWN_DETAIL = /\b(?:me|my|mine|our\s+(?:home|house|landline|number))\b[^.!?\n]{0,20}$/i;
const SENTENCE_REACH = 160;

// Where a sentence ends: a stop before a space and a capital, a digit or a quote; a line break
// after a short line (a list, a chat) or after a stop. A long line that runs on is wrapped text.
const SENTENCE_END = /[.!?]["'’”)]*\s+(?=[\p{Lu}\p{N}"'‘“(])|\n/gu;
const WRAPPED_LINE = 60;

/** The part of `before` that is in the same sentence as what follows it. */
export function sentenceTail(before: string): string {
  let cut = 0;
  for (const m of before.matchAll(SENTENCE_END)) {
    if (m[0] === '\n') {
      const line = before.slice(before.lastIndexOf('\n', m.index - 1) + 1, m.index).trimEnd();
      const wrapped = line.length >= WRAPPED_LINE && /[\p{L}\p{N},]$/u.test(line);
      if (wrapped) continue;
    }
    cut = m.index + m[0].length;
  }
  return before.slice(cut);
}

function sentenceHead(after: string): string {
  const close = after.search(/[.!?](?:\s|$)|\n/);
  return close >= 0 ? after.slice(0, close) : after;
}

/**
 * Whether the sentence around text[start, end) names an organisation the detail belongs to;
 * `before` only: what follows an address is often another place ("…, or the charity shop").
 */
export function inOrganisationSentence(text: string, start: number, end: number, beforeOnly = false): boolean {
  const before = sentenceTail(text.slice(Math.max(0, start - SENTENCE_REACH), start));
  if (OWN_DETAIL.test(before)) return false;
  if (ORGANISATION.test(before)) return true;
  return !beforeOnly && ORGANISATION.test(sentenceHead(text.slice(end, end + SENTENCE_REACH)));
}
