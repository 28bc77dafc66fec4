/**
 * An organisation of three mocked accounts (aws-sdk-client-mock, answering
 * from fixtures) plus a suspended one: the management account scanned with
 * its own credentials, one member through its role, one member whose role
 * cannot be assumed. One live run, the same accounts by shards merged, and a
 * collected directory scanned back must give the same report, byte for byte.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { ajv, validatorFor } from '../../src/schemas.js';
import { parseSnapshot } from '../../src/snapshot/read.js';
import type { OrgAssessment } from '../../src/org/types.js';
import { parse } from 'csv-parse/sync';
import { tempDir } from '../helpers/cli.js';
import { sarifValidator } from '../helpers/sarif.js';
import { accountOf, BASE_KEY, mockOrg, type MockedOrg } from '../helpers/mock-org.js';

const fixture = (name: string) => parseSnapshot(readFileSync(`fixtures/${name}.json`, 'utf8'), name);
const MANAGEMENT = '100000000003'; // microfinance
const MEMBER = '100000000002'; // giftcard-issuer
const DENIED = '100000000004'; // clubshop-ecommerce
const SUSPENDED = '100000000099';
const NOW = new Date('2026-11-30T00:00:00Z');

function capture(): Io & { out: string; err: string } {
  const io = { out: '', err: '', stdoutIsTty: false, env: { AWS_REGION: 'ap-south-1' } as NodeJS.ProcessEnv } as Io & { out: string; err: string };
  io.stdout = (t) => (io.out += t);
  io.stderr = (t) => (io.err += t);
  return io;
}

async function run(args: string[]) {
  const io = capture();
  const code = await main(['node', 'archscan', ...args], io);
  return { code, stdout: io.out, stderr: io.err };
}

let mocked: MockedOrg;
let dir: string;
const saved = { ...process.env };

beforeAll(async () => {
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: BASE_KEY,
    AWS_SECRET_ACCESS_KEY: 'org-test-base-secret-not-real-000000000',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/nonexistent/archscan-test-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/archscan-test-credentials',
  });
  delete process.env['AWS_PROFILE'];
  delete process.env['AWS_SESSION_TOKEN'];
  // Only Date is faked: every run records the same collection time, so separate runs can be compared byte for byte.
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  mocked = await mockOrg({
    management: MANAGEMENT,
    listed: [
      { Id: DENIED, Name: 'clubshop', State: 'ACTIVE' },
      { Id: MANAGEMENT, Name: 'microfinance', State: 'ACTIVE' },
      { Id: SUSPENDED, Name: 'old-sandbox', State: 'SUSPENDED' },
      { Id: MEMBER, Name: 'giftcard', State: 'ACTIVE' },
    ],
    accounts: {
      [MANAGEMENT]: accountOf(fixture('microfinance')),
      [MEMBER]: accountOf(fixture('giftcard-issuer')),
      [DENIED]: accountOf(fixture('clubshop-ecommerce')),
    },
    denied: [DENIED],
  });
  dir = tempDir();
}, 300_000);

afterAll(() => {
  mocked?.restore();
  vi.useRealTimers();
  process.env = saved;
});

const ORG_FLAGS = ['--org', '--org-role', 'ArchscanAudit', '--quiet'];

describe('scan --org', () => {
  let live: { code: number; stdout: string; stderr: string };
  let report: OrgAssessment;
  beforeAll(async () => {
    live = await run(['scan', ...ORG_FLAGS, '--format', 'json', '--output', join(dir, 'org.json')]);
    report = JSON.parse(readFileSync(join(dir, 'org.json'), 'utf8')) as OrgAssessment;
  }, 600_000);

  it('exits 3: one account could not be scanned', () => {
    expect(live.code).toBe(3);
    expect(live.stderr).toBe('');
  });

  it('gives each account its section: scanned, error at sts:AssumeRole, skipped', () => {
    expect(report.accounts.map((a) => [a.accountId, a.name, a.status])).toEqual([
      [MEMBER, 'giftcard', 'scanned'],
      [MANAGEMENT, 'microfinance', 'scanned'],
      [DENIED, 'clubshop', 'error'],
      [SUSPENDED, 'old-sandbox', 'skipped'],
    ]);
    const denied = report.accounts[2]!;
    expect(denied.status === 'error' && denied.error).toEqual({
      call: 'sts:AssumeRole',
      code: 'AccessDenied',
      message: `User: arn:aws:sts::${MANAGEMENT}:assumed-role/Admin/ci is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${DENIED}:role/ArchscanAudit`,
      permission: 'sts:AssumeRole',
      roleArn: `arn:aws:iam::${DENIED}:role/ArchscanAudit`,
    });
    const skipped = report.accounts[3]!;
    expect(skipped.status === 'skipped' && skipped.reason).toBe('account state SUSPENDED (only ACTIVE accounts are scanned)');
    expect(report.organization.accounts).toEqual({ listed: 4, scanned: 2, error: 1, skipped: 1 });
    expect(report.complete).toBe(false);
    expect(report.accounts.map((a) => a.status === 'scanned' && a.assessment.complete)).toEqual([true, true, false, false]);
  });

  it('enters the management account with its own credentials and members through --org-role', () => {
    const assumed = mocked.sent.filter((s) => s.key === 'sts:AssumeRole').map((s) => s.input['RoleArn']);
    expect(new Set(assumed)).toEqual(new Set([`arn:aws:iam::${MEMBER}:role/ArchscanAudit`, `arn:aws:iam::${DENIED}:role/ArchscanAudit`]));
    expect(mocked.sent.some((s) => s.account === DENIED && s.key !== 'sts:AssumeRole')).toBe(false);
    expect(mocked.sent.filter((s) => s.key === 'organizations:ListAccounts').length).toBe(2); // two pages
  });

  it('scores each account as the fixture scores when scanned alone, and the organisation over both', async () => {
    const scores = (a: OrgAssessment['accounts'][number]) => (a.status === 'scanned' ? Object.fromEntries(a.assessment.frameworks.map((f) => [f.id, [f.status, f.score]])) : undefined);
    // Alone from the same data collected at the same time as the organisation run: ages (patch scans, keys) count from it.
    const alone = async (name: string) => {
      const copy = JSON.parse(readFileSync(`fixtures/${name}.json`, 'utf8')) as { metadata: { collectedAt: string } };
      copy.metadata.collectedAt = NOW.toISOString();
      writeFileSync(join(dir, `${name}.now.json`), JSON.stringify(copy));
      const r = await run(['scan', '--snapshot', join(dir, `${name}.now.json`), '--format', 'json', '--quiet']);
      return Object.fromEntries((JSON.parse(r.stdout) as { frameworks: { id: string; status: string; score: number }[] }).frameworks.map((f) => [f.id, [f.status, f.score]]));
    };
    expect(scores(report.accounts[0]!)).toEqual(await alone('giftcard-issuer'));
    expect(scores(report.accounts[1]!)).toEqual(await alone('microfinance'));
    expect(Object.fromEntries(report.organization.frameworks.map((f) => [f.id, [f.status, f.score, f.accounts.map((a) => a.accountId)]]))).toMatchInlineSnapshot(`
      {
        "aws-well-architected": [
          "fail",
          69.5,
          [
            "100000000002",
            "100000000003",
          ],
        ],
        "cis-aws-foundations": [
          "fail",
          75.3,
          [
            "100000000002",
            "100000000003",
          ],
        ],
        "mas-trm": [
          "fail",
          74.4,
          [
            "100000000002",
            "100000000003",
          ],
        ],
        "pci-dss-v4": [
          "fail",
          76.3,
          [
            "100000000002",
            "100000000003",
          ],
        ],
        "rbi-pso-ppi": [
          "fail",
          76.1,
          [
            "100000000002",
            "100000000003",
          ],
        ],
      }
    `);
  });

  it('validates against the organisation report schema', () => {
    validatorFor('report.schema.json');
    const validate = ajv.getSchema('https://archscan.dev/schemas/report-v1.json#/definitions/organizationReport')!;
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  });

  it('merges three one-account shard reports into the same bytes, with the same exit code', async () => {
    const shards: string[] = [];
    const codes: number[] = [];
    for (const i of [1, 2, 3]) {
      const file = join(dir, `shard-${i}.json`);
      const r = await run(['scan', ...ORG_FLAGS, '--shard', `${i}/3`, '--format', 'json', '--output', file]);
      shards.push(file);
      codes.push(r.code);
    }
    // Sorted 002, 003, 004, 099: giftcard and microfinance fail the gate (1); the denied account was never
    // scanned, so its shard (with the suspended one) is incomplete (3).
    expect(codes).toEqual([1, 1, 3]);
    // An organisation of one account scores as that account.
    for (const f of shards.slice(0, 2)) {
      const one = JSON.parse(readFileSync(f, 'utf8')) as OrgAssessment;
      const a = one.accounts.find((x) => x.status === 'scanned')!;
      expect(one.organization.frameworks.map((x) => x.score)).toEqual(a.status === 'scanned' ? a.assessment.frameworks.map((x) => x.score) : []);
    }
    const shardAccounts = shards.map((f) => (JSON.parse(readFileSync(f, 'utf8')) as OrgAssessment).accounts.map((a) => a.accountId));
    expect(shardAccounts).toEqual([[MEMBER, SUSPENDED], [MANAGEMENT], [DENIED]]);
    const merged = await run(['merge', ...shards.reverse(), '--output', join(dir, 'merged.json'), '--quiet']);
    expect(merged.code).toBe(3);
    expect(readFileSync(join(dir, 'merged.json'), 'utf8')).toBe(readFileSync(join(dir, 'org.json'), 'utf8'));
  }, 600_000);

  it('collect --org writes a snapshot per account and an index; scan --snapshot DIR gives the same report', async () => {
    const out = join(dir, 'snapshots');
    const c = await run(['collect', ...ORG_FLAGS, '--output', out]);
    expect(c.code).toBe(3);
    expect(readdirSync(out).sort()).toEqual([`${MEMBER}.json`, `${MANAGEMENT}.json`, 'index.json']);
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as { accounts: { accountId: string; status: string; file?: string }[] };
    expect(index.accounts.map((a) => [a.accountId, a.status, a.file])).toEqual([
      [MEMBER, 'collected', `${MEMBER}.json`],
      [MANAGEMENT, 'collected', `${MANAGEMENT}.json`],
      [DENIED, 'error', undefined],
      [SUSPENDED, 'skipped', undefined],
    ]);
    const s = await run(['scan', '--snapshot', out, '--format', 'json', '--output', join(dir, 'from-dir.json'), '--quiet']);
    expect(s.code).toBe(3);
    expect(readFileSync(join(dir, 'from-dir.json'), 'utf8')).toBe(readFileSync(join(dir, 'org.json'), 'utf8'));
  }, 600_000);

  it('renders every format of the organisation report', async () => {
    for (const format of ['text', 'sarif', 'junit', 'csv', 'markdown', 'html']) {
      const r = await run(['merge', join(dir, 'org.json'), '--format', format, '--quiet']);
      expect(r.code, format).toBe(3);
      expect(r.stdout, format).toContain(DENIED);
      expect(r.stdout, format).toContain(MEMBER);
    }
    const junit = (await run(['merge', join(dir, 'org.json'), '--format', 'junit', '--quiet'])).stdout;
    expect([...junit.matchAll(/<testsuite name="([^"]+)"/g)].map((m) => m[1])).toContain(`${MEMBER}/pci-dss-v4`);
    const csv = parse((await run(['merge', join(dir, 'org.json'), '--format', 'csv', '--quiet'])).stdout, { columns: true }) as Record<string, string>[];
    expect([...new Set(csv.map((r) => r['account']))]).toEqual([MEMBER, MANAGEMENT, DENIED, SUSPENDED]);
    expect(csv.filter((r) => r['account'] === DENIED).map((r) => [r['check_id'], r['status']])).toEqual([['sts:AssumeRole', 'error']]);
    expect(csv.filter((r) => r['account'] === SUSPENDED).map((r) => [r['status'], r['message']])).toEqual([['not_applicable', 'skipped: account state SUSPENDED (only ACTIVE accounts are scanned)']]);
    const sarifText = (await run(['merge', join(dir, 'org.json'), '--format', 'sarif', '--quiet'])).stdout;
    const validate = sarifValidator();
    expect(validate(JSON.parse(sarifText)), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const sarif = JSON.parse(sarifText) as { runs: { automationDetails: { id: string }; invocations: { executionSuccessful: boolean }[] }[] };
    expect(sarif.runs.map((r) => [r.automationDetails.id.split('/')[1], r.invocations[0]!.executionSuccessful])).toEqual([
      [MEMBER, true],
      [MANAGEMENT, true], // every failed call of the microfinance fixture means "not set up" (no bucket policy, ...)
      [DENIED, false],
    ]);
  }, 120_000);

  it('rejects bad merge inputs with exit 2 and one line naming the file', async () => {
    const bad = async (files: string[]) => {
      const r = await run(['merge', ...files]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      return r.stderr.trim();
    };
    const org = join(dir, 'org.json');
    expect(await bad([org, join(dir, 'shard-1.json')])).toBe(`archscan: error: ${join(dir, 'shard-1.json')}: /accounts/0/accountId: accounts no other input has, but ${MEMBER} is also in ${org}`);
    const older = JSON.parse(readFileSync(join(dir, 'shard-1.json'), 'utf8')) as OrgAssessment;
    older.tool.version = '0.0.9';
    writeFileSync(join(dir, 'older.json'), JSON.stringify(older));
    expect(await bad([join(dir, 'shard-2.json'), join(dir, 'older.json')])).toMatch(/older\.json: \/tool\/version: a report of archscan \S+, as .*shard-2\.json is, not 0\.0\.9/);
    const narrow = await run(['scan', '--snapshot', join(dir, 'snapshots'), '--accounts', MEMBER, '--framework', 'pci-dss-v4', '--format', 'json', '--output', join(dir, 'pci.json'), '--quiet']);
    expect(narrow.code).toBe(1);
    expect(await bad([join(dir, 'shard-2.json'), join(dir, 'pci.json')])).toMatch(/pci\.json: \/accounts\/0\/assessment\/frameworks: the frameworks of .*shard-2\.json \(.*\), not pci-dss-v4@/);
    expect(await bad([join(dir, 'shard-2.json'), 'fixtures/microfinance.json'])).toMatch(/microfinance\.json: \/: a JSON report .* but this is a snapshot/);
    expect(await bad([join(dir, 'shard-2.json'), join(dir, 'snapshots', 'index.json')])).toMatch(/index\.json: \/: missing required property "schemaVersion"/);
    expect(await bad([join(dir, 'shard-2.json'), 'README.md'])).toMatch(/README\.md: .*valid JSON/);
  }, 120_000);
});

describe('collectOrganization hands each snapshot over', () => {
  it('keeps no reference to a snapshot once it is taken, and gives it only once', async () => {
    const { collectOrganization } = await import('../../src/org/collect.js');
    const { collectGarbage } = await import('../../src/cli/memory.js');
    const outcomes = await collectOrganization(
      {
        homeRegion: 'ap-south-1',
        regions: ['ap-south-1'],
        concurrency: 8,
        maxAttempts: 1,
        timeoutMs: 10_000,
        now: NOW,
        collectorVersion: 'test',
        orgRole: 'ArchscanAudit',
        orgSessionSeconds: 3600,
        selection: { accounts: [MEMBER] },
        accountConcurrency: 1,
      },
      async (ref, take) => {
        const taken = new WeakRef(take());
        expect(taken.deref()?.metadata.accountId).toBe(ref.accountId);
        expect(() => take()).toThrow(/already taken/);
        // A WeakRef keeps its target alive until the current job ends.
        await new Promise((resolve) => setImmediate(resolve));
        collectGarbage();
        return taken.deref() === undefined;
      },
    );
    expect(outcomes.map((o) => [o.accountId, o.status, o.status === 'collected' ? o.value : undefined])).toEqual([[MEMBER, 'collected', true]]);
  }, 120_000);
});
