import retModule, { types, type Tokens } from 'ret';

// ret is CommonJS whose module.exports is the tokenizer itself; its types describe `.default`.
const ret = (typeof retModule === 'function' ? retModule : retModule.default) as typeof retModule.default;

/**
 * Whether a pattern may backtrack exponentially: an unbounded repetition inside another
 * unbounded repetition, as in (a+)+ or (\w+\s?)*. Optional parts (?) and small bounded
 * counts ({1,3}) do not count, so ordinary patterns with optional groups pass.
 */
export function hasNestedRepetition(pattern: string): boolean {
  let root: Tokens;
  try {
    root = ret(pattern);
  } catch {
    return false; // the RegExp constructor reports syntax errors with a better message
  }
  const walk = (node: Tokens, depth: number): boolean => {
    if (node.type === types.REPETITION) {
      const unbounded = node.max === Infinity || node.max > 50;
      const d = unbounded ? depth + 1 : depth;
      if (d > 1) return true;
      return walk(node.value, d);
    }
    if (node.type === types.ROOT || node.type === types.GROUP) {
      const branches = node.options ?? (node.stack ? [node.stack] : []);
      return branches.some((branch) => branch.some((child) => walk(child, depth)));
    }
    return false;
  };
  return walk(root, 0);
}
