import type { Formatter } from './formatter.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { html } from './html.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export type { FormatOptions, Formatter } from './formatter.js';
export { mayGroup } from './group.js';
export { JsonReportWriter } from './json.js';

/** Output formats by the name `--format` takes. */
export const FORMATTERS = { stylish, json, sarif, github, gitlab, html } as const satisfies Record<string, Formatter>;
export type FormatName = keyof typeof FORMATTERS;
