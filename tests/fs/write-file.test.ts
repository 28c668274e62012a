import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { openFileWriter, writeFailureReason, writeFileAtomic } from '../../src/fs/write-file.js';
import { nullDevice } from '../helpers/devices.js';
import { tempFolder } from '../helpers/temp.js';

const MODULE = join(import.meta.dirname, '..', '..', 'src', 'fs', 'write-file.ts');

describe('writing a file whole or not at all', () => {
  afterAll(() => {
    // Whatever a test did, /dev/null must still be the device.
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('leaves the old content whole when a write fails between pieces, and no temporary file', () => {
    const dir = tempFolder({ 'draft.md': 'the old draft' });
    const target = join(dir, 'draft.md');
    const writer = openFileWriter(target);
    writer.write('half of ');
    expect(readFileSync(target, 'utf8')).toBe('the old draft');
    writer.abandon();
    expect(readFileSync(target, 'utf8')).toBe('the old draft');
    expect(readdirSync(dir)).toEqual(['draft.md']);

    const whole = openFileWriter(target);
    whole.write('the new ');
    whole.write(Buffer.from('draft'));
    whole.commit();
    expect(readFileSync(target, 'utf8')).toBe('the new draft');
    expect(readdirSync(dir)).toEqual(['draft.md']);
    expect(() => whole.write('more')).toThrow(/closed/);
  });

  it('leaves the old content whole when the writing process is killed half way', () => {
    const dir = tempFolder({ 'report.json': 'the last report' });
    const target = join(dir, 'report.json');
    const module = join(dir, 'write-file.mjs');
    buildSync({ entryPoints: [MODULE], bundle: true, platform: 'node', format: 'esm', outfile: module, logLevel: 'silent' });
    // A child that writes half a report and is killed before it can finish or tidy up.
    const script = `
      import { openFileWriter } from ${JSON.stringify(module)};
      const writer = openFileWriter(${JSON.stringify(target)});
      writer.write('x'.repeat(300000));
      process.kill(process.pid, 'SIGKILL');
    `;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.signal).toBe('SIGKILL');
    expect(readFileSync(target, 'utf8')).toBe('the last report');
  });

  it('keeps the mode of the file it replaces', () => {
    const dir = tempFolder({ 'secret.json': '{}' });
    const target = join(dir, 'secret.json');
    chmodSync(target, 0o600);
    writeFileAtomic(target, '{"a":1}');
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readFileSync(target, 'utf8')).toBe('{"a":1}');
  });

  it('writes through a symbolic link to the file it points to, and the link stays a link', () => {
    const dir = tempFolder({ 'real/report.json': 'old' });
    symlinkSync('real/report.json', join(dir, 'link.json'));
    writeFileAtomic(join(dir, 'link.json'), 'new');
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.json'))).toBe('real/report.json');
    expect(readFileSync(join(dir, 'real/report.json'), 'utf8')).toBe('new');
    expect(readdirSync(dir).sort()).toEqual(['link.json', 'real']);
    // A link to a file not made yet makes that file.
    symlinkSync('real/later.json', join(dir, 'later.json'));
    writeFileAtomic(join(dir, 'later.json'), 'made');
    expect(lstatSync(join(dir, 'later.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real/later.json'), 'utf8')).toBe('made');
  });

  it('writes to a pipe or a device directly and never replaces it', async () => {
    const dir = tempFolder();
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (chunk) => (read += chunk));
    const closed = new Promise((done) => reader.on('close', done));
    writeFileAtomic(fifo, 'through the pipe');
    await closed;
    expect(read).toBe('through the pipe');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['pipe']);

    const device = nullDevice(dir);
    writeFileAtomic(device, 'nothing');
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
    // A link to the device is followed to it.
    symlinkSync(device, join(dir, 'link-to-null'));
    writeFileAtomic(join(dir, 'link-to-null'), 'nothing');
    expect(lstatSync(join(dir, 'link-to-null')).isSymbolicLink()).toBe(true);
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
  });

  it('refuses a folder, and a path under a file, with the error code to word', () => {
    const dir = tempFolder({ 'a-file': 'x' });
    mkdirSync(join(dir, 'folder'));
    expect(() => writeFileAtomic(join(dir, 'folder'), 'x')).toThrow(expect.objectContaining({ code: 'EISDIR' }));
    expect(() => writeFileAtomic(join(dir, 'a-file', 'x.json'), 'x')).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
    expect(() => writeFileAtomic(join(dir, 'a-file', 'x.json'), 'x', { createFolder: true })).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
    expect(readdirSync(dir).sort()).toEqual(['a-file', 'folder']);
    writeFileAtomic(join(dir, 'new', 'deep', 'x.json'), 'x', { createFolder: true });
    expect(readFileSync(join(dir, 'new', 'deep', 'x.json'), 'utf8')).toBe('x');
  });

  it('says why a write failed and what to do', () => {
    expect(writeFailureReason(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }))).toBe('permission denied (EACCES); choose a folder you can write to');
    expect(writeFailureReason(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toBe('the disk is full (ENOSPC); free some space and run again');
    expect(writeFailureReason(Object.assign(new Error('x'), { code: 'EWHATEVER' }))).toBe('EWHATEVER; check the path and that you can write there');
  });
});
