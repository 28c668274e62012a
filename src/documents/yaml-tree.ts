import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { yamlValue } from '../text/yaml-file.js';
import { yamlReason } from '../text/shown-text.js';

/** A front-matter value with the source range of every scalar (quotes included). */
export type TreeNode =
  | { kind: 'scalar'; value: unknown; start: number; end: number }
  | { kind: 'seq'; items: TreeNode[] }
  | { kind: 'map'; entries: Map<string, TreeNode> };

export type YamlRead = { root: TreeNode | null; data: unknown } | { error: { message: string; offset: number } };

/** Reads YAML text with the `yaml` library: every feature of YAML, every error with its place. */
export function readYamlWithLibrary(text: string): YamlRead {
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, logLevel: 'error' });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    return { error: { message: yamlReason(err.message), offset: err.pos?.[0] ?? 0 } };
  }
  const convert = (node: unknown): TreeNode | null => {
    if (isScalar(node)) return { kind: 'scalar', value: node.value, start: node.range?.[0] ?? 0, end: node.range?.[1] ?? 0 };
    if (isSeq(node)) return { kind: 'seq', items: node.items.map(convert).filter((n): n is TreeNode => n !== null) };
    if (isMap(node)) {
      const entries = new Map<string, TreeNode>();
      for (const pair of node.items) {
        const value = convert(pair.value as YamlNode);
        if (isScalar(pair.key) && value) entries.set(String(pair.key.value), value);
      }
      return { kind: 'map', entries };
    }
    return null;
  };
  const read = yamlValue(doc);
  if ('error' in read) return read;
  return { root: convert(doc.contents), data: read.value };
}

// The fast path below reads the front matter that nearly every draft has (keys with plain or
// simply quoted values, lists of them, a list of small mappings) far faster than the full
// library, whose cost dominated checking many drafts. Anything beyond that subset (escapes,
// anchors, tags, block scalars, multi-line values, deeper nesting, duplicate keys, tabs, odd
// keys) returns null and the library reads it. A test compares the two on many inputs.

const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?=[ ]|$)/;
const INDICATOR_START = /^(?:[{&*!|>%@`\]]|[-?:](?:[ ]|$))/;
const FLOW_ITEM = /^[^'"[\]{},#&*!|>%@`]+$/;
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** A plain scalar's value under the YAML 1.2 core schema, as the `yaml` library reads it. */
function plainValue(text: string): unknown {
  switch (text) {
    case '':
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
    case '.inf':
    case '.Inf':
    case '.INF':
    case '+.inf':
    case '+.Inf':
    case '+.INF':
      return Infinity;
    case '-.inf':
    case '-.Inf':
    case '-.INF':
      return -Infinity;
    case '.nan':
    case '.NaN':
    case '.NAN':
      return NaN;
  }
  if (INT.test(text)) return Number(text);
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
  if (FLOAT.test(text)) return Number(text);
  return text;
}

interface Line {
  start: number;
  text: string;
  indent: number;
}

type Parsed = { node: TreeNode; data: unknown };

/** A value written on the same line as its key or dash, starting at `offset`. */
function inlineValue(text: string, offset: number): Parsed | null {
  const first = text[0];
  if (first === '"' || first === "'") {
    let i = 1;
    let value = '';
    for (;;) {
      const close = text.indexOf(first, i);
      if (close < 0) return null;
      if (first === "'" && text[close + 1] === "'") {
        value += text.slice(i, close + 1);
        i = close + 2;
        continue;
      }
      value += text.slice(i, close);
      i = close + 1;
      break;
    }
    if (first === '"' && value.includes('\\')) return null;
    const rest = text.slice(i);
    if (rest.trim() !== '' && !/^[ ]+#/.test(rest)) return null;
    return { node: { kind: 'scalar', value, start: offset, end: offset + i }, data: value };
  }
  if (first === '[') {
    const comment = text.search(/[ ]#/);
    const body = (comment < 0 ? text : text.slice(0, comment)).trimEnd();
    if (!body.endsWith(']')) return null;
    const inner = body.slice(1, -1);
    const items: TreeNode[] = [];
    const data: unknown[] = [];
    if (inner.trim() !== '') {
      let at = 1;
      for (const part of inner.split(',')) {
        const lead = part.length - part.trimStart().length;
        const item = part.trim();
        if (!FLOW_ITEM.test(item) || /: |:$|^- /.test(item)) return null;
        const value = plainValue(item);
        items.push({ kind: 'scalar', value, start: offset + at + lead, end: offset + at + lead + item.length });
        data.push(value);
        at += part.length + 1;
      }
    }
    return { node: { kind: 'seq', items }, data };
  }
  if (INDICATOR_START.test(text)) return null;
  const comment = text.search(/[ ]#/);
  const plain = (comment < 0 ? text : text.slice(0, comment)).trimEnd();
  if (plain.includes(': ') || plain.endsWith(':') || plain.includes('\t')) return null;
  const value = plainValue(plain);
  return { node: { kind: 'scalar', value, start: offset, end: offset + plain.length }, data: value };
}

const isSkippable = (line: Line) => line.text.trim() === '' || line.text.trimStart().startsWith('#');

/** `key: value` at a known column of a line; the value must stand on the line. */
function keyValue(line: Line, column: number): { key: string; parsed: Parsed } | null {
  const text = line.text.slice(column);
  const m = KEY.exec(text);
  if (!m) return null;
  const after = text.slice(m[0].length);
  const lead = after.length - after.trimStart().length;
  const valueText = after.trimStart();
  if (valueText === '' || valueText.startsWith('#')) return null;
  const parsed = inlineValue(valueText, line.start + column + m[0].length + lead);
  return parsed ? { key: m[1], parsed } : null;
}

/** Reads the common subset of front matter quickly, or returns null for the library to read. */
export function readSimpleYaml(text: string): YamlRead | null {
  if (text.includes('\t') || text.includes('\r')) return null;
  const lines: Line[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    lines.push({ start, text: raw, indent: raw.length - raw.trimStart().length });
    start += raw.length + 1;
  }
  const entries = new Map<string, TreeNode>();
  const data: Record<string, unknown> = {};
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (isSkippable(line)) {
      i++;
      continue;
    }
    if (line.indent !== 0) return null;
    const m = KEY.exec(line.text);
    if (!m || entries.has(m[1]) || m[1] === '__proto__') return null;
    const key = m[1];
    const rest = line.text.slice(m[0].length).trimStart();
    i++;
    if (rest !== '' && !rest.startsWith('#')) {
      const kv = keyValue(line, 0);
      if (!kv) return null;
      entries.set(key, kv.parsed.node);
      data[key] = kv.parsed.data;
      continue;
    }
    // A block under the key: a list of values or of small mappings, or a mapping of values.
    while (i < lines.length && isSkippable(lines[i])) i++;
    const first = lines[i];
    const isItem = (l: Line) => l.text.slice(l.indent).startsWith('- ') || l.text.slice(l.indent) === '-';
    if (!first || (first.indent === 0 && !isItem(first))) {
      entries.set(key, { kind: 'scalar', value: null, start: line.start + m[0].length, end: line.start + m[0].length });
      data[key] = null;
      continue;
    }
    const indent = first.indent;
    if (isItem(first)) {
      const items: TreeNode[] = [];
      const values: unknown[] = [];
      let current: { entries: Map<string, TreeNode>; data: Record<string, unknown>; column: number } | null = null;
      while (i < lines.length) {
        const l = lines[i];
        if (isSkippable(l)) {
          i++;
          continue;
        }
        if (l.indent === indent && isItem(l)) {
          current = null;
          const body = l.text.slice(indent + 1).trimStart();
          const column = l.text.length - body.length;
          if (body === '' || body.startsWith('#')) return null;
          const kv = KEY.test(body) ? keyValue(l, column) : null;
          if (kv) {
            current = { entries: new Map([[kv.key, kv.parsed.node]]), data: { [kv.key]: kv.parsed.data }, column };
            items.push({ kind: 'map', entries: current.entries });
            values.push(current.data);
          } else {
            if (KEY.test(body)) return null;
            const parsed = inlineValue(body, l.start + column);
            if (!parsed) return null;
            items.push(parsed.node);
            values.push(parsed.data);
          }
          i++;
          continue;
        }
        if (current && l.indent === current.column) {
          const kv = keyValue(l, l.indent);
          if (!kv || current.entries.has(kv.key) || kv.key === '__proto__') return null;
          current.entries.set(kv.key, kv.parsed.node);
          current.data[kv.key] = kv.parsed.data;
          i++;
          continue;
        }
        if (l.indent === 0) break;
        return null;
      }
      entries.set(key, { kind: 'seq', items });
      data[key] = values;
      continue;
    }
    const mapEntries = new Map<string, TreeNode>();
    const mapData: Record<string, unknown> = {};
    while (i < lines.length) {
      const l = lines[i];
      if (isSkippable(l)) {
        i++;
        continue;
      }
      if (l.indent === 0) break;
      if (l.indent !== indent) return null;
      const kv = keyValue(l, indent);
      if (!kv || mapEntries.has(kv.key) || kv.key === '__proto__') return null;
      mapEntries.set(kv.key, kv.parsed.node);
      mapData[kv.key] = kv.parsed.data;
      i++;
    }
    entries.set(key, { kind: 'map', entries: mapEntries });
    data[key] = mapData;
  }
  if (entries.size === 0) return null;
  return { root: { kind: 'map', entries }, data };
}
