import { describe, expect, it } from 'vitest';
import { readSimpleYaml, readYamlWithLibrary, type TreeNode, type YamlRead } from '../../src/documents/yaml-tree.js';

// The fast path must read exactly what the yaml library reads, or decline (null).
function same(text: string): 'fast' | 'declined' {
  const fast = readSimpleYaml(text);
  if (fast === null) return 'declined';
  const library = readYamlWithLibrary(text);
  expect('error' in library, `the library reads ${JSON.stringify(text)} without error`).toBe(false);
  const plain = (r: YamlRead) => ('error' in r ? r : { root: strip(r.root), data: r.data });
  expect(plain(fast)).toEqual(plain(library));
  return 'fast';
}

/** The tree with scalar ranges kept, for comparison (the library adds nothing else we use). */
function strip(node: TreeNode | null): unknown {
  if (!node) return null;
  if (node.kind === 'scalar') return [node.value, node.start, node.end];
  if (node.kind === 'seq') return node.items.map(strip);
  return Object.fromEntries([...node.entries].map(([k, v]) => [k, strip(v)]));
}

const fastCases = [
  'title: Sports day\nchannel: official\n',
  'title: "Sports day – week 12"\nchannel: official\n',
  "title: 'It''s sports day'\n",
  'title: Sports day   # a comment\n',
  'title: "C# club" # comment\n',
  'url: https://example.org/a:b\n',
  'count: 12\nratio: 0.5\nneg: -3\nhex: 0x1F\noct: 0o17\nexp: 1e3\ninf: .inf\nnan: .NaN\n',
  'flag: true\nother: False\nnothing: null\ntilde: ~\nempty:\n',
  'date: 2025-06-11\nversion: 1.2.3\nyes: yes\n',
  'shows: [pupils, uniform, logo]\nempty: []\nnums: [1, 2.5, true]\n',
  'images:\n  - src: img/a.jpg\n    alt: Year 5 relay race\n    consent: true\n    shows: [pupils, uniform]\n  - src: img/b.jpg\n',
  'images:\n- src: img/a.jpg\n  alt: compact list\n',
  'tags:\n  - news\n  - "sports day"\n  - 2025\n',
  'author:\n  name: Mrs Hollis\n  role: Headteacher\n',
  '# a comment line\ntitle: x\n\n# another\nchannel: parent\n',
  'approved-by: Mrs J. Hollis\napproved-on: 2025-06-11\nfeatured_image: img/x.jpg\n',
];

const declinedCases = [
  'title: "escaped \\" quote"\n',
  'title: >\n  folded\n  text\n',
  'title: |\n  literal\n',
  'title: first line\n  continues here\n',
  'base: &a x\nother: *a\n',
  'tagged: !!str 12\n',
  'map: {a: 1}\n',
  'title: x\ntitle: y\n',
  '"quoted key": x\n',
  'nested:\n  deeper:\n    key: x\n',
  '- just\n- a list\n',
  'title:\tx\n',
  'images:\n  - src: a.jpg\n      alt: too deep\n',
  '',
  '# only a comment\n',
];

describe('the front-matter fast path', () => {
  it.each(fastCases)('reads %j as the library does', (text) => {
    expect(same(text)).toBe('fast');
  });

  it.each(declinedCases)('leaves %j to the library', (text) => {
    expect(readSimpleYaml(text)).toBeNull();
  });

  it('agrees with the library on many generated front-matter blocks', () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const values = ['plain words', '"quoted: yes"', "'single'", '12', '-4.5', 'true', 'null', '', '[a, b]', 'a # note', 'x:y', '"#hash"', "'it''s'", '2025-01-01', 'Zoë ’s'];
    const keys = ['title', 'channel', 'alt', 'src', 'consent', 'shows', 'description'];
    let fast = 0;
    for (let n = 0; n < 400; n++) {
      const lines: string[] = [];
      const used = new Set<string>();
      for (let k = 0; k < 1 + next(4); k++) {
        const key = keys[next(keys.length)];
        if (used.has(key)) continue;
        used.add(key);
        if (next(4) === 0) {
          lines.push(`${key}:`);
          for (let item = 0; item < 1 + next(3); item++) {
            lines.push(next(2) ? `  - src: ${values[next(values.length)]}` : `  - ${values[next(values.length)]}`);
            if (next(2)) lines.push(`    alt: ${values[next(values.length)]}`);
          }
        } else {
          lines.push(`${key}: ${values[next(values.length)]}`.trimEnd());
        }
      }
      const text = `${lines.join('\n')}\n`;
      const library = readYamlWithLibrary(text);
      if ('error' in library) {
        expect(readSimpleYaml(text), `declines ${JSON.stringify(text)}, which the library refuses`).toBeNull();
        continue;
      }
      if (same(text) === 'fast') fast++;
    }
    expect(fast).toBeGreaterThan(200);
  });
});
