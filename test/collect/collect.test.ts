import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectSnapshot, type CollectOptions } from '../../src/collect/collect.js';
import { DEFAULT_CONCURRENCY, defaultServiceConcurrency } from '../../src/collect/limits.js';
import { requiredActions } from '../../src/collect/permissions.js';
import { iamActionFor, READ_ONLY } from '../../src/services/operations.js';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import type { Snapshot } from '../../src/snapshot/types.js';
import { ACCOUNT, awsError, commandsOf, fakeAccount, mockAccount, TRAIL_ARN, type FakeAccount, type MockedAccount } from '../helpers/mock-account.js';

const EXPECTED = new URL('./two-region.expected.json', import.meta.url);
const CREDS = { AWS_ACCESS_KEY_ID: 'AKIAMOCKEDEXAMPLE001', AWS_SECRET_ACCESS_KEY: 'mocked/secret/key/for/tests/only0000001' };

let mocked: MockedAccount | undefined;
const saved = { ...process.env };
beforeEach(() => {
  Object.assign(process.env, CREDS, { AWS_REGION: 'ap-south-1', AWS_EC2_METADATA_DISABLED: 'true', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
});
afterEach(() => {
  mocked?.restore();
  mocked = undefined;
  process.env = { ...saved };
});

const options = (over: Partial<CollectOptions> = {}): CollectOptions => ({
  homeRegion: 'ap-south-1',
  concurrency: 8,
  maxAttempts: 1,
  timeoutMs: 5000,
  now: new Date('2026-11-20T06:00:00Z'),
  collectorVersion: '0.1.0',
  ...over,
});

async function collectFrom(account: FakeAccount, over: Partial<CollectOptions> = {}): Promise<Snapshot> {
  mocked = await mockAccount(account);
  return collectSnapshot(options(over));
}

function captureIo(): Io & { out: string; err: string } {
  const io = { out: '', err: '', stdoutIsTty: false, stderrIsTty: false, env: { ...process.env } } as Io & { out: string; err: string };
  io.stdout = (t) => void (io.out += t);
  io.stderr = (t) => void (io.err += t);
  return io;
}

describe('collect (mocked AWS)', () => {
  it('collects a two-region account into the expected snapshot', async () => {
    const snapshot = await collectFrom(await fakeAccount());
    const text = `${JSON.stringify(snapshot, null, 2)}\n`;
    if (process.env['UPDATE_EXPECTED'] === '1') writeFileSync(EXPECTED, text);
    expect(text).toBe(readFileSync(EXPECTED, 'utf8'));
    expect(snapshot.metadata).toMatchObject({ accountId: ACCOUNT, partition: 'aws', regions: ['ap-south-1', 'ap-south-2'] });
    // Dates as ISO strings, the credential report as base64, no SDK $metadata, no pagination tokens.
    expect(text).not.toContain('$metadata');
    expect(text).not.toContain('NextToken');
  });

  it('follows three pages to the end', async () => {
    const account = await fakeAccount();
    const page = (n: number) => ({ GroupId: `sg-page${n}`, GroupName: `p${n}`, VpcId: 'vpc-1', IpPermissions: [], IpPermissionsEgress: [] });
    account['ap-south-1']!['ec2:DescribeSecurityGroups'] = (input) =>
      input['NextToken'] === undefined
        ? { SecurityGroups: [page(1)], NextToken: 't2' }
        : input['NextToken'] === 't2'
          ? { SecurityGroups: [page(2)], NextToken: 't3' }
          : { SecurityGroups: [page(3)] };
    const snapshot = await collectFrom(account, { regions: ['ap-south-1'] });
    const groups = (snapshot.regions['ap-south-1']!.calls['ec2:DescribeSecurityGroups'] as { SecurityGroups: { GroupId: string }[] }).SecurityGroups;
    expect(groups.map((g) => g.GroupId)).toEqual(['sg-page1', 'sg-page2', 'sg-page3']);
    expect(mocked!.sent.filter((s) => s.key === 'ec2:DescribeSecurityGroups').map((s) => s.input['NextToken'])).toEqual([undefined, 't2', 't3']);
  });

  it('skips a region that is not opted in, and says so', async () => {
    const snapshot = await collectFrom(await fakeAccount(), { regions: ['ap-south-1', 'me-central-1'] });
    expect(snapshot.metadata.regions).toEqual(['ap-south-1']);
    expect(snapshot.metadata.skippedRegions).toEqual([{ region: 'me-central-1', reason: 'not opted in for this account' }]);
    expect(mocked!.sent.some((s) => s.region === 'me-central-1')).toBe(false);
  });

  it('by default collects every enabled region and never a not-opted-in one, which it lists as skipped', async () => {
    const snapshot = await collectFrom(await fakeAccount());
    expect(snapshot.metadata.regions).toEqual(['ap-south-1', 'ap-south-2']);
    expect(snapshot.metadata.skippedRegions).toEqual([{ region: 'me-central-1', reason: 'not opted in for this account' }]);
    expect(mocked!.sent.some((s) => s.region === 'me-central-1')).toBe(false);
  });

  it('reads each trail status once, in the trail home region', async () => {
    await collectFrom(await fakeAccount());
    expect(mocked!.sent.filter((s) => s.key === 'cloudtrail:GetTrailStatus').map((s) => [s.region, s.input['Name']])).toEqual([['ap-south-1', TRAIL_ARN]]);
  });

  it('records "no password policy" as data and a denied call as an error', async () => {
    const account = await fakeAccount();
    account['global']!['iam:GetAccountPasswordPolicy'] = awsError('NoSuchEntity', 'The Password Policy with domain name 333344445555 cannot be found.');
    account['ap-south-2']!['ec2:DescribeFlowLogs'] = awsError('UnauthorizedOperation', 'You are not authorized to perform this operation.');
    const snapshot = await collectFrom(account);
    expect(snapshot.errors.map((e) => [`${e.service}:${e.operation}`, e.region, e.code])).toEqual([
      ['ec2:DescribeFlowLogs', 'ap-south-2', 'UnauthorizedOperation'],
      ['iam:GetAccountPasswordPolicy', 'global', 'NoSuchEntity'],
    ]);
  });

  it('keeps one service that fans out from holding more than its share of the calls in flight', async () => {
    // 40 buckets whose settings answer slowly, and everything else at once.
    const account = await fakeAccount();
    const inFlight = new Map<string, number>();
    const peak = new Map<string, number>();
    let finishedS3 = 0;
    let kmsDoneBeforeS3 = -1;
    const slow = (service: string, answer: unknown, ms: number) => async () => {
      inFlight.set(service, (inFlight.get(service) ?? 0) + 1);
      const total = [...inFlight.values()].reduce((a, b) => a + b, 0);
      peak.set(service, Math.max(peak.get(service) ?? 0, inFlight.get(service)!));
      peak.set('*', Math.max(peak.get('*') ?? 0, total));
      await new Promise((r) => setTimeout(r, ms));
      inFlight.set(service, inFlight.get(service)! - 1);
      if (service === 's3') finishedS3++;
      return structuredClone(answer);
    };
    const g = account['global']!;
    g['s3:ListBuckets'] = { Buckets: Array.from({ length: 40 }, (_, i) => ({ Name: `bucket-${String(i).padStart(2, '0')}`, CreationDate: new Date('2024-01-01T00:00:00Z') })), Owner: { ID: 'owner' } };
    for (const key of Object.keys(g).filter((k) => k.startsWith('s3:Get'))) g[key] = slow('s3', g[key], 15);
    const ap = account['ap-south-1']!;
    const rotation = ap['kms:GetKeyRotationStatus'] ?? { KeyRotationEnabled: true };
    ap['kms:GetKeyRotationStatus'] = async () => {
      const answer = await slow('kms', typeof rotation === 'function' ? await (rotation as () => unknown)() : rotation, 1)();
      kmsDoneBeforeS3 = Math.max(kmsDoneBeforeS3, finishedS3);
      return answer;
    };
    const snapshot = await collectFrom(account, { concurrency: 4, serviceConcurrency: 2 });
    expect(Object.keys(snapshot.global.perResource['s3:GetBucketEncryption'] ?? {})).toHaveLength(40);
    expect(peak.get('s3')).toBe(2);
    expect(peak.get('*')).toBeLessThanOrEqual(4);
    // KMS's per-key calls ran while S3's 40 x 7 calls were still queued, not after them.
    expect(kmsDoneBeforeS3).toBeGreaterThanOrEqual(0);
    expect(kmsDoneBeforeS3).toBeLessThan(100);
  });

  it('limits one service per region, as AWS throttles, so two regions of one service run side by side', async () => {
    const account = await fakeAccount();
    const inFlight = new Map<string, number>();
    const peak = new Map<string, number>();
    for (const region of ['ap-south-1', 'ap-south-2']) {
      const answers = account[region]!;
      for (const key of Object.keys(answers).filter((k) => k.startsWith('ec2:'))) {
        const answer = answers[key];
        answers[key] = async () => {
          const now = (inFlight.get(region) ?? 0) + 1;
          inFlight.set(region, now);
          const both = (inFlight.get('ap-south-1') ?? 0) + (inFlight.get('ap-south-2') ?? 0);
          peak.set(region, Math.max(peak.get(region) ?? 0, now));
          peak.set('both', Math.max(peak.get('both') ?? 0, both));
          await new Promise((r) => setTimeout(r, 5));
          inFlight.set(region, inFlight.get(region)! - 1);
          return typeof answer === 'function' ? (answer as () => unknown)() : structuredClone(answer);
        };
      }
    }
    const snapshot = await collectFrom(account, { concurrency: 16, serviceConcurrency: 3 });
    expect(snapshot.errors).toEqual([]);
    expect(peak.get('ap-south-1')).toBe(3);
    expect(peak.get('ap-south-2')).toBe(3);
    expect(peak.get('both')).toBeGreaterThan(3);
  });

  it('with one call in flight, collects the same snapshot: a call sent inside another (the credential report) does not wait for a second slot', async () => {
    const wide = await collectFrom(await fakeAccount());
    mocked!.restore();
    const narrow = await collectFrom(await fakeAccount(), { concurrency: 1, serviceConcurrency: 1 });
    expect(narrow).toEqual(wide);
    expect(mocked!.sent.filter((s) => s.key === 'iam:GenerateCredentialReport').length).toBeGreaterThan(0);
  });

  it('defaults to 64 calls in flight, 16 of them for one service in one region', () => {
    expect(DEFAULT_CONCURRENCY).toBe(64);
    expect(defaultServiceConcurrency(DEFAULT_CONCURRENCY)).toBe(16);
    expect(defaultServiceConcurrency(5)).toBe(2);
  });

  it('--service-concurrency above --concurrency is a usage error', async () => {
    const io = captureIo();
    expect(await main(['node', 'archscan', 'collect', '--output', '/tmp/never.json', '--concurrency', '4', '--service-concurrency', '5'], io)).toBe(2);
    expect(io.err).toMatch(/--service-concurrency.*a whole number from 1 to 4, not "5"/);
  });

  it('sends only read-only calls, every one of them in the generated policy', async () => {
    await collectFrom(await fakeAccount());
    const policy = new Set(requiredActions());
    const sent = [...new Set(mocked!.sent.map((s) => s.key))].sort();
    for (const key of sent) {
      expect(key).toMatch(READ_ONLY);
      expect(policy.has(iamActionFor(key)), key).toBe(true);
    }
    // Every command a collector can send was exercised, and the policy names nothing else.
    expect(sent).toEqual(Object.keys(await commandsOf()).sort());
    expect([...policy].sort()).toEqual([...new Set(sent.map((k) => iamActionFor(k)))].sort());
  });
});

describe('live scan (mocked AWS)', () => {
  it('turns AccessDenied into error results naming the action, and exits 3', async () => {
    const account = await fakeAccount();
    account['ap-south-2']!['guardduty:ListDetectors'] = awsError('AccessDeniedException', 'User is not authorized to perform: guardduty:ListDetectors');
    mocked = await mockAccount(account);
    const io = captureIo();
    const code = await main(['node', 'archscan', 'scan', '--format', 'json', '--framework', 'mas-trm'], io);
    expect(code, io.err).toBe(3);
    expect(io.err).toContain('missing permissions (1): guardduty:ListDetectors');
    const report = JSON.parse(io.out) as { evaluations: { checkId: string; results: { status: string; resource: { region: string }; evidence: unknown }[] }[] };
    const gd = report.evaluations.find((e) => e.checkId === 'guardduty-enabled')!;
    expect(gd.results.map((r) => [r.resource.region, r.status])).toEqual([
      ['ap-south-1', 'pass'],
      ['ap-south-2', 'error'],
    ]);
    expect(gd.results[1]!.evidence).toMatchObject({ failedCalls: [{ call: 'guardduty:ListDetectors', requiredPermission: 'guardduty:ListDetectors', code: 'AccessDeniedException' }] });
  });

  it('gives the same findings as scanning the snapshot collect wrote', async () => {
    mocked = await mockAccount(await fakeAccount());
    const live = captureIo();
    await main(['node', 'archscan', 'scan', '--format', 'json', '--quiet'], live);
    const dir = (await import('node:fs')).mkdtempSync(join(tmpdir(), 'archscan-live-'));
    const collected = captureIo();
    expect(await main(['node', 'archscan', 'collect', '--output', `${dir}/s.json.gz`, '--quiet'], collected)).toBe(0);
    const offline = captureIo();
    await main(['node', 'archscan', 'scan', '--snapshot', `${dir}/s.json.gz`, '--format', 'json', '--quiet'], offline);
    const strip = (t: string) => {
      const r = JSON.parse(t) as { snapshot: { collectedAt: string } };
      r.snapshot.collectedAt = '';
      return r;
    };
    expect(strip(live.out)).toEqual(strip(offline.out));
  });
});
