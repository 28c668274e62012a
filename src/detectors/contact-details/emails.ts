import type { ContactDetail } from './types.js';

const EMAIL = /(?<![\w.+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w@-])/g;

// "jane dot smith at gmail dot com", "jane[at]gmail.com", "jane (at) gmail (dot) com".
const AT = String.raw`\s*(?:\[at\]|\(at\)|\{at\}|<at>)\s*|\s+at\s+`;
const DOT = String.raw`\s*(?:\[dot\]|\(dot\)|\{dot\}|<dot>)\s*|\s+dot\s+|\.`;
const NAME = String.raw`[A-Za-z0-9][A-Za-z0-9_%+-]*`;
const OBFUSCATED = new RegExp(
  String.raw`(?<![\w.@-])${NAME}(?:(?:${DOT})${NAME})*(?:${AT})[A-Za-z0-9-]+(?:(?:${DOT})[A-Za-z0-9-]+)*(?:${DOT})(?:com|org|net|co|uk|edu|gov|ac|sch|me|info|io|ie)(?:(?:${DOT})(?:uk|ie|au|nz))?\b`,
  'gi',
);
// Obfuscated forms need a clear sign of an address: the word "at" alone is everywhere.
const MARKED = /\[at\]|\(at\)|\{at\}|<at>|\bdot\b/i;

/** The domain of an address written plainly or spelt out. */
function domainOf(address: string): string {
  const at = address.search(/@|\[at\]|\(at\)|\{at\}|<at>|\s+at\s+/i);
  return address
    .slice(at)
    .replace(/^@|^\s*(?:\[at\]|\(at\)|\{at\}|<at>)\s*|^\s+at\s+/i, '')
    .replace(/\s*(?:\[dot\]|\(dot\)|\{dot\}|<dot>)\s*|\s+dot\s+/gi, '.')
    .toLowerCase();
}

/** Whether a domain is one of the organisation's, or a subdomain of one. */
export function isOfficialDomain(domain: string, official: string[]): boolean {
  const d = domain.toLowerCase().replace(/\.$/, '');
  return official.some((o) => {
    const base = o.toLowerCase().replace(/^@|^\.|\.$/g, '');
    return d === base || d.endsWith(`.${base}`);
  });
}

export function findEmails(text: string, officialDomains: string[]): ContactDetail[] {
  const found: ContactDetail[] = [];
  const add = (start: number, end: number, address: string) => {
    const official = isOfficialDomain(domainOf(address), officialDomains);
    found.push({
      start,
      end,
      kind: official ? 'school-email' : 'email',
      detail: official ? 'school email address' : 'email address',
    });
  };
  if (text.includes('@')) for (const m of text.matchAll(EMAIL)) add(m.index, m.index + m[0].length, m[0]);
  // The spelt-out pattern is slow and "at" is everywhere: scan only text with a sign of one.
  if (MARKED.test(text)) {
    for (const m of text.matchAll(OBFUSCATED)) {
      if (!MARKED.test(m[0]) || m[0].includes('@')) continue;
      add(m.index, m.index + m[0].length, m[0]);
    }
  }
  return found;
}
