import { execFileSync } from 'node:child_process';
import { existsSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDraft, readDraftBytes } from '../../src/documents/index.js';
import { runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

describe('readDraft', () => {
  it('reads only regular files, and refuses an oversized one by its size before reading it', async () => {
    const dir = tempFolder();
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    symlinkSync('/dev/zero', join(dir, 'zero.md'));
    writeFileSync(join(dir, 'big.md'), '');
    truncateSync(join(dir, 'big.md'), 11 * 1024 * 1024);
    const notRegular = 'file is not a regular file (a device, a pipe or a socket); give safepost drafts only';
    await expect(readDraft(join(dir, 'pipe.md'))).rejects.toThrow(notRegular);
    await expect(readDraft(join(dir, 'zero.md'))).rejects.toThrow(notRegular);
    await expect(readDraft(join(dir, 'big.md'))).rejects.toThrow('file is 11.0 MB, over the 10 MB limit for a draft');
  });

  it('reads a draft whole, whatever its size, and a file that says it is empty to its end', () => {
    const dir = tempFolder();
    for (const size of [1, 4095, 4096, 8193, 300_000]) {
      const bytes = Buffer.alloc(size, 'ab’\n');
      writeFileSync(join(dir, 'post.md'), bytes);
      expect(readDraftBytes(join(dir, 'post.md')).equals(bytes)).toBe(true);
    }
    writeFileSync(join(dir, 'empty.md'), '');
    expect(readDraftBytes(join(dir, 'empty.md')).length).toBe(0);
    // Files in /proc give a size of 0 and have content.
    if (existsSync('/proc/self/status')) expect(readDraftBytes('/proc/self/status').toString()).toMatch(/^Name:/);
  });

  it('leaves a photo that is a pipe with a note, and checks the rest of the draft', () => {
    const dir = tempFolder({ 'post.md': '![The field](img/x.jpg)\nRing 07700 900123.\n' });
    execFileSync('mkdir', ['-p', join(dir, 'img')]);
    execFileSync('mkfifo', [join(dir, 'img', 'x.jpg')]);
    for (const extra of [[], ['--cache']]) {
      const r = runCli(['check', 'post.md', '--channel', 'parent', '--format', 'json', ...extra], { cwd: dir });
      expect(r.status).toBe(1);
      expect(JSON.parse(r.stdout).files[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['personal-phone-number']);
      expect(r.stderr).toBe('safepost: post.md: the image on line 1 is not a regular file; its metadata was not checked\n');
    }
  });
});
