import type { ContactDetail } from './types.js';

const PROFILE = /\b(?:https?:\/\/)?(?:www\.|m\.)?(?:facebook\.com|fb\.com|instagram\.com|tiktok\.com|x\.com|twitter\.com|snapchat\.com\/add|linkedin\.com\/in|youtube\.com|threads\.net)\/(@?[A-Za-z0-9_.-]+)\/?/gi;
const INVITE = /\b(?:https?:\/\/)?(?:chat\.whatsapp\.com|wa\.me|t\.me|telegram\.me|discord\.gg|discord\.com\/invite)\/[A-Za-z0-9_+-]+\/?/gi;
const HANDLE = /(?<![\w@./:])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])/g;
const PLATFORM = String.raw`(?:snap(?:chat)?|insta(?:gram)?|ig|tik\s?tok|twitter|discord|telegram|threads|kik)`;
const NAME = String.raw`@?[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,28}[A-Za-z0-9_])`;
// A user name after a platform's name: "snap: jadeh", "my insta is jade.h", "add me on TikTok jadeh07".
const CUED = new RegExp(
  String.raw`\b(?:${PLATFORM}\s*[:=-]\s*(${NAME})|my\s+${PLATFORM}(?:\s+(?:name|handle|username|account))?\s+(?:is\s+)?(${NAME})|add\s+me\s+on\s+${PLATFORM}\s*[:-]?\s*(${NAME}))`,
  'gi',
);

const bare = (handle: string) => handle.replace(/^@/, '').toLowerCase();

// Words that name a platform: the cued pattern runs only on text that has one.
const PLATFORM_WORDS = new Set(['snap', 'snapchat', 'insta', 'instagram', 'ig', 'tiktok', 'tik', 'twitter', 'discord', 'telegram', 'threads', 'kik']);

// Every platform word starts with one of these letters: most words need no lookup.
const PLATFORM_INITIALS = new Uint8Array(128);
for (const w of PLATFORM_WORDS) PLATFORM_INITIALS[w.charCodeAt(0)] = 1;

/** Whether a word names a platform ("insta", "TikTok"). */
export function namesPlatform(word: string): boolean {
  const c = word.charCodeAt(0);
  return c < 128 && PLATFORM_INITIALS[c] === 1 && PLATFORM_WORDS.has(word);
}

/** Handles, profile and invite links; `platformNamed` says whether any word names a platform. */
export function findSocial(text: string, platformNamed: boolean, officialHandles: string[], officialDomains: string[]): ContactDetail[] {
  const official = new Set(officialHandles.map(bare));
  const found: ContactDetail[] = [];
  const cued = platformNamed ? findCued(text, official) : [];
  if (!text.includes('/')) return [...findHandles(text, official, officialDomains), ...cued];
  for (const m of text.matchAll(PROFILE)) {
    if (official.has(bare(m[1]))) continue;
    found.push({ start: m.index, end: m.index + m[0].length, kind: 'profile', detail: 'social media profile link' });
  }
  for (const m of text.matchAll(INVITE)) {
    const app = /whatsapp|wa\.me/i.test(m[0]) ? 'WhatsApp' : /discord/i.test(m[0]) ? 'Discord' : 'Telegram';
    found.push({ start: m.index, end: m.index + m[0].length, kind: 'invite', detail: `${app} invite link` });
  }
  return [...found, ...findHandles(text, official, officialDomains), ...cued];
}

function findHandles(text: string, official: Set<string>, officialDomains: string[]): ContactDetail[] {
  const found: ContactDetail[] = [];
  if (!text.includes('@')) return found;
  for (const m of text.matchAll(HANDLE)) {
    if (official.has(bare(m[0])) || officialDomains.some((d) => bare(m[0]) === d.toLowerCase())) continue;
    found.push({ start: m.index, end: m.index + m[0].length, kind: 'handle', detail: 'social media handle' });
  }
  return found;
}

function findCued(text: string, official: Set<string>): ContactDetail[] {
  const found: ContactDetail[] = [];
  for (const m of text.matchAll(CUED)) {
    const name = m[1] ?? m[2] ?? m[3];
    // Without @ or a separator, only a name that looks like one (a digit, dot or underscore).
    const separated = /[:=]/.test(m[0]) || name.startsWith('@');
    if (!separated && !/[\d_.]/.test(name)) continue;
    if (official.has(bare(name))) continue;
    const start = m.index + m[0].lastIndexOf(name);
    found.push({ start, end: start + name.length, kind: 'handle', detail: 'social media handle' });
  }
  return found;
}
