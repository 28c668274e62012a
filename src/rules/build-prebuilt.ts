import { rmSync } from 'node:fs';
import { lexiconLists, loadNameLexicon } from '../roster/lexicon.js';
import { loadRules } from './load.js';
import { BUILT_IN_RULES, loadClauses, PACKAGE_ROOT } from './policy.js';
import { PREBUILT, writePrebuilt } from './prebuilt.js';

// Run by `npm run build`: reads and checks the built-in rules, clauses and name lists the slow
// way once, and saves them for every later run (see prebuilt.ts).
rmSync(PREBUILT, { force: true });
const lexicon = loadNameLexicon();
writePrebuilt(BUILT_IN_RULES, PACKAGE_ROOT, {
  clauses: [...loadClauses().values()],
  rules: loadRules(),
  lexicon: lexiconLists(lexicon),
});
