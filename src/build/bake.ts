// Run by `npm run build`: reads and checks the built-in rules, the policy and the name lists the
// slow way once, and bakes them into dist/builtin-data.json for every later run (see
// src/lexicon/baked.ts).
import { rmSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigFileSchema } from '../config/schema.js';
import { CONFIG_SCHEMA_FILE } from '../config/load.js';
import { compileRules } from '../engine/compile.js';
import { BAKED_FILE, packSection, writeBaked } from '../lexicon/baked.js';
import { readImageWords } from '../lexicon/image-words.js';
import { buildNameLexicon, lexiconLists } from '../lexicon/names.js';
import { bakeRules, loadRules } from '../rules/load.js';
import { readPolicyFile } from '../rules/policy.js';
import { bakedWordLists } from '../lexicon/word-lists.js';
import { knownStems } from '../text/tokens.js';
import { knownLemmaForms } from '../lexicon/lemma-forms.js';

rmSync(BAKED_FILE, { force: true });
const rules = loadRules();
// Compiling stems every phrase and inflects every lemma of a sequence rule: both are baked, so
// that a run need not work them out again.
compileRules(rules);
const { source: _source, ...policy } = readPolicyFile();
writeBaked({
  policy,
  rules: packSection(bakeRules(rules)),
  stems: knownStems(),
  lemmaForms: knownLemmaForms(),
  lexicon: lexiconLists(buildNameLexicon()),
  imageWords: readImageWords(),
  wordLists: packSection(bakedWordLists()),
});

// The config's JSON Schema, for editors' completion and checks of safepost.config.yaml.
writeFileSync(CONFIG_SCHEMA_FILE, `${JSON.stringify({ title: 'safepost.config.yaml', ...z.toJSONSchema(ConfigFileSchema) }, null, 2)}\n`);
