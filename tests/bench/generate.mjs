// Writes a deterministic corpus of newsletter-sized Markdown posts for the benchmark.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CLASSES = ['Reception', 'Year 1', 'Year 2', 'Year 3', 'Year 4', 'Year 5', 'Year 6', 'Oak Class', 'Willow Class'];
const PLACES = ['the library', 'the science museum', 'the woods', 'the town hall', 'the allotment', 'the swimming pool'];
const NAMES = ['Amelia', 'Oliver', 'Isla', 'Noah', 'Freddie', 'Maryam', 'Theo', 'Zara', 'Harry', 'Poppy', 'Mateusz', 'Aisha'];
const SURNAMES = ['Smith', 'Patel', 'Jones', 'Khan', 'Brown', 'Williams', 'Taylor', 'Nowak', 'Okafor', 'Evans'];
const TOPICS = ['Sports day', 'Harvest festival', 'Book week', 'Science fair', 'Summer fair', 'Class assembly', 'Forest school'];
const SENTENCES = [
  'What a busy week it has been for {class}, who spent Tuesday at {place} learning about local history.',
  'Thank you to all the families who came to our **{topic}** on Friday; the children were proud to show you their work.',
  'Please remember that PE kits should be in school every *Monday* and *Thursday*, clearly labelled.',
  '{class} have been reading [The Owl Who Was Afraid of the Dark](https://example.org/books/owl) and writing their own stories.',
  'The choir gave a wonderful performance at {place}, and we are very grateful to the parents who helped with transport.',
  'Our phonics screening results were the best we have had, and {pct}% of pupils reached the expected standard.',
  'Dinner money for next half term is now due; you can pay online or at the office before Friday.',
  'The football results from the inter-school tournament are on the noticeboard outside {class}.',
  'We are sorry that budget pressures mean the after-school club will move to the hall from next week.',
  'Well done to everyone who took part in the sponsored walk, which raised &pound;{money} for the library.',
  'Reading records should come into school every day so that we can hear your child read at least twice a week.',
  'The nurse will visit on Wednesday for hearing and vision checks in {class}; letters went home last week.',
  'Our new reading den is open at lunchtimes, and {class} have already borrowed more than a hundred books.',
  'Flu vaccinations for Reception to Year 6 take place next Thursday; please return the consent form by Monday.',
  'The PTA would love more volunteers for the {topic}; sign up at the office or email the school address.',
  'Swimming lessons for {class} continue at the leisure centre every Wednesday afternoon until half term.',
  'A reminder that the car park is for staff only; please use the drop-off zone on the main road.',
  'Congratulations to {class} on their fantastic class assembly about the Romans and their roads.',
  'We welcome Mr Adeyemi, who joins us as a teaching assistant in {class} after half term.',
  'Year 3 planted bulbs in the wildlife garden and are keeping a diary of what grows.',
  'School photographs will be taken on Tuesday 14 October; siblings can be photographed together before school.',
  'Please send in any spare jam jars for the {topic}; we will fill them with sweets for the tombola.',
  'Our eco council has asked families to walk or cycle to school on Fridays this term.',
  'The library van visits every other Monday, and children may borrow two books at a time.',
  'Well done to {name} in {class} for a wonderful piece of writing about the seaside.',
  'Star of the week in {class} is {name} {surname}, for kindness to everyone.',
];

function post(rand, i) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const fill = (s) =>
    s
      .replace('{class}', pick(CLASSES))
      .replace('{place}', pick(PLACES))
      .replace('{topic}', pick(TOPICS))
      .replace('{pct}', String(60 + Math.floor(rand() * 40)))
      .replace('{money}', String(100 + Math.floor(rand() * 900)))
      .replace('{name}', pick(NAMES))
      .replace('{surname}', pick(SURNAMES));
  const topic = pick(TOPICS);
  const lines = ['---', `title: "${topic} – week ${(i % 38) + 1}"`, 'channel: official'];
  if (rand() < 0.5) lines.push('images:', `  - src: img/${topic.toLowerCase().replace(/ /g, '-')}-${i}.jpg`, `    alt: ${pick(CLASSES)} at ${topic.toLowerCase()}`);
  lines.push('---', '', `# ${topic}`, '');
  let size = lines.join('\n').length;
  while (size < 1900) {
    const kind = rand();
    let block;
    if (kind < 0.12) block = `## ${pick(TOPICS)}`;
    else if (kind < 0.22) block = [0, 1, 2].map(() => `- ${fill(pick(SENTENCES))}`).join('\n');
    else if (kind < 0.26) block = `![${pick(CLASSES)} enjoying ${pick(TOPICS).toLowerCase()}](img/photo-${i}.jpg "${pick(TOPICS)}")`;
    else block = [0, 1, 2].map(() => fill(pick(SENTENCES))).join(' ');
    lines.push(block, '');
    size += block.length + 2;
  }
  lines.push('Mrs J. Hollis, Headteacher', '');
  return lines.join('\n');
}

/** A roster of `count` invented pupils, deterministic, as CSV. */
export function generateRoster(count) {
  const rand = random(count);
  // The posts' own names first, so that a roster of any size holds pupils the posts name.
  const listed = readFileSync(new URL('../../rules/lexicon/given-names-england-wales.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'));
  const firsts = [...NAMES, 'Jack', 'Ava', 'Leo', 'Mia', 'Arlo', 'Ivy', 'Yusuf', 'Zofia', 'Kayode', 'Nia', 'Rohan', 'Elsie', ...listed];
  // Surnames made up from syllables, so that a large roster has many different ones (22,000).
  const syllables = ['ash', 'ber', 'cott', 'den', 'ford', 'gale', 'ham', 'ley', 'mor', 'ton', 'well', 'wick'];
  const lines = ['first_name,last_name,year_group'];
  for (let i = 0; i < count; i++) {
    const first = firsts[Math.floor(rand() * firsts.length)];
    const last = Array.from({ length: 2 + Math.floor(rand() * 3) }, () => syllables[Math.floor(rand() * syllables.length)]).join('');
    lines.push(`${first},${last[0].toUpperCase()}${last.slice(1)},${1 + Math.floor(rand() * 6)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Makes (or reuses) the corpus folder and returns its path and size in bytes. */
export function generateCorpus(dir, count = 10_000) {
  const marker = join(dir, `.complete-${count}`);
  const rand = random(20250611);
  let bytes = 0;
  const texts = [];
  for (let i = 0; i < count; i++) {
    const text = post(rand, i);
    bytes += Buffer.byteLength(text);
    texts.push(text);
  }
  if (!existsSync(marker)) {
    for (let i = 0; i < count; i++) {
      const sub = join(dir, `term-${Math.floor(i / 1000)}`);
      mkdirSync(sub, { recursive: true });
      writeFileSync(join(sub, `post-${String(i).padStart(5, '0')}.md`), texts[i]);
    }
    writeFileSync(marker, '');
  }
  return { dir, bytes, texts };
}

/**
 * One Markdown draft of about `bytes` bytes: newsletter posts run together under one front
 * matter, written with HTML entities (&amp; &nbsp; &#8217;) as web editors save them, with
 * pupils' names and other findings.
 */
export function generateDraft(bytes) {
  const rand = random(bytes);
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    let text = post(rand, i);
    // The first post's front matter stands for the draft; the others' are left out.
    if (i > 0) text = text.slice(text.indexOf('\n---\n') + 5);
    let n = 0;
    text = text
      .replace(/'/g, '&#8217;')
      .replace(/ (\w+)s (?=[a-z])/g, (m, word) => (n++ % 7 === 0 ? ` ${word}&#8217;s ` : m))
      .replace(/ and /g, (m) => (n++ % 3 === 0 ? ' &amp; ' : m))
      .replace(/\. (?=[A-Z])/g, (m) => (n++ % 4 === 0 ? '.&nbsp; ' : m));
    parts.push(text);
    size += Buffer.byteLength(text) + 1;
  }
  return parts.join('\n');
}
