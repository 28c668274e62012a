import { describe, expect, it } from 'vitest';
import { inflect, lemmaForms } from '../../src/lexicon/lemma-forms.js';

describe('the forms of a lemma', () => {
  it('are made with the endings the tagger strips', () => {
    expect(inflect('arrive', [])).toEqual(expect.arrayContaining(['arrive', 'arrives', 'arrived', 'arriving']));
    expect(inflect('stop', [])).toEqual(expect.arrayContaining(['stops', 'stopped', 'stopping']));
    expect(inflect('study', [])).toEqual(expect.arrayContaining(['studies', 'studied', 'studying']));
    expect(inflect('box', [])).toEqual(expect.arrayContaining(['boxes', 'boxed']));
    expect(inflect('postman', [])).toContain('postmen');
  });

  it('hold the irregular forms of WordNet and the contractions the tagger reads as the lemma', () => {
    expect(lemmaForms('flee')).toEqual(expect.arrayContaining(['fled', 'fleeing']));
    expect(lemmaForms('die')).toEqual(expect.arrayContaining(['died', 'dying']));
    expect(lemmaForms('child')).toContain('children');
    expect(lemmaForms('be')).toEqual(expect.arrayContaining(['is', 'was', 'were', 'been', "'s", "'re", "'m"]));
    expect(lemmaForms('can')).toContain('ca');
  });
});
