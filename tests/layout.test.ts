import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layers of src/, lowest first: a module imports only from its own folder or a lower layer.
const LAYERS = [
  ['errors.ts', 'package-root.ts', 'types'],
  ['version.ts', 'fs', 'text'],
  ['language'],
  ['documents', 'lexicon'],
  ['roster'],
  ['detectors'],
  ['rules'],
  ['results', 'config'],
  ['engine', 'drafts'],
  ['cache', 'report', 'redact'],
  ['api'],
  ['cli', 'action', 'build', 'index.ts'],
];

const SRC = join(import.meta.dirname, '..', 'src');
const modules = (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => join(SRC, f));
const part = (file: string) => relative(SRC, file).split('/')[0];
const layerOf = (file: string) => LAYERS.findIndex((layer) => layer.includes(part(file)));
const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => resolve(dirname(file), m[1]).replace(/\.js$/, '.ts'));

describe('the layout of src/', () => {
  it('puts every module in a layer', () => {
    expect(modules.filter((m) => layerOf(m) < 0).map((m) => relative(SRC, m))).toEqual([]);
  });

  it('has imports that point only down the layers', () => {
    const upward = modules.flatMap((m) =>
      importsOf(m)
        .filter((target) => part(target) !== part(m) && layerOf(target) >= layerOf(m))
        .map((target) => `${relative(SRC, m)} -> ${relative(SRC, target)}`),
    );
    expect(upward).toEqual([]);
  });

  it('has no import circles', () => {
    const state = new Map<string, 'open' | 'done'>();
    const circles: string[] = [];
    const visit = (file: string, path: string[]) => {
      state.set(file, 'open');
      for (const target of importsOf(file)) {
        if (state.get(target) === 'open') circles.push([...path.slice(path.indexOf(target)), target].map((f) => relative(SRC, f)).join(' -> '));
        else if (!state.has(target)) visit(target, [...path, target]);
      }
      state.set(file, 'done');
    };
    for (const m of modules) if (!state.has(m)) visit(m, [m]);
    expect(circles).toEqual([]);
  });
});
