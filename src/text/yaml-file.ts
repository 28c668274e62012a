import { readFileSync } from 'node:fs';
import { isAlias, LineCounter, parseDocument, visit, type Document as YamlDocument } from 'yaml';
import type { z } from 'zod';
import { SafepostError } from '../errors.js';
import { shownText, yamlReason } from './shown-text.js';

export interface YamlFile {
  path: string;
  doc: YamlDocument;
  lines: LineCounter;
}

/** Reads and parses a YAML file, turning every failure into a message naming the file and line. */
export function readYamlFile(path: string, shownAs = path): YamlFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SafepostError(
      code === 'ENOENT' ? `${shownAs}: file not found` : `${shownAs}: cannot be read (${code ?? 'unknown error'})`,
    );
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const { line, col } = lines.linePos(err.pos[0]);
    throw new SafepostError(`${shownAs}:${line}:${col}: not valid YAML: ${yamlReason(err.message)}`);
  }
  return { path, doc, lines };
}

/** The line of the YAML node at `path`, or of its nearest parent that exists. */
export function lineOf(file: YamlFile, path: ReadonlyArray<PropertyKey>): number {
  for (let n = path.length; n >= 0; n--) {
    const node = file.doc.getIn(path.slice(0, n) as Array<string | number>, true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return file.lines.linePos(node.range[0]).line;
    // A key's own position, for a key whose value is missing or invalid.
    if (n > 0) {
      const parent = file.doc.getIn(path.slice(0, n - 1) as Array<string | number>, true) as
        | { items?: Array<{ key?: { value?: unknown; range?: [number, number, number] } }> }
        | undefined;
      const pair = parent?.items?.find((p) => p.key?.value === path[n - 1]);
      if (pair?.key?.range) return file.lines.linePos(pair.key.range[0]).line;
    }
  }
  return 1;
}

// Aliases a document may expand: enough for any config or front matter, too few for an alias bomb.
const MAX_ALIASES = 100;

/**
 * A YAML document's value. An alias YAML cannot resolve (`title: *Sports*`: a `*` starts an
 * alias) or one that expands past the limit is an error with its offset, not an exception.
 */
export function yamlValue(doc: YamlDocument): { value: unknown } | { error: { message: string; offset: number } } {
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIASES }) };
  } catch (error) {
    let offset = 0;
    visit(doc, {
      Alias(_key, node) {
        if (isAlias(node)) offset = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    const reason = yamlReason((error as Error).message);
    const hint = /unresolved alias/i.test(reason) ? 'a value that starts with * or & must be in quotes' : 'write the repeated values out';
    return { error: { message: `${reason}; ${hint}`, offset } };
  }
}

/** Validates a parsed YAML file with a zod schema; the error names the file, the line and the field. */
export function validateYaml<T extends z.ZodType>(file: YamlFile, schema: T, shownAs: string, value?: unknown): z.infer<T> {
  let data = value;
  if (data === undefined) {
    const read = yamlValue(file.doc);
    if ('error' in read) fail(`${shownAs}:${file.lines.linePos(read.error.offset).line}: not valid YAML: ${read.error.message}`);
    data = read.value;
  }
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue.path as PropertyKey[];
  // Keys are the file's own text: shown escaped and cut short.
  const field = path.length ? shownText(path.join('.'), 60) : '(top level)';
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    const keys = (issue as { keys: string[] }).keys;
    const keyPath = [...path, keys[0]];
    return fail(`${shownAs}:${lineOf(file, keyPath)}: unknown key "${shownText(keyPath.join('.'), 60)}"; remove it or check its spelling`);
  }
  return fail(`${shownAs}:${lineOf(file, path)}: ${field}: ${message}`);
}

function fail(message: string): never {
  throw new SafepostError(message);
}
