import { appendDecodedHtml } from './align.js';
import type { LinkTarget } from './document.js';
import type { SourceTextBuilder } from './source-text.js';

// Targets that are a contact detail themselves: an address to write to or a number to ring, or
// a profile or a chat invite on a social network. Other web addresses are left out of the text.
const CONTACT_SCHEME = /^(?:mailto|tel|sms|callto):/i;
const SOCIAL_LINK =
  /^(?:https?:\/\/)?(?:www\.|m\.)?(?:facebook\.com|fb\.com|instagram\.com|tiktok\.com|x\.com|twitter\.com|snapchat\.com|linkedin\.com|youtube\.com|threads\.net|chat\.whatsapp\.com|wa\.me|t\.me|telegram\.me|discord\.gg|discord\.com)\/[^\s]/i;

/**
 * For a link whose target is an email address or a phone number (`mailto:jo@example.com`,
 * `tel:07700900123`) or a social network's page (`https://instagram.com/jo.h07`), adds the address to the reader text in brackets after the link's words
 * ("email me (jo@example.com)", or before them when the link's end is not in sight), so that the checks see it where the link is, and records the
 * whole target so that a redaction can empty it. `from` and `to` bound the target as written.
 */
export function addContactLinkTarget(
  builder: SourceTextBuilder,
  source: string,
  from: number,
  to: number,
  targets: LinkTarget[],
  html = false,
  /** The link's words come after the address, not before it. */
  beforeWords = false,
): void {
  const target = source.slice(from, to);
  if (SOCIAL_LINK.test(target)) {
    targets.push({ start: from, end: to });
    builder.separator(beforeWords ? '(' : ' (');
    if (html) appendDecodedHtml(builder, source, from, to);
    else builder.verbatim(target, from);
    builder.separator(beforeWords ? ') ' : ')');
    return;
  }
  const scheme = CONTACT_SCHEME.exec(target);
  if (!scheme) return;
  // A query or a fragment is not part of the address; in HTML, "&#64;" is a character, not one.
  const query = target.search(html ? /\?|(?<!&)#/ : /[?#]/);
  const addressEnd = query >= 0 ? from + query : to;
  const addressStart = from + scheme[0].length;
  targets.push({ start: from, end: to });
  if (addressEnd <= addressStart) return;
  builder.separator(beforeWords ? '(' : ' (');
  if (html) appendDecodedHtml(builder, source, addressStart, addressEnd);
  else builder.verbatim(source.slice(addressStart, addressEnd), addressStart);
  builder.separator(beforeWords ? ') ' : ')');
}
