/**
 * A finding's advice in a reader's words, and what of it is for whoever runs safepost: commands
 * and their options (`safepost redact … --photos-to …`), which a comms officer need not read.
 */
export interface SplitAdvice {
  plain: string;
  technical: string[];
}

// A command, an option or code: "safepost redact", "--photos-to", `consent: true`.
const COMMAND = /\bsafepost [a-z]|(?:^|[\s(])--[a-z]|`/;

export function splitAdvice(suggestion: string): SplitAdvice {
  const technical: string[] = [];
  // A remark in brackets that holds a command goes as a whole.
  let plain = suggestion.replace(/\s*\(([^()]*)\)/g, (whole, inside: string) => {
    if (!COMMAND.test(inside)) return whole;
    technical.push(inside.trim());
    return '';
  });
  // So does a sentence that holds one.
  const sentences = plain.split(/(?<=[.!?])\s+/);
  plain = sentences
    .filter((sentence) => {
      if (!COMMAND.test(sentence)) return true;
      technical.push(sentence.trim());
      return false;
    })
    .join(' ');
  return { plain: plain.trim(), technical: technical.map((t) => (/[.!?]$/.test(t) ? t : `${t}.`)) };
}
