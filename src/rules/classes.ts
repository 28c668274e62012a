import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SafepostError } from '../errors.js';
import { shownPath } from '../text/shown-path.js';
import { lineOf, readYamlFile, validateYaml } from '../text/yaml-file.js';
import { ClassesFileSchema, type WordClass } from './schema.js';

/** The file of a rule folder that names word classes for its sequence rules (and is not a rule). */
export const CLASSES_FILE = 'classes.yaml';

export interface NamedClass extends WordClass {
  /** The file that defines it, for messages. */
  file: string;
}

/** The word classes of the given rule folders, in order: a name defined twice is an error naming both files. */
export function loadClasses(folders: string[]): Map<string, NamedClass> {
  const classes = new Map<string, NamedClass>();
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
      classes.set(className, { ...wordClass, file: name });
    }
  }
  return classes;
}
