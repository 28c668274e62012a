import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

const schema = () => JSON.parse(readFileSync(join(ROOT, 'dist', 'config.schema.json'), 'utf8'));

describe('safepost init', () => {
  it('writes a commented config with a $schema line that safepost reads, and asks nothing off a terminal', () => {
    const dir = tempFolder({ 'post.md': 'Our SATs results are in.\n' });
    const r = runCli(['init', '--domains', 'brookfield-academy.org.uk, merciantrust.org.uk'], { cwd: dir });
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.stdout).toMatch(/^Wrote safepost\.config\.yaml \(channel: official\)/);
    const text = readFileSync(join(dir, 'safepost.config.yaml'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=https:\/\/unpkg\.com\/safepost@[\d.]+\/dist\/config\.schema\.json$/);
    expect(parse(text)).toEqual({ channel: 'official', official: { domains: ['brookfield-academy.org.uk', 'merciantrust.org.uk'] } });
    expect(runCli(['check', 'post.md'], { cwd: dir }).status).toBe(0);
  });

  it('never replaces a config unless told to', () => {
    const dir = tempFolder({ 'safepost.config.yaml': 'channel: parent\n' });
    expect(runCli(['init'], { cwd: dir })).toMatchObject({ status: 2, stderr: 'safepost: safepost.config.yaml is already here; edit it, or give --force to replace it\n' });
    expect(readFileSync(join(dir, 'safepost.config.yaml'), 'utf8')).toBe('channel: parent\n');
    expect(runCli(['init', '--force', '--channel', 'pupil'], { cwd: dir }).status).toBe(0);
    expect(parse(readFileSync(join(dir, 'safepost.config.yaml'), 'utf8')).channel).toBe('pupil');
  });
});

describe('the config JSON Schema', () => {
  it('takes the configs safepost takes and refuses what it refuses, with descriptions for editors', () => {
    const validate = new Ajv2020({ strict: false }).compile(schema());
    const good = parse(readFileSync(join(ROOT, 'fixtures', 'safepost.config.yaml'), 'utf8'));
    expect(validate(good)).toBe(true);
    expect(validate({ overrides: [{ files: 'content/staff-blogs', channel: 'staff-personal' }], ignores: ['public/'] })).toBe(true);
    expect(validate({ chanel: 'official' })).toBe(false);
    expect(validate({ channel: 'teacher' })).toBe(false);
    expect(schema().properties.channel.description).toMatch(/^Who is posting/);
  });
});

describe('--print-config and --rule', () => {
  const site = () =>
    tempFolder({
      'safepost.config.yaml': 'channel: official\nrules:\n  budget-problems: error\noverrides:\n  - files: blogs\n    channel: staff-personal\n',
      'blogs/walk.md': 'Lovely walk.\n',
      'news/fair.md': '---\nchannel: parent\n---\nOur SATs results are in.\n',
    });

  it('prints the settings that apply to one draft: its channel and why, the overrides, each rule', () => {
    const dir = site();
    const blog = JSON.parse(runCli(['check', '--print-config', 'blogs/walk.md', '--rule', 'exam-results: off'], { cwd: dir }).stdout);
    expect(blog).toMatchObject({ path: 'blogs/walk.md', config: 'safepost.config.yaml', channel: 'staff-personal', channelFrom: 'overrides', overrides: [0], ignored: false, roster: null });
    expect(blog.rules['exam-results']).toBe('off');
    expect(blog.rules['budget-problems']).toBe('error');
    const fair = JSON.parse(runCli(['check', '--print-config', 'news/fair.md'], { cwd: dir }).stdout);
    expect(fair).toMatchObject({ channel: 'parent', channelFrom: 'front matter', overrides: [] });
  });

  it('--rule sets a rule over the config, and is exit 2 for an unknown rule or a bad setting', () => {
    const dir = site();
    writeFileSync(join(dir, 'news', 'results.md'), 'Our SATs results are in.\n');
    const off = runCli(['check', 'news/results.md', '--rule', 'exam-results: off', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(off.stdout).files[0].findings).toEqual([]);
    const error = runCli(['check', 'news/results.md', '--rule', 'exam-results=error'], { cwd: dir });
    expect(error.status).toBe(1);
    expect(runCli(['check', 'news', '--rule', 'exam-result: off'], { cwd: dir })).toMatchObject({
      status: 2,
      stderr: 'safepost: --rule: no rule "exam-result"; run "safepost rules" to list the rule ids\n',
    });
    const bad = runCli(['check', 'news', '--rule', 'exam-results'], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/option '--rule <rule>' argument 'exam-results' is invalid\. give a rule id and a severity/);
  });
});
