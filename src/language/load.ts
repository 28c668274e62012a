import type { Analysis } from './analysis.js';
import { analyseWith } from './analyse.js';

export interface Language {
  /** The analysis of a text: worked out once, and handed again to every rule that asks for that text. */
  analyse(text: string): Analysis;
}

// Every rule of a draft asks for the same few texts in turn; older analyses are let go.
const REMEMBERED = 4;

let loading: Promise<Language> | undefined;

/**
 * The tagger and its English model, loaded on first use only: the model is a few megabytes that
 * a check without linguistic rules never reads.
 */
export function loadLanguage(): Promise<Language> {
  loading ??= (async () => {
    const [{ default: winkNLP }, { default: model }] = await Promise.all([import('wink-nlp'), import('wink-eng-lite-web-model')]);
    // No sentiment, no custom entities: nothing here uses them.
    const nlp = winkNLP(model, ['sbd', 'pos', 'ner']);
    const recent = new Map<string, Analysis>();
    return {
      analyse(text: string): Analysis {
        let analysis = recent.get(text);
        if (analysis === undefined) {
          analysis = analyseWith(nlp, text);
          if (recent.size >= REMEMBERED) recent.delete(recent.keys().next().value!);
          recent.set(text, analysis);
        }
        return analysis;
      },
    };
  })();
  return loading;
}
