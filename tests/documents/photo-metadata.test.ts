import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { localImagePath, readPhotoMetadata } from '../../src/documents/photo-metadata.js';
import { makePhoto } from '../helpers/photos.js';
import { tempFolder } from '../helpers/temp.js';

const draft = (images: string) => `---\nchannel: official\nimages:\n${images}---\n\nSports day.\n`;

async function run(files: Record<string, string | Buffer>) {
  const dir = tempFolder(files);
  const report = await check({ paths: [join(dir, 'post.md')] }, { config: false, cwd: dir, roster: undefined });
  return report.files[0];
}

describe('photo metadata', () => {
  it('reports a GPS position as a location finding on the image', async () => {
    const file = await run({
      'post.md': draft('  - src: img/a.jpg\n    alt: The school field\n'),
      'img/a.jpg': makePhoto({ gps: { latitude: 52.6369, longitude: -1.1398 } }),
    });
    expect(file.findings.map((f) => [f.ruleId, f.category, f.line, f.column, f.endColumn])).toEqual([['photo-location', 'location', 4, 10, 19]]);
    expect(file.findings[0].suggestion).toMatch(/^Post a copy of the photo without its location: share it with your phone.s "remove location" option/);
  });

  it('checks names in the description and tags for pupils', async () => {
    const file = await run({
      'post.md': draft('  - src: b.jpg\n    alt: A certificate\n'),
      'b.jpg': makePhoto({ description: 'Noah Whitfield with his certificate' }),
    });
    expect(file.findings.map((f) => [f.ruleId, f.category, f.message])).toEqual([
      ['photo-metadata-name', 'pupil-name', "The photo file's description or tags hold a pupil's full name"],
    ]);
  });

  it('finds nothing in a photo without location or names', async () => {
    const file = await run({ 'post.md': draft('  - src: c.jpg\n    alt: The new library\n'), 'c.jpg': makePhoto({ description: 'The new library' }) });
    expect(file.findings).toEqual([]);
    expect(file.note).toBeUndefined();
  });

  it('notes a missing or unreadable photo and never fails on it', async () => {
    const file = await run({
      'post.md': draft('  - src: missing.jpg\n    alt: A view\n  - src: broken.jpg\n    alt: A view\n'),
      'broken.jpg': 'not a photo at all',
    });
    expect(file.findings).toEqual([]);
    expect(file.error).toBeUndefined();
    expect(file.note).toBe(
      'the image on line 4 was not found next to the draft; its metadata was not checked; the image on line 6 could not be read as a photo; its metadata was not checked',
    );
  });

  it('asks about a missing photo folder once a run, and sees it made before the next run', async () => {
    const dir = tempFolder({
      'a/post.md': draft('  - src: img/x.jpg\n    alt: A view\n'),
      'b/post.md': draft('  - src: x.jpg\n    alt: A view\n  - src: y.jpg\n    alt: A view\n'),
      'b/y.jpg': makePhoto({ gps: { latitude: 52.6369, longitude: -1.1398 } }),
    });
    const folders = new Map<string, boolean>();
    const lineOf = () => 4;
    const images = (src: string) => [{ src, alt: 'A view', start: 0, end: 1 }] as Parameters<typeof readPhotoMetadata>[0];
    expect((await readPhotoMetadata(images('img/x.jpg'), join(dir, 'a', 'post.md'), lineOf, undefined, folders)).notes).toHaveLength(1);
    expect([...folders]).toEqual([[join(dir, 'a', 'img'), false]]);
    // A folder found missing stays missing for the rest of the run; the next run looks again.
    writeFileSync(join(dir, 'b', 'x.jpg'), makePhoto({ gps: { latitude: 52.6369, longitude: -1.1398 } }));
    mkdirSync(join(dir, 'a', 'img'));
    writeFileSync(join(dir, 'a', 'img', 'x.jpg'), makePhoto({ gps: { latitude: 52.6369, longitude: -1.1398 } }));
    expect((await readPhotoMetadata(images('img/x.jpg'), join(dir, 'a', 'post.md'), lineOf, undefined, folders)).notes).toHaveLength(1);
    expect((await readPhotoMetadata(images('img/x.jpg'), join(dir, 'a', 'post.md'), lineOf)).photos.map((p) => p.gps)).toEqual([true]);
    // Photos in a folder that is there are each looked for.
    expect((await readPhotoMetadata(images('y.jpg'), join(dir, 'b', 'post.md'), lineOf, undefined, folders)).photos).toHaveLength(1);
    expect((await readPhotoMetadata(images('x.jpg'), join(dir, 'b', 'post.md'), lineOf, undefined, folders)).photos).toHaveLength(1);
    // Through the API, each check is a run of its own.
    const report = await check({ paths: [join(dir, 'a', 'post.md'), join(dir, 'b', 'post.md')] }, { config: false, cwd: dir });
    expect(report.files.map((f) => [f.findings.map((x) => x.ruleId), f.note])).toEqual([
      [['photo-location'], undefined],
      [['photo-location', 'photo-location'], undefined],
    ]);
  });

  it('finds a site path\'s photo where a Hugo, Jekyll or Eleventy site serves it from', async () => {
    const gps = makePhoto({ gps: { latitude: 52.6369, longitude: -1.1398 } });
    const hugo = tempFolder({ 'hugo.toml': 'title = "School"\n', 'static/images/a.jpg': gps, 'assets/img/b.jpg': gps, 'content/news/post.md': '' });
    expect(localImagePath('/images/a.jpg', join(hugo, 'content/news/post.md'))).toBe(join(hugo, 'static/images/a.jpg'));
    expect(localImagePath('/img/b.jpg?v=1', join(hugo, 'content/news/post.md'))).toBe(join(hugo, 'assets/img/b.jpg'));
    expect(localImagePath('/images/missing.jpg', join(hugo, 'content/news/post.md'))).toBeNull();
    const jekyll = tempFolder({ '_config.yml': 'title: School\n', 'assets/c.jpg': gps, '_posts/x.md': '' });
    expect(localImagePath('/assets/c.jpg', join(jekyll, '_posts/x.md'))).toBe(join(jekyll, 'assets/c.jpg'));
    const eleventy = tempFolder({ 'eleventy.config.js': 'export default {};\n', 'src/img/d.jpg': gps, 'src/posts/y.md': '' });
    expect(localImagePath('/img/d.jpg', join(eleventy, 'src/posts/y.md'))).toBe(join(eleventy, 'src/img/d.jpg'));
    writeFileSync(join(hugo, 'content/news/post.md'), '{{< figure src="/images/a.jpg" alt="The school field" >}}\n');
    const report = await check({ paths: [join(hugo, 'content')] }, { config: false, cwd: hugo });
    expect(report.files[0].findings.map((f) => f.ruleId)).toEqual(['photo-location']);
  });

  it('never fetches links or site paths', () => {
    expect(localImagePath('https://example.org/a.jpg', '/x/post.md')).toBeNull();
    expect(localImagePath('//cdn.example.org/a.jpg', '/x/post.md')).toBeNull();
    expect(localImagePath('/uploads/a.jpg', '/x/post.md')).toBeNull();
    expect(localImagePath('data:image/png;base64,AAAA', '/x/post.md')).toBeNull();
    expect(localImagePath('img/a%20b.jpg?v=2', '/x/post.md')).toBe('/x/img/a b.jpg');
  });
});

describe('what an image shows, per channel', () => {
  const post = (channel: string, image: string, consent = '') =>
    `---\nchannel: ${channel}\n${consent}---\n\n${image}\n`;
  const rules = async (channel: string, image: string, consent = '') => {
    const dir = tempFolder({});
    writeFileSync(join(dir, 'post.md'), post(channel, image, consent));
    const report = await check({ paths: [join(dir, 'post.md')] }, { config: false, cwd: dir });
    return report.files[0].findings.filter((f) => f.category === 'imagery').map((f) => f.ruleId);
  };

  it.each([
    ['official', '![Year 6 leavers on the field](https://example.org/leavers.jpg)', '', ['image-without-consent']],
    ['official', '![Year 6 leavers on the field](https://example.org/leavers.jpg)', 'consent: true\n', []],
    ['official', '![Our school crest on the gates](https://example.org/crest.png)', '', []],
    ['official', '![The new science block](https://example.org/block.jpg)', '', []],
    ['official', '<figure><img src="https://example.org/p.jpg" alt="Prize giving"><figcaption>Alfie Sutton and his cup</figcaption></figure>', 'consent: true\n', ['image-with-pupil-name']],
    ['staff-personal', '![My class on the trip](https://example.org/trip.jpg)', '', ['staff-image-of-pupils']],
    ['staff-personal', '![Me in my school polo shirt and lanyard](https://example.org/me.jpg)', '', ['staff-image-with-school-branding']],
    ['parent', '![The whole class at the party](https://example.org/party.jpg)', '', ['parent-image-of-children']],
    ['parent', '![Our garden](https://example.org/garden.jpg)', '', []],
    ['pupil', '![me and my friends in our school jumpers](https://example.org/us.jpg)', '', ['pupil-image-in-uniform']],
    ['pupil', '![me at the beach](https://example.org/beach.jpg)', '', []],
  ])('%s: %s', async (channel, image, consent, expected) => {
    expect(await rules(channel, image, consent)).toEqual(expected);
  });
});
