import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/rules/load.js';
import { BUILT_IN_RULES, loadClauses } from '../../src/rules/policy.js';

// The policy's words with the printed page's line breaks and bold marks taken out.
const flatten = (text: string) => text.replace(/\*\*/g, '').replace(/\s+/g, ' ');

const bundled = readFileSync(join(BUILT_IN_RULES, 'policy', 'mercian-trust-social-networking-policy.txt'), 'utf8');
const shared = join(BUILT_IN_RULES, '..', '..', 'shared', 'policy', 'mercian-trust-social-networking-policy.txt');

describe('the policy as data', () => {
  const clauses = [...loadClauses().values()];

  it('has every numbered clause and bullet', () => {
    const ids = clauses.map((c) => c.id);
    for (const id of ['1.8(b)', '2.1(c)', '3.4', '4.1', '6(a)', '6(e)', '6.1(a)', '6.1(d)', '6.2(f)', '7.3(a)', '7.3(l)', '7.4(b)', '7.9', '7.10', '8.3(a)', '12.1']) {
      expect(ids).toContain(id);
    }
    expect(ids.filter((id) => id.startsWith('7.3('))).toHaveLength(12);
    expect(ids.filter((id) => /^6\([a-z]\)$/.test(id))).toHaveLength(5);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(clauses.map((c) => [c.id, c] as const))('clause %s is the policy\'s own words', (_id, clause) => {
    expect(flatten(bundled)).toContain(clause.text);
    expect(clause.title.length).toBeGreaterThan(5);
  });

  it.runIf(existsSync(shared))('bundles the same policy text as the trust publishes', () => {
    expect(flatten(readFileSync(shared, 'utf8'))).toBe(flatten(bundled));
  });

  it('7.3(f) joins the words split over a page break', () => {
    expect(loadClauses().get('7.3(f)')?.text).toBe(
      'Have contact through any personal social medium with any pupil/student, whether from the academy or any other school, unless the pupils/students are family members.',
    );
  });

  it('every built-in rule cites a clause that exists, on every channel', () => {
    for (const rule of loadRules()) {
      const ids = typeof rule.clause === 'string' ? [rule.clause] : Object.values(rule.clause);
      for (const id of ids) expect(loadClauses().has(id!), `${rule.id}: ${id}`).toBe(true);
      expect(rule.clauseData.id).toBe(typeof rule.clause === 'string' ? rule.clause : rule.clause.default);
    }
  });
});

describe('the built-in data baked by `npm run build`', () => {
  it('hold exactly what the YAML files say, and are used only while those files are unchanged', async () => {
    const { readFileSync: read } = await import('node:fs');
    const { unpackSection } = await import('../../src/lexicon/baked.js');
    const built = JSON.parse(read(join(BUILT_IN_RULES, '..', 'dist', 'builtin-data.json'), 'utf8')) as {
      fingerprint: string;
      rules: { brotli: string };
      policy: { clauses: unknown[]; authorisable: string[] };
      imageWords: unknown;
    };
    const fromYaml = loadRules().map(({ clauseData: _c, channelClauses: _channels, file, ...rule }) => ({ ...rule, file: file.replace(/^.*?rules\//, 'rules/') }));
    expect(unpackSection(built.rules)).toEqual(fromYaml);
    expect(built.policy.clauses).toEqual([...loadClauses().values()]);
    expect(built.policy.authorisable).toEqual(['6(d)', '6(e)']);
    const { readImageWords } = await import('../../src/lexicon/image-words.js');
    expect(built.imageWords).toEqual(readImageWords());
    const { builtInFingerprint } = await import('../../src/lexicon/baked.js');
    expect(built.fingerprint).toBe(builtInFingerprint());
  });
});
