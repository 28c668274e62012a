import type { ContactDetail } from './types.js';

const PROFILE = /\b(?:https?:\/\/)?(?:www\.|m\.)?(?:facebook\.com|fb\.com|instagram\.com|tiktok\.com|x\.com|twitter\.com|snapchat\.com\/add|linkedin\.com\/in|youtube\.com|threads\.net)\/(@?[A-Za-z0-9_.-]+)\/?/gi;
const INVITE = /\b(?:https?:\/\/)?(?:chat\.whatsapp\.com|wa\.me|t\.me|telegram\.me|discord\.gg|discord\.com\/invite)\/[A-Za-z0-9_+-]+\/?/gi;
const HANDLE = /(?<![\w@./:])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])/g;
// Words after which a user name may follow: a platform's or a gaming network's name, a word for a
// user name, or a verb for connecting ("add", "follow", "dm").
const PLATFORMS = String.raw`snap(?:chat)?|sc|insta(?:gram)?|ig|tik\s?tok|twitter|discord|telegram|threads|kik|xbox|psn|playstation|steam|epic|roblox|fortnite|minecraft|twitch|youtube|yt|bereal|pinterest`;
const NAME_WORDS = String.raw`gamer\s?tag|user\s?name|handle`;
const CUE = String.raw`(?:${PLATFORMS}|${NAME_WORDS}|add|follow|dm)`;
// Words that may stand between the cue and the name: "add me on snap", "my insta name is".
const FILLER = String.raw`(?:me|us|on|my|is|it's|its|as|name|account|id|tag|new|at|her|his|our|their|called|${CUE})`;
// Each word may take "'s" ("my snap's ..."); a Discord name may end in its old "#1234".
const CUED = new RegExp(
  String.raw`\b${CUE}(?:['’]s)?((?:[\s:=(–-]+${FILLER}(?:['’]s)?\b){0,4})([\s:=(–-]+)(@?[A-Za-z_][A-Za-z0-9_.]{1,29}(?:#\d{4})?)(?![\w@/#-]|\.\w)`,
  'gi',
);
// The cues after which a name right after a colon may be any word: "snap: jadeh", "username =
// jadeh". Not a game's or a video site's name: "Minecraft: Tuesdays", "YouTube: our channel".
const ACCOUNT_PLATFORMS = String.raw`snap(?:chat)?|sc|insta(?:gram)?|ig|tik\s?tok|twitter|discord|telegram|threads|kik|xbox|psn`;
const NAMES_ACCOUNT = new RegExp(String.raw`(?:^|[\s:=(–-])(?:${ACCOUNT_PLATFORMS}|${NAME_WORDS})$`, 'i');
// A word in title case after the colon is a heading's words ("Snapchat: Parents' guide").
const TITLE_WORD = /^[A-Z][a-z]+$/;

// Words that start a sentence after "Snap:", not a user name.
const FUNCTION_WORD = /^(?:the|a|an|my|our|your|his|her|their|this|that|these|those|it|its|i|we|you|they|he|she|yes|no|not|and|or|but|so|if|to|of|in|on|at|for|with|is|are|was|be|do|did|just|please|see|what|who|how|when|where|why)$/i;

// A name shaped like a user name: a dot or underscore inside it, or letters with digits.
const SHAPED = /[A-Za-z0-9][._][A-Za-z0-9]|^@|[A-Za-z]{3}.*\d|\d.*[A-Za-z]{3}/;
// Letters and a number that are not a user name: "Year10", "KS2", "Wk3", "covid19".
const NUMBERED_WORD = /^(?:year|yr|y|ks|key|room|rm|class|set|bus|page|pg|p|no|grade|level|lvl|week|wk|term|day|unit|step|mp|covid|group|table|team)\d+$/i;
// The last part of a domain or a file name: "add school.org.uk", "follow map.pdf".
const NOT_A_NAME_END = /\.(?:com|co|uk|org|net|io|gov|ac|sch|edu|info|jpe?g|png|gif|pdf|docx?|pptx?|xlsx?|mp[34]|mov|html?|txt|csv)$/i;
// Two sentences with no space after the stop: "follow instructions.Then".
const RUN_ON = /[a-z]{2}\.[A-Z][a-z]/;

const bare = (handle: string) => handle.replace(/^@/, '').toLowerCase();

// Words that can cue a user name: the cued pattern runs only on text that has one.
const PLATFORM_WORDS = new Set([
  'snap', 'snapchat', 'sc', 'insta', 'instagram', 'ig', 'tiktok', 'tik', 'twitter', 'discord', 'telegram', 'threads', 'kik',
  'xbox', 'psn', 'playstation', 'steam', 'epic', 'roblox', 'fortnite', 'minecraft', 'twitch', 'youtube', 'yt', 'bereal',
  'pinterest', 'gamertag', 'gamer', 'username', 'user', 'handle', 'add', 'follow', 'dm',
]);

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
    if (isDisplayNameTag(text, m.index, m[0])) continue;
    found.push({ start: m.index, end: m.index + m[0].length, kind: 'handle', detail: 'social media handle' });
  }
  return found;
}

// A capitalised name and then a surname or an initial: "@Leanne M thanks". Group chats and
// Facebook tag people by the name they show, which has a space in it and no user name could.
const TAG_FIRST = /^@\p{Lu}\p{Ll}+$/u;
const TAG_SURNAME = /^ \p{Lu}(?:\p{Ll}+|\.)?(?![\p{L}\p{N}_])/u;

function isDisplayNameTag(text: string, at: number, handle: string): boolean {
  return TAG_FIRST.test(handle) && TAG_SURNAME.test(text.slice(at + handle.length, at + handle.length + 40));
}

function findCued(text: string, official: Set<string>): ContactDetail[] {
  const found: ContactDetail[] = [];
  for (const m of text.matchAll(CUED)) {
    const name = m[3].replace(/\.+$/, '');
    const cueAndFillers = m[0].slice(0, m[0].length - m[2].length - m[3].length);
    // A plain word is a name only right after "snap:", "username =": "follow the signs" is not.
    const afterColon = /[:=]/.test(m[2]) && NAMES_ACCOUNT.test(cueAndFillers) && !FUNCTION_WORD.test(name) && !TITLE_WORD.test(name);
    if (!afterColon && !isShapedLikeName(name)) continue;
    if (official.has(bare(name))) continue;
    const start = m.index + m[0].length - m[3].length;
    found.push({ start, end: start + name.length, kind: 'handle', detail: 'social media handle' });
  }
  return found;
}

/** Whether a word looks like a user name rather than an English word, a code or a file. */
export function isShapedLikeName(name: string): boolean {
  const plain = name.replace(/^@/, '');
  if (plain.replace(/[._]/g, '').length < 4) return false;
  if (!SHAPED.test(name) || NUMBERED_WORD.test(plain) || NOT_A_NAME_END.test(plain) || RUN_ON.test(plain)) return false;
  return true;
}
