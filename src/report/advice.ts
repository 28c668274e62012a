/**
 * A finding's advice in a reader's words, and what of it is for whoever runs safepost or edits
 * the draft's file: commands and their options (`safepost redact … --photos-to …`), code, and
 * what to write in a Markdown draft's front matter, which a comms officer need not read.
 */
export interface SplitAdvice {
  plain: string;
  technical: string[];
}

// A command, an option, code, or a Markdown draft's front matter.
const TECHNICAL = /\bsafepost [a-z]|(?:^|[\s(])--[a-z]|`|\bfront matter\b|\bMarkdown\b/;

// The first letter of a piece moved out of a sentence, as a sentence of its own; a command's name keeps its case.
const asSentence = (piece: string) => {
  const trimmed = piece.trim();
  const capital = /^safepost /.test(trimmed) ? trimmed : trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
};

export function splitAdvice(suggestion: string): SplitAdvice {
  const technical: string[] = [];
  // A remark in brackets goes as a whole.
  const unbracketed = suggestion.replace(/\s*\(([^()]*)\)/g, (whole, inside: string) => {
    if (!TECHNICAL.test(inside)) return whole;
    technical.push(inside);
    return '';
  });
  // So does a sentence, or a part of one between semicolons.
  const sentences = unbracketed.split(/(?<=[.!?])\s+/).map((sentence) => {
    const end = /[.!?]$/.exec(sentence)?.[0] ?? '';
    const clauses = sentence.slice(0, sentence.length - end.length).split(/;\s+/);
    const kept = clauses.filter((clause) => {
      if (!TECHNICAL.test(clause)) return true;
      technical.push(clause);
      return false;
    });
    return kept.length ? `${kept.join('; ')}${end}` : '';
  });
  return { plain: sentences.filter(Boolean).join(' ').trim(), technical: technical.map(asSentence) };
}
