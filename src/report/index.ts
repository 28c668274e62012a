import type { Report } from '../results/schema.js';
import type { FormatOptions, Formatter } from './formatter.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { html } from './html.js';
import { json, jsonPieces } from './json.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export type { FormatOptions, Formatter } from './formatter.js';

/** Output formats by the name `--format` takes. */
export const FORMATTERS = { stylish, json, sarif, github, gitlab, html } as const satisfies Record<string, Formatter>;
export type FormatName = keyof typeof FORMATTERS;

/**
 * A report as pieces of text to write one after another: large formats come a piece at a time,
 * the others whole.
 */
export function reportPieces(format: FormatName, report: Report, options: FormatOptions): Iterable<string> {
  return format === 'json' ? jsonPieces(report) : [FORMATTERS[format](report, options)];
}
