import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { tokenizePhrase } from '../text/tokens.js';
import { BUILT_IN_RULES } from '../package-root.js';
import { bakedSection } from './baked.js';

/** Words that say what an image shows, by what they show. */
export interface ImageWords {
  pupils: string[][];
  uniform: string[][];
  logo: string[][];
  staff: string[][];
}

let cached: ImageWords | null = null;

/**
 * The words that say what an image shows, from rules/lexicon/image-words.yaml, loaded once (from
 * the baked data while that file is as it was built).
 */
export function loadImageWords(): ImageWords {
  cached ??= bakedSection<ImageWords>('imageWords') ?? readImageWords();
  return cached;
}

export function readImageWords(): ImageWords {
  const lists = parse(readFileSync(join(BUILT_IN_RULES, 'lexicon', 'image-words.yaml'), 'utf8')) as Record<string, string[]>;
  const phrases = (list: string[] = []) => list.map(tokenizePhrase).filter((p) => p.length > 0);
  return { pupils: phrases(lists.pupils), uniform: phrases(lists.uniform), logo: phrases(lists.logo), staff: phrases(lists.staff) };
}
