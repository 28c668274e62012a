import { describe, expect, it } from 'vitest';
import { splitAdvice } from '../../src/report/advice.js';

describe('advice for a person and for the technical team', () => {
  it('moves a remark in brackets that holds a command out of the advice', () => {
    expect(splitAdvice('Ask for a cleaned copy (safepost redact with --photos-to makes one); and turn off location.')).toEqual({
      plain: 'Ask for a cleaned copy; and turn off location.',
      technical: ['safepost redact with --photos-to makes one.'],
    });
    expect(splitAdvice('Record consent in the draft (in Markdown, "consent: true" on the image in the front matter), or use another photo.')).toEqual({
      plain: 'Record consent in the draft, or use another photo.',
      technical: ['In Markdown, "consent: true" on the image in the front matter.'],
    });
  });

  it('moves the part of a sentence, between semicolons, that says what to write in the front matter', () => {
    expect(splitAdvice('Say it as yourself, or ask a senior leader to post it; once it is approved, add approved-by to the post\'s front matter.')).toEqual({
      plain: 'Say it as yourself, or ask a senior leader to post it.',
      technical: ["Once it is approved, add approved-by to the post's front matter."],
    });
  });

  it('moves a sentence that holds a command, an option or code', () => {
    expect(splitAdvice('Take the name out. Run safepost redact post.md -o post.safe.md to make a copy. Then check again.')).toEqual({
      plain: 'Take the name out. Then check again.',
      technical: ['Run safepost redact post.md -o post.safe.md to make a copy.'],
    });
    expect(splitAdvice('Record consent. Add `consent: true` to the image.').technical).toEqual(['Add `consent: true` to the image.']);
  });

  it('leaves advice in plain words as it is, brackets and all', () => {
    const advice = 'Accept the change (Review, Accept) so that the deleted text leaves the file, before it is shared.';
    expect(splitAdvice(advice)).toEqual({ plain: advice, technical: [] });
  });
});
