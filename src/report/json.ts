import type { Formatter } from './formatter.js';

// Compact, as ESLint's: reports of many drafts are large, and programs read them.
export const json: Formatter = (report) => `${JSON.stringify(report)}\n`;
