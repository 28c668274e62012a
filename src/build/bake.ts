import { rmSync } from 'node:fs';
import { compileRules } from '../engine/compile.js';
import { knownStems } from '../text/tokens.js';
import { lexiconLists, loadNameLexicon } from '../lexicon/names.js';
import { readImageWords } from '../lexicon/image-words.js';
import { loadRules } from '../rules/load.js';
import { BUILT_IN_RULES, loadClauses, PACKAGE_ROOT } from '../rules/policy.js';
import { PREBUILT, writePrebuilt } from '../lexicon/baked.js';

// Run by `npm run build`: reads and checks the built-in rules, clauses and name lists the slow
// way once, and saves them for every later run (see prebuilt.ts).
rmSync(PREBUILT, { force: true });
const lexicon = loadNameLexicon();
const rules = loadRules();
// Compiling stems every phrase: the stems are saved, so that a run need not work them out again.
compileRules(rules);
writePrebuilt(BUILT_IN_RULES, PACKAGE_ROOT, {
  clauses: [...loadClauses().values()],
  rules,
  stems: knownStems(),
  lexicon: lexiconLists(lexicon),
  imageWords: readImageWords(),
});
