import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { ImageWords } from '../detectors/images.js';
import { tokenizePhrase } from '../engine/tokens.js';
import { BUILT_IN_RULES } from './policy.js';

let cached: ImageWords | null = null;

/** The words that say what an image shows, from rules/lexicon/image-words.yaml, loaded once. */
export function loadImageWords(): ImageWords {
  if (cached) return cached;
  const lists = parse(readFileSync(join(BUILT_IN_RULES, 'lexicon', 'image-words.yaml'), 'utf8')) as Record<string, string[]>;
  const phrases = (list: string[] = []) => list.map(tokenizePhrase).filter((p) => p.length > 0);
  cached = { pupils: phrases(lists.pupils), uniform: phrases(lists.uniform), logo: phrases(lists.logo), staff: phrases(lists.staff) };
  return cached;
}
