/**
 * Bad data never crashes a scan and never flips a verdict: a fixed, seeded
 * sample of the mutation sweep (the whole sweep is `npm run fuzz`), and the
 * cases the service-modules issue measured on the old data path, each of
 * which crashed, vanished silently or turned a fail into a pass.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinRuleSets } from '../../src/rules/load.js';
import type { RuleSet } from '../../src/rules/types.js';
import { parseSnapshot } from '../../src/snapshot/read.js';
import type { Snapshot } from '../../src/snapshot/types.js';
import { ROOT } from '../helpers/cli.js';
import { apply, judge, mutationsOf, sample, scan, type Mutation, type Path } from './mutations.js';

const FIXTURES = ['baseline-compliant', 'clubshop-ecommerce', 'digital-asset-exchange', 'giftcard-issuer', 'microfinance', 'payments-group'];
/** Per fixture; with the seed, the same mutations on every run. */
const PER_FIXTURE = 60;
const SEED = 20261201;

let rules: RuleSet[];
const snapshots = new Map<string, Snapshot>();
const read = (name: string) => snapshots.get(name) ?? snapshots.set(name, parseSnapshot(readFileSync(`${ROOT}fixtures/${name}.json`, 'utf8'), name)).get(name)!;
beforeAll(() => {
  rules = loadBuiltinRuleSets();
});

describe('a seeded sample of the mutation sweep', () => {
  it.each(FIXTURES)('%s: no exception escapes and no verdict changes unless to an error naming the mutated path', (name) => {
    const snapshot = read(name);
    const baseline = scan(snapshot, rules);
    const picked = sample(mutationsOf(snapshot), PER_FIXTURE, SEED);
    const kinds = new Set(picked.map((m) => m.kind));
    expect([...kinds].sort()).toEqual(['delete', 'empty', 'null', 'retype']);
    const verdicts = picked.map((m) => ({ m, v: judge(snapshot, baseline, m, rules) }));
    const bad = verdicts.filter(({ v }) => v.kind === 'violation' || v.kind === 'escape').map(({ m, v }) => `${m.kind} /${m.path.join('/')}: ${JSON.stringify(v)}`);
    expect(bad).toEqual([]);
    // The sample exercises the contract: some mutations do turn results into errors.
    expect(verdicts.some(({ v }) => v.kind === 'errors')).toBe(true);
  });
});

/** The status of `check` on the resource whose ARN ends with `arn`, after applying the mutations. */
function statusAfter(name: string, mutations: Mutation[], check: string, arnEnd: string): { status: string; paths: string[] }[] {
  const snapshot = mutations.reduce((s, m) => apply(s, m), read(name));
  const a = scan(parseSnapshot(JSON.stringify(snapshot), 'mutated.json'), rules);
  return a.evaluations
    .filter((e) => e.key === check)
    .flatMap((e) => e.results.filter((r) => r.resource.arn.endsWith(arnEnd)))
    .map((r) => ({ status: r.status, paths: ((r.evidence['failedCalls'] as { path?: string }[] | undefined) ?? []).map((c) => c.path ?? '') }));
}

const set = (path: Path, value: unknown): Mutation => ({ path, kind: 'retype', value });
const SSH_RULE: Path = ['regions', 'ap-south-1', 'calls', 'ec2:DescribeSecurityGroups', 'SecurityGroups', 12, 'IpPermissions', 0];
const OPEN_SG = 'security-group/sg-0e7e2caf8d1bafc3f';

describe('the cases measured on the old data path', () => {
  it('the e-commerce open SSH rule is a fail as collected', () => {
    expect(statusAfter('clubshop-ecommerce', [], 'ec2-sg-no-public-admin-ports', OPEN_SG)).toMatchObject([{ status: 'fail' }]);
  });

  it.each([
    ['10.0.0.0/33', 'IpRanges/0/CidrIp'],
    ['::/129', 'IpRanges/0/CidrIp'],
    ['', 'IpRanges/0/CidrIp'],
    ['300.1.1.1/24', 'IpRanges/0/CidrIp'],
    ['banana/0', 'IpRanges/0/CidrIp'],
  ])('its CIDR changed to %j is an error naming the CIDR, never a pass', (cidr, member) => {
    const got = statusAfter('clubshop-ecommerce', [set([...SSH_RULE, 'IpRanges', 0, 'CidrIp'], cidr)], 'ec2-sg-no-public-admin-ports', OPEN_SG);
    expect(got).toEqual([{ status: 'error', paths: [`/${[...SSH_RULE, ...member.split('/')].join('/')}`] }]);
  });

  it('its port range reversed (FromPort > ToPort) is an error, never a pass', () => {
    const got = statusAfter('clubshop-ecommerce', [set([...SSH_RULE, 'FromPort'], 2222)], 'ec2-sg-no-public-admin-ports', OPEN_SG);
    expect(got).toEqual([{ status: 'error', paths: [`/${[...SSH_RULE, 'ToPort'].join('/')}`] }]);
  });

  it('a public RDS instance whose PubliclyAccessible is the string "true" is an error, never a pass', () => {
    const snapshot = read('digital-asset-exchange');
    const list = (snapshot.regions['ap-southeast-1']!.calls['rds:DescribeDBInstances'] as { DBInstances: { DBInstanceIdentifier: string }[] }).DBInstances;
    const i = list.findIndex((d) => d.DBInstanceIdentifier === 'ctx-bs-pg-cutover');
    const path: Path = ['regions', 'ap-southeast-1', 'calls', 'rds:DescribeDBInstances', 'DBInstances', i, 'PubliclyAccessible'];
    expect(statusAfter('digital-asset-exchange', [], 'rds-not-publicly-accessible', 'db:ctx-bs-pg-cutover')).toMatchObject([{ status: 'fail' }]);
    expect(statusAfter('digital-asset-exchange', [set(path, 'true')], 'rds-not-publicly-accessible', 'db:ctx-bs-pg-cutover')).toEqual([{ status: 'error', paths: [`/${path.join('/')}`] }]);
  });

  it('an RDS instance without its ARN is an error naming the path, not "DB instance undefined"', () => {
    const snapshot = read('digital-asset-exchange');
    const list = (snapshot.regions['ap-southeast-1']!.calls['rds:DescribeDBInstances'] as { DBInstances: { DBInstanceIdentifier: string }[] }).DBInstances;
    const i = list.findIndex((d) => d.DBInstanceIdentifier === 'ctx-bs-pg-cutover');
    const path: Path = ['regions', 'ap-southeast-1', 'calls', 'rds:DescribeDBInstances', 'DBInstances', i, 'DBInstanceArn'];
    const a = scan(parseSnapshot(JSON.stringify(apply(snapshot, { path, kind: 'delete' })), 'm.json'), rules);
    const results = a.evaluations.find((e) => e.key === 'rds-not-publicly-accessible')!.results;
    expect(results.every((r) => r.status === 'error' || r.resource.region !== 'ap-southeast-1')).toBe(true);
    expect(JSON.stringify(results)).not.toContain('undefined');
    expect(JSON.stringify(results)).toContain(`/${path.join('/')}`);
  });

  it('a malformed GetAccountAuthorizationDetails never turns iam-user-permissions-via-groups from fail into pass', () => {
    const base: Path = ['global', 'calls', 'iam:GetAccountAuthorizationDetails'];
    for (const m of [set([...base, 'UserDetailList'], {}), { path: [...base, 'UserDetailList'], kind: 'null' as const, value: null }, set(base, 'x')]) {
      expect(statusAfter('clubshop-ecommerce', [m], 'iam-user-permissions-via-groups', 'user/dev1').map((r) => r.status)).toEqual(['error']);
    }
  });

  it.each([
    ['s3:ListBuckets with Buckets: {}', ['global', 'calls', 's3:ListBuckets', 'Buckets'], {}],
    ['s3:ListBuckets: null', ['global', 'calls', 's3:ListBuckets'], null],
    ['s3control:GetPublicAccessBlock: "x"', ['global', 'calls', 's3control:GetPublicAccessBlock'], 'x'],
    ['a VPC with CidrBlockAssociationSet: ""', ['regions', 'ap-south-1', 'calls', 'ec2:DescribeVpcs', 'Vpcs', 0, 'CidrBlockAssociationSet'], ''],
  ] as [string, Path, unknown][])('%s is an error result naming it: no crash, no bucket vanishing without a word', (_, path, value) => {
    const snapshot = read('clubshop-ecommerce');
    const a = scan(parseSnapshot(JSON.stringify(apply(snapshot, { path, kind: 'retype', value })), 'm.json'), rules);
    expect(a.complete).toBe(false);
    expect(a.callErrors.some((e) => e.path === `/${path.join('/')}`)).toBe(true);
  });
});
