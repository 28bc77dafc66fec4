import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'bin/archscan.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Run the built CLI as a user would, with a clean environment: no credentials,
 * no colour forcing, and the EC2 instance-metadata lookup off (tests reach
 * nothing but loopback).
 */
export function runCli(args: string[], env: Record<string, string> = {}, cwd = ROOT): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd, env: { PATH: process.env['PATH'] ?? '', AWS_EC2_METADATA_DISABLED: 'true', ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'archscan-test-'));
}

export function writeTemp(dir: string, name: string, content: string | Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

export function filesIn(dir: string): string[] {
  return readdirSync(dir).sort();
}

export const fixture = (name: string) => join(ROOT, 'fixtures', name);
