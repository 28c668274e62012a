import { relative } from 'node:path';
import picomatch from 'picomatch';

const toPosix = (path: string) => path.split('\\').join('/');

/**
 * A test of absolute paths against globs relative to `base`; a pattern without a wildcard also
 * stands for everything under it, as in .gitignore ("content/archive"). A path outside `base`
 * matches none.
 */
export function globMatcher(patterns: string[], base: string): (absolute: string) => boolean {
  const globs = patterns.flatMap((p) => {
    const pattern = toPosix(p).replace(/^\.\//, '').replace(/\/+$/, '');
    return [pattern, `${pattern}/**`];
  });
  const matches = picomatch(globs, { dot: true });
  return (absolute) => matches(toPosix(relative(base, absolute)));
}
