// Run by `npm run docs`: writes docs/rules/<id>.md for each built-in rule, and an index, from
// the rule files; a test fails when the committed pages differ from what this writes.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import { RULE_DOCS_FOLDER, ruleDoc, ruleDocsIndex } from '../rules/docs.js';
import { loadRules } from '../rules/load.js';

const folder = join(PACKAGE_ROOT, RULE_DOCS_FOLDER);
mkdirSync(folder, { recursive: true });
const rules = loadRules().filter((r) => r.builtIn);
const pages = new Map(rules.map((r) => [`${r.id}.md`, ruleDoc(r)]));
pages.set('README.md', ruleDocsIndex(rules));
// Pages of rules that are gone go too.
for (const name of readdirSync(folder)) if (!pages.has(name)) rmSync(join(folder, name));
for (const [name, text] of pages) writeFileSync(join(folder, name), text);
console.log(`wrote ${pages.size} pages to ${RULE_DOCS_FOLDER}/`);
