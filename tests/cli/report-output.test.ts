import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { reportOutput } from '../../src/cli/report-output.js';
import { tempFolder } from '../helpers/temp.js';

const ioIn = (cwd: string, written: string[] = []): CliIO => ({
  stdout: (text) => written.push(text),
  stderr: () => {},
  readStdin: () => Buffer.alloc(0),
  isTTY: false,
  env: {},
  cwd,
});

describe('where a report is written', () => {
  it('puts a report file in place only when it is whole', () => {
    const dir = tempFolder({ 'reports/r.json': 'the last report' });
    const stopped = reportOutput('reports/r.json', ioIn(dir));
    stopped.write('{"files":[');
    stopped.abandon();
    expect(readFileSync(join(dir, 'reports/r.json'), 'utf8')).toBe('the last report');
    expect(readdirSync(join(dir, 'reports'))).toEqual(['r.json']);

    const whole = reportOutput('reports/r.json', ioIn(dir));
    whole.write('{"files":[');
    expect(readFileSync(join(dir, 'reports/r.json'), 'utf8')).toBe('the last report');
    whole.write('],"summary":{}}\n');
    whole.finish();
    expect(readFileSync(join(dir, 'reports/r.json'), 'utf8')).toBe('{"files":[],"summary":{}}\n');
    expect(readdirSync(join(dir, 'reports'))).toEqual(['r.json']);
  });

  it('writes to standard output as it goes', () => {
    const written: string[] = [];
    const out = reportOutput(undefined, ioIn(tempFolder(), written));
    out.write('a');
    out.write('b');
    out.finish();
    expect(written).toEqual(['a', 'b']);
  });
});
