/**
 * The CI examples beyond what test/examples.test.ts runs: current action
 * majors, the permissions a private repository needs, archscan installed from
 * the npm registry at this release, and the live collection each example does
 * (GitHub over configure-aws-credentials, GitLab over its ID token) run with
 * our real CLI against mocked AWS, then scanned as the next step scans it.
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { fakeAccount, mockAccount, type MockedAccount } from '../helpers/mock-account.js';
import { ROOT } from '../helpers/cli.js';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface GitLabJob {
  image?: string;
  script?: string[];
  variables?: Record<string, string>;
  id_tokens?: Record<string, { aud: string }>;
  rules?: { if: string }[];
  artifacts?: { when: string; paths: string[]; reports: { junit: string } };
}

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
/**
 * The current majors (December 2026), each running on Node 24: v3 of the
 * CodeQL action is deprecated this month; checkout, setup-node and
 * upload-artifact moved to v7, configure-aws-credentials to v6, in 2026.
 */
const CURRENT: Record<string, string> = {
  'actions/checkout': 'v7',
  'actions/setup-node': 'v7',
  'actions/upload-artifact': 'v7',
  'aws-actions/configure-aws-credentials': 'v6',
  'github/codeql-action/upload-sarif': 'v4',
};

const workflow = parse(readFileSync(join(ROOT, 'examples/github-actions.yml'), 'utf8')) as { permissions: Record<string, string>; jobs: Record<string, { steps: Step[] }> };
const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
const gitlab = parse(readFileSync(join(ROOT, 'examples/gitlab-ci.yml'), 'utf8')) as Record<string, GitLabJob>;

let mocked: MockedAccount | undefined;
const saved = { ...process.env };
beforeEach(() => {
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: 'AKIAMOCKEDEXAMPLE009',
    AWS_SECRET_ACCESS_KEY: 'mocked/secret/key/for/ci/examples/0000009',
    AWS_REGION: 'ap-south-1',
    AWS_EC2_METADATA_DISABLED: 'true',
  });
});
afterEach(() => {
  mocked?.restore();
  mocked = undefined;
  process.env = { ...saved };
});

function captureIo(): Io & { out: string; err: string } {
  const io = { out: '', err: '', stdoutIsTty: false, stderrIsTty: false, env: { ...process.env } } as Io & { out: string; err: string };
  io.stdout = (t) => void (io.out += t);
  io.stderr = (t) => void (io.err += t);
  return io;
}

/** An example's archscan command (up to a `||`), run in-process with its files in `dir`. */
async function runLine(line: string, dir: string): Promise<{ code: number; io: ReturnType<typeof captureIo> }> {
  const args = line.split('||')[0]!.trim().split(/\s+/).slice(1).map((a) => a.replace(/^"|"$/g, ''));
  for (const flag of ['--output', '--snapshot']) {
    const i = args.indexOf(flag);
    if (i >= 0) args[i + 1] = join(dir, args[i + 1]!);
  }
  const io = captureIo();
  return { code: await main(['node', 'archscan', ...args], io), io };
}

/** The shell line as the runner runs it (bash -e), with `archscan` a stub exiting `code`. */
function shell(line: string, code: number): Promise<number> {
  const bin = mkdtempSync(join(tmpdir(), 'archscan-stub-'));
  writeFileSync(join(bin, 'archscan'), `#!/bin/sh\nexit ${code}\n`);
  chmodSync(join(bin, 'archscan'), 0o755);
  return new Promise((resolve) => {
    execFile('bash', ['-e', '-c', line], { env: { PATH: `${bin}:${process.env['PATH'] ?? ''}` } }, (error) => resolve(error ? (typeof error.code === 'number' ? error.code : 1) : 0));
  });
}

describe('examples/github-actions.yml', () => {
  it('uses the current major of every action', () => {
    const used = steps.filter((s) => s.uses).map((s) => s.uses!.split('@') as [string, string]);
    expect(Object.fromEntries(used)).toEqual(CURRENT);
  });

  it('asks for the permissions upload-sarif needs on a private repository, and OIDC', () => {
    expect(workflow.permissions).toEqual({ actions: 'read', contents: 'read', 'id-token': 'write', 'security-events': 'write' });
  });

  it('installs this release from the npm registry, not from git', () => {
    const installs = steps.filter((s) => /npm (install|i) /.test(s.run ?? '')).map((s) => s.run!.trim());
    expect(installs).toEqual([`npm install --global archscan@${VERSION}`]);
  });

  it('collects the account over OIDC with the real CLI, and the scan step scans what it wrote', async () => {
    const aws = steps.findIndex((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'));
    expect(steps[aws]!.with).toMatchObject({ 'role-to-assume': expect.stringMatching(/^arn:aws:iam::\d{12}:role\//), 'aws-region': expect.any(String) });
    const collectIndex = steps.findIndex((s) => /^archscan collect /.test(s.run ?? ''));
    expect(collectIndex).toBeGreaterThan(aws);
    const scanIndex = steps.findIndex((s) => s.id === 'scan');
    expect(scanIndex).toBeGreaterThan(collectIndex);

    mocked = await mockAccount(await fakeAccount());
    const dir = mkdtempSync(join(tmpdir(), 'archscan-gha-'));
    const collected = await runLine(steps[collectIndex]!.run!, dir);
    expect(collected.code, collected.io.err).toBe(0);
    const snapshot = /--output (\S+)/.exec(steps[collectIndex]!.run!)![1]!;
    expect(steps[scanIndex]!.run).toContain(`--snapshot ${snapshot}`);
    const scanned = await runLine(steps[scanIndex]!.run!, dir);
    expect(scanned.code, scanned.io.err).toBe(1); // the fake account has high findings
    expect(JSON.parse(readFileSync(join(dir, 'archscan.sarif'), 'utf8'))).toMatchObject({ version: '2.1.0' });
    // The snapshot is kept as an artifact, even when a later step fails.
    const keep = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(keep.with?.['path']).toBe(snapshot);
    expect(keep.if).toContain('always()');
  });

  it('lets a collection with failed calls (exit 3) through to the scan, and nothing else', async () => {
    const line = steps.find((s) => /^archscan collect /.test(s.run ?? ''))!.run!;
    expect(await shell(line, 0)).toBe(0);
    expect(await shell(line, 3)).toBe(0);
    expect(await shell(line, 2)).not.toBe(0);
    expect(await shell(line, 4)).not.toBe(0);
  });
});

describe('examples/gitlab-ci.yml', () => {
  const jobs = Object.entries(gitlab).filter(([, j]) => typeof j === 'object' && j !== null && 'script' in j);

  it('installs this release from the npm registry in a current Node image', () => {
    for (const [name, job] of jobs) {
      expect(job.image, name).toBe('node:24');
      expect(job.script!.filter((l) => /npm (install|i) /.test(l)), name).toEqual([`npm install --global archscan@${VERSION}`]);
    }
  });

  it('archscan-live collects over the ID token with the real CLI and scans what it wrote', async () => {
    const live = gitlab['archscan-live']!;
    expect(live.id_tokens).toEqual({ AWS_ID_TOKEN: { aud: 'sts.amazonaws.com' } });
    expect(live.variables).toMatchObject({ AWS_ROLE_ARN: expect.stringMatching(/^arn:aws:iam::\d{12}:role\//), AWS_WEB_IDENTITY_TOKEN_FILE: expect.any(String) });
    // The token reaches the file the SDK's web-identity provider reads, before the collection.
    const write = live.script!.findIndex((l) => l.includes('"$AWS_ID_TOKEN"') && l.includes('> "$AWS_WEB_IDENTITY_TOKEN_FILE"'));
    const collect = live.script!.findIndex((l) => l.startsWith('archscan collect '));
    expect(write).toBeGreaterThan(-1);
    expect(collect).toBeGreaterThan(write);
    expect(live.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "schedule"' }]);

    mocked = await mockAccount(await fakeAccount());
    const dir = mkdtempSync(join(tmpdir(), 'archscan-gitlab-'));
    const collected = await runLine(live.script![collect]!, dir);
    expect(collected.code, collected.io.err).toBe(0);
    const scan = live.script!.find((l) => l.startsWith('archscan scan '))!;
    const scanned = await runLine(scan, dir);
    expect([0, 1]).toContain(scanned.code);
    const junit = /--output (\S+)/.exec(scan)![1]!;
    expect(readFileSync(join(dir, junit), 'utf8')).toMatch(/^<\?xml/);
    expect(live.artifacts).toMatchObject({ when: 'always', reports: { junit } });
    expect(live.artifacts!.paths).toEqual(expect.arrayContaining([/--output (\S+)/.exec(live.script![collect]!)![1], junit]));
    expect(existsSync(join(dir, 'snapshot.json.gz'))).toBe(true);
    expect(await shell(live.script![collect]!, 3)).toBe(0);
    expect(await shell(live.script![collect]!, 2)).not.toBe(0);
  });
});
