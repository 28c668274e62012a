/** "1 finding", "3 findings": counts in the words of every report and message. */
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
