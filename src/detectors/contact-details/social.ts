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

export function findSocial(text: string, officialHandles: string[], officialDomains: string[]): ContactDetail[] {
  const official = new Set(officialHandles.map(bare));
  const found: ContactDetail[] = [];
  for (const m of text.matchAll(PROFILE)) {
    if (official.has(bare(m[1]))) continue;
    found.push({ start: m.index, end: m.index + m[0].length, kind: 'profile', detail: 'social media profile link' });
  }
  for (const m of text.matchAll(INVITE)) {
    const app = /whatsapp|wa\.me/i.test(m[0]) ? 'WhatsApp' : /discord/i.test(m[0]) ? 'Discord' : 'Telegram';
    found.push({ start: m.index, end: m.index + m[0].length, kind: 'invite', detail: `${app} invite link` });
  }
  if (text.includes('@')) {
    for (const m of text.matchAll(HANDLE)) {
      if (official.has(bare(m[0])) || officialDomains.some((d) => bare(m[0]) === d.toLowerCase())) continue;
      found.push({ start: m.index, end: m.index + m[0].length, kind: 'handle', detail: 'social media handle' });
    }
  }
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
