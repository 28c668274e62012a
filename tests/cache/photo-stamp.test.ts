import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addressPlaces, photoStamp } from '../../src/cache/photo-stamp.js';
import { parseDocument } from '../../src/documents/index.js';
import { tempFolder } from '../helpers/temp.js';

describe('photo stamps', () => {
  it('change when a photo changes or a missing one appears, and not for links', () => {
    const dir = tempFolder({ 'img/a.jpg': 'one' });
    const draft = join(dir, 'post.md');
    const stamp = () => photoStamp(['img/a.jpg', 'img/b.jpg', 'https://example.org/c.jpg'], draft);
    const first = stamp();
    expect(first).toMatch(/^[\w-]{43}$/);
    expect(stamp()).toBe(first);
    writeFileSync(join(dir, 'img/b.jpg'), 'two');
    const second = stamp();
    expect(second).not.toBe(first);
    writeFileSync(join(dir, 'img/a.jpg'), 'three, longer');
    expect(stamp()).not.toBe(second);
    expect(photoStamp(['https://example.org/c.jpg'], draft)).toBeNull();
  });

  it('finds where each image address is written, or says it is not written as it is', () => {
    const markdown = '---\nimages:\n  - src: img/fair.jpg\n---\n![The fair](img/stall.jpg "Stall") and <img src="img/cake.png">\n';
    const doc = parseDocument(markdown, 'markdown');
    const places = addressPlaces(doc.images, markdown)!;
    expect(places.map(([at, length]) => markdown.slice(at, at + length)).sort()).toEqual(['img/cake.png', 'img/fair.jpg', 'img/stall.jpg']);
    const encoded = '<p><img src="img/fish&amp;chips.jpg" alt="Lunch"></p>';
    const html = parseDocument(encoded, 'html');
    expect(html.images.map((i) => i.src)).toEqual(['img/fish&chips.jpg']);
    expect(addressPlaces(html.images, encoded)).toBeNull();
  });
});
