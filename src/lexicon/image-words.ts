import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { ImageWords } from '../detectors/images.js';
import { tokenizePhrase } from '../text/tokens.js';
import { BUILT_IN_RULES } from '../rules/policy.js';
import { readPrebuilt } from './baked.js';

let cached: ImageWords | null = null;

/**
 * The words that say what an image shows, from rules/lexicon/image-words.yaml, loaded once (from
 * the prebuilt data while that file is as it was built).
 */
export function loadImageWords(): ImageWords {
  cached ??= readPrebuilt(BUILT_IN_RULES)?.imageWords ?? readImageWords();
  return cached;
}

export function readImageWords(): ImageWords {
  const lists = parse(readFileSync(join(BUILT_IN_RULES, 'lexicon', 'image-words.yaml'), 'utf8')) as Record<string, string[]>;
  const phrases = (list: string[] = []) => list.map(tokenizePhrase).filter((p) => p.length > 0);
  return { pupils: phrases(lists.pupils), uniform: phrases(lists.uniform), logo: phrases(lists.logo), staff: phrases(lists.staff) };
}
