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

// What `npm run fuzz` found in the coverage II checks (issue 12), each a mutation of a fixture as it is collected.
// `errors`: every changed result is an error naming the mutated path; `plausible-change`: AWS does answer that way.
const TRAIL = 'arn:aws:cloudtrail:ap-south-1:100000000001:trail/bl-management-trail';
const CDE_WEB_ACL = 'arn:aws:wafv2:us-east-1:100000000006:regional/webacl/sagroup-cde-webacl/af1a3b06-b2e9-4389-afb8-10f3670ffa7c';
const ap = (region: string, kind: 'calls' | 'perResource', ...rest: (string | number)[]): Path => ['regions', region, kind, ...rest];
const FOUND: [string, string, Mutation, 'errors' | 'plausible-change' | 'unchanged'][] = [
  ['a multi-region trail whose home-region selectors are missing reads the same selectors from another region', 'baseline-compliant', { path: ap('ap-south-1', 'perResource', 'cloudtrail:GetEventSelectors', TRAIL), kind: 'delete' }, 'unchanged'],
  ['an empty data-resource value in a trail selector', 'baseline-compliant', { path: ap('ap-south-1', 'perResource', 'cloudtrail:GetEventSelectors', TRAIL, 'EventSelectors', 0, 'DataResources', 0, 'Values', 0), kind: 'empty', value: '' }, 'errors'],
  ['an empty EKS log type', 'baseline-compliant', { path: ap('ap-south-1', 'perResource', 'eks:DescribeCluster', 'bl-prod-eks', 'cluster', 'logging', 'clusterLogging', 0, 'types', 0), kind: 'empty', value: '' }, 'errors'],
  ['an empty EKS encrypted resource', 'baseline-compliant', { path: ap('ap-south-1', 'perResource', 'eks:DescribeCluster', 'bl-prod-eks', 'cluster', 'encryptionConfig', 0, 'resources', 0), kind: 'empty', value: '' }, 'errors'],
  ['an EKS public-access CIDR emptied', 'digital-asset-exchange', { path: ap('ap-southeast-1', 'perResource', 'eks:DescribeCluster', 'ctx-ba-prod', 'cluster', 'resourcesVpcConfig', 'publicAccessCidrs', 0), kind: 'empty', value: '' }, 'errors'],
  ['a route table association emptied', 'clubshop-ecommerce', { path: ap('ap-south-1', 'calls', 'ec2:DescribeRouteTables', 'RouteTables', 0, 'Associations', 0), kind: 'empty', value: {} }, 'errors'],
  ['a route table association without Main', 'clubshop-ecommerce', { path: ap('ap-south-1', 'calls', 'ec2:DescribeRouteTables', 'RouteTables', 0, 'Associations', 0, 'Main'), kind: 'delete' }, 'errors'],
  ['an internet route without its GatewayId', 'clubshop-ecommerce', { path: ap('ap-south-1', 'calls', 'ec2:DescribeRouteTables', 'RouteTables', 4, 'Routes', 1, 'GatewayId'), kind: 'delete' }, 'errors'],
  ['an internet route with an empty GatewayId', 'clubshop-ecommerce', { path: ap('ap-south-1', 'calls', 'ec2:DescribeRouteTables', 'RouteTables', 4, 'Routes', 1, 'GatewayId'), kind: 'empty', value: '' }, 'errors'],
  ['an empty Classic ELB listener policy name', 'clubshop-ecommerce', { path: ap('ap-south-1', 'calls', 'elb:DescribeLoadBalancers', 'LoadBalancerDescriptions', 1, 'ListenerDescriptions', 1, 'PolicyNames', 0), kind: 'empty', value: '' }, 'errors'],
  ['a WAF Classic web ACL without its Name', 'digital-asset-exchange', { path: ['global', 'calls', 'waf:ListWebACLs', 'WebACLs', 0, 'Name'], kind: 'delete' }, 'errors'],
  ['a public RDS snapshot whose restore value "all" is emptied', 'digital-asset-exchange', { path: ap('ap-southeast-1', 'perResource', 'rds:DescribeDBSnapshotAttributes', 'ctx-bs-pg-cutover-final', 'DBSnapshotAttributesResult', 'DBSnapshotAttributes', 0, 'AttributeValues', 0), kind: 'empty', value: '' }, 'errors'],
  ['a Lambda function whose VpcConfig is {} (AWS says "not in a VPC" so)', 'microfinance', { path: ap('ap-south-1', 'calls', 'lambda:ListFunctions', 'Functions', 1, 'VpcConfig'), kind: 'empty', value: {} }, 'plausible-change'],
  ['a DLM policy with empty PolicyDetails', 'giftcard-issuer', { path: ap('ap-south-1', 'perResource', 'dlm:GetLifecyclePolicy', 'policy-0c9d8e7f6a5b4c3d2', 'Policy', 'PolicyDetails'), kind: 'empty', value: {} }, 'errors'],
  ['a DLM policy with an empty resource type', 'giftcard-issuer', { path: ap('ap-south-1', 'perResource', 'dlm:GetLifecyclePolicy', 'policy-0c9d8e7f6a5b4c3d2', 'Policy', 'PolicyDetails', 'ResourceTypes', 0), kind: 'empty', value: '' }, 'errors'],
  ['a target group record that is null', 'giftcard-issuer', { path: ap('ap-south-1', 'calls', 'elasticloadbalancing:DescribeTargetGroups', 'TargetGroups', 1), kind: 'null', value: null }, 'errors'],
  ['a target group without its ARN', 'giftcard-issuer', { path: ap('ap-south-1', 'calls', 'elasticloadbalancing:DescribeTargetGroups', 'TargetGroups', 4, 'TargetGroupArn'), kind: 'delete' }, 'errors'],
  ['a managed rule group whose OverrideAction is {}', 'payments-group', { path: ap('us-east-1', 'perResource', 'wafv2:GetWebACL', CDE_WEB_ACL, 'WebACL', 'Rules', 2, 'OverrideAction'), kind: 'empty', value: {} }, 'errors'],
  ['a count-only managed rule group whose Count is deleted', 'payments-group', { path: ap('us-east-1', 'perResource', 'wafv2:GetWebACL', CDE_WEB_ACL, 'WebACL', 'Rules', 2, 'OverrideAction', 'Count'), kind: 'delete' }, 'errors'],
];

describe('the cases npm run fuzz found in the coverage II checks', () => {
  it.each(FOUND)('%s (%s): %j', (_, name, m, expected) => {
    const snapshot = read(name);
    const v = judge(snapshot, scan(snapshot, rules), m, rules);
    expect(v.kind).toBe(expected);
  });

  it.each([
    ['elasticache-not-in-public-subnet', 'clubshop-ecommerce', ap('ap-south-1', 'calls', 'ec2:DescribeRouteTables', 'RouteTables', 4, 'Routes', 1, 'GatewayId'), 'cluster:clubshop-catalog-001'],
    ['rds-snapshots-not-public', 'digital-asset-exchange', ap('ap-southeast-1', 'perResource', 'rds:DescribeDBSnapshotAttributes', 'ctx-bs-pg-cutover-final', 'DBSnapshotAttributesResult', 'DBSnapshotAttributes', 0, 'AttributeValues', 0), 'snapshot:ctx-bs-pg-cutover-final'],
    ['eks-endpoint-not-public', 'digital-asset-exchange', ap('ap-southeast-1', 'perResource', 'eks:DescribeCluster', 'ctx-ba-prod', 'cluster', 'resourcesVpcConfig', 'publicAccessCidrs', 0), 'cluster/ctx-ba-prod'],
    ['waf-web-acl-aws-managed-rules', 'payments-group', ap('us-east-1', 'perResource', 'wafv2:GetWebACL', CDE_WEB_ACL, 'WebACL', 'Rules', 2, 'OverrideAction'), CDE_WEB_ACL],
  ] as [string, string, Path, string][])('%s on %s: a fail whose deciding value is emptied becomes an error naming it, never a pass', (check, name, path, arnEnd) => {
    expect(statusAfter(name, [], check, arnEnd).map((r) => r.status)).toEqual(['fail']);
    const value = typeof valueAtPath(read(name), path) === 'string' ? '' : {};
    const pointer = `/${path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
    const after = statusAfter(name, [{ path, kind: 'empty', value }], check, arnEnd);
    expect(after.map((r) => r.status)).toEqual(['error']);
    expect(after[0]!.paths.some((p) => p === pointer || p.startsWith(`${pointer}/`) || pointer.startsWith(`${p}/`))).toBe(true);
  });
});

function valueAtPath(v: unknown, path: Path): unknown {
  return path.reduce<unknown>((x, k) => (x as Record<string | number, unknown>)[k], v);
}
