import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_DOCS_FOLDER, ruleDoc, ruleDocsIndex, ruleDocUrl } from '../../src/rules/docs.js';
import { loadRules } from '../../src/rules/load.js';
import { ROOT, runCli } from '../helpers/cli.js';

const folder = join(ROOT, RULE_DOCS_FOLDER);
const builtIn = loadRules().filter((r) => r.builtIn);

describe('the rules’ pages', () => {
  it('are committed as the rule files make them, one a built-in rule and an index', () => {
    const stale = 'run "npm run docs" and commit docs/rules/';
    expect(readdirSync(folder).sort(), stale).toEqual([...builtIn.map((r) => `${r.id}.md`), 'README.md'].sort());
    for (const rule of builtIn) expect(readFileSync(join(folder, `${rule.id}.md`), 'utf8') === ruleDoc(rule), `${rule.id}: ${stale}`).toBe(true);
    expect(readFileSync(join(folder, 'README.md'), 'utf8') === ruleDocsIndex(builtIn), stale).toBe(true);
  });

  it('show the clause word for word, the examples with their spans, and what to write instead', () => {
    const page = ruleDoc(builtIn.find((r) => r.id === 'exam-results')!);
    expect(page).toContain('**Policy 6(e): No comments on sensitive school topics such as performance**');
    expect(page).toMatch(/^- Our \*\*GCSE results\*\* are in/m);
    expect(page).toContain('## Instead');
  });

  it('are linked from SARIF and from safepost explain', () => {
    const url = ruleDocUrl({ id: 'exam-results', builtIn: true });
    expect(url).toMatch(/^https:\/\/github\.com\/mercian-trust\/safepost\/blob\/v[\d.]+\/docs\/rules\/exam-results\.md$/);
    expect(ruleDocUrl({ id: 'mine', builtIn: false })).toBeUndefined();
    const sarif = JSON.parse(runCli(['check', '-', '--stdin-filename', 'a.md', '--format', 'sarif', '--config', join(ROOT, 'tests', 'helpers', 'empty.config.yaml')], { input: 'Our SATs results are in.' }).stdout);
    expect(sarif.runs[0].tool.driver.rules[0]).toMatchObject({ id: 'exam-results', helpUri: url });
    expect(sarif.runs[0].tool.driver.informationUri).toBe('https://github.com/mercian-trust/safepost#readme');
    expect(runCli(['explain', 'exam-results']).stdout).toContain(`  More:      ${url}`);
  });
});
