import { join } from 'node:path';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/documents/markdown.js';
import { parseText } from '../../src/documents/text.js';
import { checkDocument } from '../../src/engine/check-document.js';
import { compileRules } from '../../src/engine/compile.js';
import { mask } from '../../src/engine/mask.js';
import { tokenize } from '../../src/text/tokens.js';
import { loadRuleFile } from '../../src/rules/load.js';
import type { Channel } from '../../src/rules/schema.js';
import { tempFolder } from '../helpers/temp.js';

function ruleSet(yaml: string) {
  const dir = tempFolder({ 'rule.yaml': yaml });
  return compileRules([loadRuleFile(join(dir, 'rule.yaml'))]);
}

const head = (extra = '') => `id: test-rule
category: sensitive-topic
severity: { default: error, official: warning }
clause: 6(e)
message: 'Found "{{match}}"'
suggestion: Remove it
quote: true
${extra}`;

const spans = (text: string, yaml: string, channel: Channel = 'parent') =>
  checkDocument(parseText(text), ruleSet(yaml), { channel }).map((f) => text.slice(f.column - 1, f.endColumn - 1));

describe('phrase rules', () => {
  it('match on word boundaries, in any case, with curly or straight apostrophes', () => {
    const yaml = head('kind: phrase\nphrases: [budget cuts, "head\'s decision"]');
    expect(spans('BUDGET CUTS again. The head’s decision stands. Budget cutsss.', yaml)).toEqual(['BUDGET CUTS', 'head’s decision']);
  });

  it('match word forms when stemmed', () => {
    const yaml = head('kind: phrase\nstem: true\nphrases: [inspection]');
    expect(spans('We were inspected. The inspections went well.', yaml)).toEqual(['inspected', 'inspections']);
    const exact = head('kind: phrase\nphrases: [inspection]');
    expect(spans('We were inspected.', exact)).toEqual([]);
  });

  it('take the longest of overlapping phrases as one finding', () => {
    const yaml = head('kind: phrase\nphrases: [exam results, results day, exam]');
    expect(spans('On exam results day we celebrate.', yaml)).toEqual(['exam results day']);
  });
});

describe('pattern rules', () => {
  it('run all patterns of a rule and report each match', () => {
    const yaml = head("kind: pattern\npatterns: ['\\bgrade [4-9]\\b', 'A\\*']");
    expect(spans('She got grade 9 in maths and an A* in art, grade 3 elsewhere.', yaml)).toEqual(['grade 9', 'A*']);
  });

  it('are case-insensitive unless told', () => {
    const yaml = head("kind: pattern\ncase-sensitive: true\npatterns: ['SATs']");
    expect(spans('sats SATs', yaml)).toEqual(['SATs']);
  });
});

describe('near and unless', () => {
  const yaml = head(`kind: phrase
phrases: [outstanding]
near: { words: [Ofsted, inspectors], within: 5 }
unless: { phrases: [outstanding balance], within: 0 }`);

  it('near keeps a match only with a near word within N words in the same sentence', () => {
    expect(spans('Ofsted said we are outstanding.', yaml)).toEqual(['outstanding']);
    expect(spans('An outstanding concert.', yaml)).toEqual([]);
    expect(spans('Ofsted came. We had an outstanding concert.', yaml)).toEqual([]);
    expect(spans('Ofsted one two three four five six seven outstanding.', yaml)).toEqual([]);
  });

  it('unless cancels a match it overlaps or stands near', () => {
    expect(spans('Ofsted asked about the outstanding balance.', yaml)).toEqual([]);
    const within = head('kind: phrase\nphrases: [excluded]\nunless: { phrases: [no child], within: 3 }');
    expect(spans('No child will be excluded. Tom was excluded.', within)).toEqual(['excluded']);
  });

  it('extend stretches the finding to the near word', () => {
    const ext = head(`kind: detector
detector: figures
near: { words: [expected standard], within: 10, extend: true }`);
    expect(spans('Well done: 84% of pupils reached the expected standard!', ext)).toEqual(['84% of pupils reached the expected standard']);
  });
});

describe('findings', () => {
  const yaml = head('kind: phrase\nphrases: [deficit]\nchannels: [official, parent]');

  it('use the severity for the channel and skip channels the rule does not cover', () => {
    const run = (channel: Channel) => checkDocument(parseText('A deficit.'), ruleSet(yaml), { channel });
    expect(run('official')[0].severity).toBe('warning');
    expect(run('parent')[0].severity).toBe('error');
    expect(run('pupil')).toEqual([]);
  });

  it('follow config overrides: off or another severity', () => {
    const set = ruleSet(yaml);
    expect(checkDocument(parseText('A deficit.'), set, { channel: 'parent', overrides: { 'test-rule': 'off' } })).toEqual([]);
    expect(checkDocument(parseText('A deficit.'), set, { channel: 'parent', overrides: { 'test-rule': 'info' } })[0].severity).toBe('info');
  });

  it('carry the clause, message and exact positions', () => {
    const [f] = checkDocument(parseText('Line one\nOur deficit grew.'), ruleSet(yaml), { channel: 'parent' });
    expect(f).toMatchObject({
      ruleId: 'test-rule',
      category: 'sensitive-topic',
      message: 'Found "deficit"',
      suggestion: 'Remove it',
      line: 2,
      column: 5,
      endLine: 2,
      endColumn: 12,
    });
    expect(f.clause.id).toBe('6(e)');
    expect(f.clause.text).toMatch(/^Post comments about sensitive TMT/);
  });

  it('mask the matched text in messages unless the rule may quote it', () => {
    const personal = head('kind: pattern\npatterns: ["07\\\\d{3} \\\\d{6}"]').replace('quote: true', 'quote: false');
    const [f] = checkDocument(parseText('Call 07812 660491 now'), ruleSet(personal), { channel: 'parent' });
    expect(f.message).toBe('Found "*** 491"');
    expect(f.message).not.toContain('07812 660491');
  });

  it('hold a plain message one byte a character, though the draft has curly quotes', () => {
    // V8's serialisation tags a string by how it is held: '"' one byte a character, 'c' two.
    const held = (text: string) => String.fromCharCode(serialize(text)[2]);
    const draft = 'The school’s deficit grew – again.';
    expect(held(draft)).toBe('c');
    const [f] = checkDocument(parseText(draft), ruleSet(yaml), { channel: 'parent' });
    expect(f.message).toBe('Found "deficit"');
    expect(held(f.message)).toBe('"');
    const [quoted] = checkDocument(parseText('The deficit’s size'), ruleSet(head('kind: pattern\npatterns: ["deficit’s"]')), { channel: 'parent' });
    expect(quoted.message).toBe('Found "deficit’s"');
  });

  it('are suppressed by disable comments and marked as such', () => {
    const set = ruleSet(yaml);
    const src = [
      'A deficit.',
      '<!-- safepost-disable-next-line test-rule -->',
      'A deficit.',
      '<!-- safepost-disable sensitive-topic -->',
      'A deficit.',
      '<!-- safepost-enable -->',
      'A deficit.',
      '<!-- safepost-disable-next-line other-rule -->',
      'A deficit.',
    ].join('\n\n');
    const found = checkDocument(parseMarkdown(src), set, { channel: 'parent' });
    expect(found.map((f) => [f.line, Boolean(f.suppressed)])).toEqual([
      [1, false],
      [5, true],
      [9, true],
      [13, false],
      [17, false],
    ]);
  });
});

describe('helpers', () => {
  it('mask hides a detail in a mask whose length says nothing of the words', () => {
    expect(mask('07812 660 491')).toBe('*** 491');
    expect(mask('+44 7812 660491')).toBe('*** 491');
    expect(mask('Jack Smith')).toBe('J. S.');
    expect(mask('jane@gmail.com')).toBe('j…@…');
    expect(mask('jane dot doe at gmail dot com', 'email')).toBe('j…@…');
    expect(mask('@jack_smith_2014', 'handle')).toBe('@j…');
    expect(mask('jack_smith_2014', 'handle')).toBe('j…');
    expect(mask('https://www.facebook.com/jack.smith.75', 'profile')).toBe('f…/…');
    expect(mask('22 Fernlea Close', 'address')).toBe('# F. C.');
    expect(mask('LE1 5RH', 'postcode')).toBe('L. #');
    expect(mask('Flat 3, 41 Harrow Court, Leicester', 'address')).toBe('F. # # H. …');
  });

  it('masks names of different lengths alike', () => {
    expect(mask('Jack Smith')).toHaveLength(mask('Jo Li').length);
    expect(mask('Amelia-Rose Featherstonehaugh')).toHaveLength(mask('Jo Li').length);
    expect(mask('Maximilian')).toHaveLength(mask('Al').length);
    expect(mask('07812 660491')).toHaveLength(mask('0116 496 0491').length);
    expect(mask('ab@x.io')).toHaveLength(mask('christopher.montgomery@hotmail.co.uk').length);
    expect(mask('@ab', 'handle')).toHaveLength(mask('@christopher_montgomery', 'handle').length);
  });

  it('tokenize splits sentences, not abbreviations inside numbers', () => {
    const t = tokenize('Back at 3.15pm today. Then home! New paragraph');
    expect(t.words).toEqual(['back', 'at', '3', '15pm', 'today', 'then', 'home', 'new', 'paragraph']);
    expect([...t.sentences]).toEqual([0, 0, 0, 0, 0, 1, 1, 2, 2]);
  });

  it('tokenize gives each word its forms, the same each time the word is met', () => {
    const text = 'Zoë’s class went running. ZOË ran; Zoë’s friends ran O’Connor’s race.';
    for (const t of [tokenize(text), tokenize(text)]) {
      expect(t.words).toEqual(['zoë', 'class', 'went', 'running', 'zoë', 'ran', 'zoë', 'friends', 'ran', "o'connor", 'race']);
      expect(t.stems()).toEqual(['zoë', 'class', 'went', 'run', 'zoë', 'ran', 'zoë', 'friend', 'ran', "o'connor", 'race']);
      expect(t.nameForms()).toEqual(['zoe', 'class', 'went', 'running', 'zoe', 'ran', 'zoe', 'friends', 'ran', 'oconnor', 'race']);
      expect([...t.starts].map((s, i) => text.slice(s, t.ends[i]))[0]).toBe('Zoë’s');
      expect(t.firstEndingAfter(text.indexOf('went'))).toBe(2);
      expect(t.lastStartingBefore(text.indexOf('went'))).toBe(1);
      expect([...t.sentences]).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1]);
    }
  });
});
