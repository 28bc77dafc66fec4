/**
 * How the process behaves at its edges: a reader that goes away, outputs
 * that are not regular files, YAML that tries to explode, empty file
 * arguments, and a bug inside archscan (its own exit code, not 3).
 */
import { spawn, execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { BIN, fixture, runCli, tempDir } from '../helpers/cli.js';

const SAMPLE = fixture('giftcard-issuer.json');

describe('a closed stdout', () => {
  it('ends the process quietly with the gate exit code (| head -1)', async () => {
    const child = spawn(process.execPath, [BIN, 'scan', '--snapshot', SAMPLE, '--format', 'json'], { env: { PATH: process.env['PATH'] ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Read one chunk, then close the pipe as `head -1` does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(stderr).not.toMatch(/EPIPE|Error:|\n\s+at /);
    expect(stderr).toContain('gate failed');
  });
});

describe('--output to what is not a regular file', () => {
  it('writes to /dev/null in place and never replaces it', async () => {
    const run = await runCli(['scan', '--snapshot', SAMPLE, '--format', 'json', '--output', '/dev/null']);
    expect(run.code).toBe(1);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('writes into a FIFO for the reader at the other end', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'report.fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'ignore'] });
    let got = '';
    reader.stdout.on('data', (d: Buffer) => (got += d.toString()));
    const closed = new Promise((resolve) => reader.on('close', resolve));
    const run = await runCli(['scan', '--snapshot', SAMPLE, '--format', 'json', '--output', fifo]);
    await closed;
    expect(run.code).toBe(1);
    expect(JSON.parse(got)).toHaveProperty('frameworks');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('replaces the target of a symbolic link atomically and keeps the link', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'reports'));
    const target = join(dir, 'reports', 'q4.json');
    writeFileSync(target, 'old');
    const link = join(dir, 'latest.json');
    symlinkSync('reports/q4.json', link);
    const run = await runCli(['scan', '--snapshot', SAMPLE, '--format', 'json', '--output', link]);
    expect(run.code).toBe(1);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('reports/q4.json');
    expect(JSON.parse(readFileSync(target, 'utf8'))).toHaveProperty('frameworks');
  });
});

describe('YAML that would explode or points nowhere', () => {
  const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]', 'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]', ''].join('\n');

  it.each([
    ['a rule set with an alias bomb', 'rules.yaml', bomb, ['--rules'], 'alias bomb'],
    ['a rule set with an alias to no anchor', 'rules.yaml', 'id: x\ntitle: *missing\n', ['--rules'], 'an alias (*name) to an anchor'],
    ['a waiver file with an alias bomb', 'waivers.yaml', `waivers:\n${bomb}`, ['--waivers'], 'alias bomb'],
    ['a waiver file with an alias to no anchor', 'waivers.yaml', 'waivers:\n  - check: *nothing\n', ['--waivers'], 'an alias (*name) to an anchor'],
  ])('%s exits 2 naming the file and the line', async (_, name, text, [flag], expected) => {
    const dir = tempDir();
    const file = join(dir, name);
    writeFileSync(file, text);
    const run = await runCli(['scan', '--snapshot', SAMPLE, flag!, file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`${file}: line \\d+, column \\d+: .*${expected!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
  });
});

describe('an empty file argument', () => {
  it.each([
    [['scan', '--snapshot', ''], "--snapshot <file>"],
    [['scan', '--snapshot', SAMPLE, '--rules', ''], "--rules <file>"],
    [['scan', '--snapshot', SAMPLE, '--waivers', ''], "--waivers <file>"],
    [['scan', '--snapshot', SAMPLE, '--output', ''], "--output <file>"],
    [['collect', '--output', ''], "--output <file>"],
    [['diff', '', 'b.json'], "old"],
    [['validate', ''], "file"],
  ])('%j is a usage error naming it, never a live scan', async (args, named) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(named);
    expect(run.stderr).toContain('not an empty string');
    expect(run.stderr).not.toMatch(/credentials|sts:GetCallerIdentity/);
  });
});

describe('an internal error', () => {
  it('exits 4, not 3 (incomplete scan), says it is a bug, and shows the stack only with --debug', async () => {
    const broken = (): Io & { err: string } => {
      const io = { err: '', stdoutIsTty: false, stderrIsTty: false, env: {} } as Io & { err: string };
      io.stdout = () => {
        throw new Error('disk on fire');
      };
      io.stderr = (t) => void (io.err += t);
      return io;
    };
    const quiet = broken();
    expect(await main(['node', 'archscan', 'frameworks'], quiet)).toBe(4);
    expect(quiet.err).toContain('archscan: internal error: disk on fire');
    expect(quiet.err).toContain('bug');
    expect(quiet.err).not.toMatch(/\n\s+at /);
    const loud = broken();
    expect(await main(['node', 'archscan', '--debug', 'frameworks'], loud)).toBe(4);
    expect(loud.err).toMatch(/\n\s+at /);
  });
});
