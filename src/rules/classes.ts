import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SafepostError } from '../errors.js';
import { shownPath } from '../text/shown-path.js';
import { lineOf, readYamlFile, validateYaml } from '../text/yaml-file.js';
import { ClassesFileSchema, type WordClass } from './schema.js';
import { WORD_LISTS } from '../lexicon/word-lists.js';

/** The file of a rule folder that names word classes for its sequence rules (and is not a rule). */
export const CLASSES_FILE = 'classes.yaml';

export interface NamedClass extends WordClass {
  /** The file that defines it, for messages. */
  file: string;
}

/** The word classes of the given rule folders, in order: a name defined twice is an error naming both files. */
export function loadClasses(folders: string[]): Map<string, NamedClass> {
  const classes = new Map<string, NamedClass>();
  const lines = new Map<string, (field: string) => number>();
  for (const folder of folders) {
    const path = join(folder, CLASSES_FILE);
    if (!existsSync(path)) continue;
    const name = shownPath(path);
    const file = readYamlFile(path, name);
    const defined = validateYaml(file, ClassesFileSchema, name);
    for (const [className, wordClass] of Object.entries(defined)) {
      const previous = classes.get(className);
      if (previous) {
        throw new SafepostError(`${name}:${lineOf(file, [className])}: class "${className}" is already defined in ${previous.file}; give it another name`);
      }
      (wordClass.lists ?? []).forEach((list, i) => {
        if (!WORD_LISTS.has(list)) {
          throw new SafepostError(`${name}:${lineOf(file, [className, 'lists', i])}: no word list "${list}"; lists: ${[...WORD_LISTS].join(', ')}`);
        }
      });
      classes.set(className, { ...wordClass, file: name });
      lines.set(className, (field) => lineOf(file, [className, field]));
    }
  }
  for (const className of classes.keys()) flatten(className, classes, lines, []);
  return classes;
}

const many = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Merges the members of the classes a class includes into it, once: a class is then whole on its own. */
function flatten(className: string, classes: Map<string, NamedClass>, lines: Map<string, (field: string) => number>, path: string[]): NamedClass {
  const wordClass = classes.get(className)!;
  if (!wordClass.include) return wordClass;
  const where = `${wordClass.file}:${lines.get(className)!('include')}`;
  if (path.includes(className)) throw new SafepostError(`${where}: class "${className}" includes itself (${[...path, className].join(' > ')}); remove one of the includes`);
  const whole = { ...wordClass, include: undefined, words: [...(wordClass.words ?? [])] };
  for (const included of wordClass.include) {
    if (!classes.has(included)) {
      throw new SafepostError(`${where}: class "${className}" includes "${included}", which is not defined (classes: ${[...classes.keys()].join(', ')})`);
    }
    const other = flatten(included, classes, lines, [...path, className]);
    whole.words.push(...(other.words ?? []));
    const union = <T>(a: T | T[] | undefined, b: T | T[] | undefined) => {
      const all = [...new Set([...many(a), ...many(b)])];
      return all.length ? all : undefined;
    };
    whole.lemma = union(whole.lemma, other.lemma);
    whole.pos = union(whole.pos, other.pos);
    whole.entity = union(whole.entity, other.entity);
    if (other.name) whole.name = true;
    whole.lists = union(whole.lists, other.lists);
  }
  classes.set(className, whole);
  return whole;
}
