import { describe, expect, it } from 'vitest';
import check from '../../src/checks/region-data-residency.js';
import type { Status } from '../../src/checks/types.js';
import type { Instance, Resource } from '../../src/inventory/types.js';
import { ajv } from '../../src/schemas.js';
import {
  ACCOUNT,
  REGION,
  bucket,
  dbCluster,
  dbInstance,
  image,
  kmsKey,
  loadBalancer,
  runCheck,
  secret,
  trail,
  volume,
  type InventoryInput,
} from '../helpers/check-harness.js';
import { accountRegions, backupPlan, backupVault, dbSnapshot, dlmPolicy, dynamoTable, efsFileSystem, cacheCluster, logGroup } from '../helpers/data-stores.js';
import { readFileSync } from 'node:fs';
import { buildInventory } from '../../src/inventory/build.js';
import { runCheck as runOnInventory } from '../../src/checks/run.js';
import { parseSnapshot } from '../../src/snapshot/read.js';
import { ROOT } from '../helpers/cli.js';

type Params = typeof check.defaults;
type Expected = { status: Status; arn: string; evidence?: unknown; message?: string };
type Case = { name: string; input: InventoryInput; params?: Partial<Params>; expected: Expected[] };

const ALLOWED = ['ap-south-1', 'ap-south-2'];

const denied = (op: string, region = REGION) => ({
  call: op,
  region,
  code: 'AccessDenied',
  message: `User is not authorized to perform: ${op}`,
  requiredPermission: op,
});

function instance(id: string): Instance {
  return {
    type: 'AWS::EC2::Instance',
    arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/${id}`,
    id,
    account: ACCOUNT,
    region: REGION,
    tags: {},
    state: 'running',
    securityGroupIds: [],
  };
}

/** The same resource in another region (its ARN too; a trail's home region follows). */
function movedTo<T extends Resource>(r: T, region: string): T {
  const moved = { ...r, region, arn: r.arn.replace(`:${REGION}:`, `:${region}:`) };
  return 'homeRegion' in moved ? { ...moved, homeRegion: region } : moved;
}

// One resource of every collection in scope, all in the home region.
const home = {
  volumes: [volume('vol-home', true)],
  instances: [instance('i-home')],
  kmsKeys: [kmsKey('key-home')],
  s3Buckets: [bucket('bucket-home')],
  dbInstances: [dbInstance('db-home')],
  dbClusters: [dbCluster('cluster-home')],
  secrets: [secret('secret-home')],
  loadBalancers: [loadBalancer('lb-home', [])],
  trails: [trail('trail-home')],
  images: [image('ami-home', false)],
} satisfies InventoryInput;
const homeArns = Object.values(home)
  .flatMap((list: Resource[]) => list.map((r) => r.arn))
  .sort();

const euVolume = movedTo(volume('vol-123', true), 'eu-west-1');
const dr = movedTo(dbInstance('db-dr'), 'ap-south-2');
const usBucket = bucket('bucket-us', { region: 'us-east-1' });
const usTrail = movedTo(trail('org-trail'), 'us-east-1');
const sgKey = movedTo(kmsKey('key-sg'), 'ap-southeast-1');
const unlocated = bucket('bucket-unlocated', { region: 'global' });
const homeSecret = secret('secret-home');

const at = (region: string, allowedRegions = ALLOWED) => ({ region, allowedRegions });

const cases: Case[] = [
  // pass
  {
    name: 'every collection in scope, all in ap-south-1',
    input: home,
    expected: homeArns.map((arn) => ({ status: 'pass' as const, arn, evidence: at(REGION) })),
  },
  {
    name: 'the disaster-recovery region is allowed too',
    input: { dbInstances: [dr] },
    expected: [{ status: 'pass', arn: dr.arn, evidence: at('ap-south-2'), message: 'db-dr is in ap-south-2, one of the allowed regions ap-south-1, ap-south-2' }],
  },

  // fail
  {
    name: 'volume in eu-west-1',
    input: { volumes: [euVolume] },
    expected: [{ status: 'fail', arn: euVolume.arn, evidence: at('eu-west-1'), message: 'vol-123 is in eu-west-1, outside the allowed regions ap-south-1, ap-south-2' }],
  },
  {
    name: 'bucket in us-east-1, trail homed there, key in Singapore: each result is the resource itself',
    input: { s3Buckets: [usBucket], trails: [usTrail], kmsKeys: [sgKey], secrets: [homeSecret] },
    expected: [
      { status: 'fail', arn: usTrail.arn, evidence: at('us-east-1') },
      { status: 'fail', arn: sgKey.arn, evidence: at('ap-southeast-1') },
      { status: 'fail', arn: usBucket.arn, evidence: at('us-east-1') },
      { status: 'pass', arn: homeSecret.arn, evidence: at(REGION) },
    ],
  },
  {
    name: 'allowedRegions narrowed to ap-south-2',
    input: { volumes: [volume('vol-home', true)] },
    params: { allowedRegions: ['ap-south-2'] },
    expected: [{ status: 'fail', arn: home.volumes[0]!.arn, evidence: at(REGION, ['ap-south-2']) }],
  },
  {
    name: 'allowedRegions given unsorted',
    input: { volumes: [euVolume] },
    params: { allowedRegions: ['eu-west-1', 'ap-south-1'] },
    expected: [{ status: 'pass', arn: euVolume.arn, evidence: at('eu-west-1', ['ap-south-1', 'eu-west-1']), message: 'vol-123 is in eu-west-1, one of the allowed regions ap-south-1, eu-west-1' }],
  },

  // error
  {
    name: 'a bucket whose location could not be read is an error, not skipped',
    input: { s3Buckets: [unlocated] },
    expected: [{ status: 'error', arn: unlocated.arn, evidence: { region: null, allowedRegions: ALLOWED, unreadCall: 's3:GetBucketLocation' } }],
  },
  {
    name: 'DescribeInstances denied: the region\'s results are errors, others stand',
    input: { volumes: [volume('vol-home', true), euVolume], failed: ['ec2:DescribeInstances'] },
    expected: [
      { status: 'error', arn: home.volumes[0]!.arn, evidence: { failedCalls: [denied('ec2:DescribeInstances')], unverifiedOutcome: 'pass' } },
      { status: 'fail', arn: euVolume.arn },
    ],
  },
  {
    name: 'a scanned region whose listing was denied gets one error',
    input: { regions: [REGION, 'eu-west-1'], secrets: [homeSecret], failed: [{ op: 'secretsmanager:ListSecrets', region: 'eu-west-1' }] },
    expected: [
      { status: 'error', arn: `arn:aws:region:eu-west-1:${ACCOUNT}:*`, evidence: { failedCalls: [denied('secretsmanager:ListSecrets', 'eu-west-1')] } },
      { status: 'pass', arn: homeSecret.arn },
    ],
  },
  {
    name: 'ListBuckets denied (global): every result is an error',
    input: { volumes: [euVolume], failed: ['s3:ListBuckets'] },
    expected: [
      {
        status: 'error',
        arn: euVolume.arn,
        evidence: {
          failedCalls: [{ ...denied('s3:ListBuckets', 'global'), requiredPermission: 's3:ListAllMyBuckets' }],
          unverifiedOutcome: 'fail',
        },
      },
    ],
  },

  // issue 11/12: the data stores read since, each in its own region
  {
    name: 'tables, snapshots, vaults, log groups, file systems and caches are judged where they are',
    input: {
      dynamodbTables: [dynamoTable('coupons'), dynamoTable('coupons-eu', { region: 'eu-west-1' })],
      dbSnapshots: [movedTo(dbSnapshot('ledger-copy', []), 'us-east-1')],
      backupVaults: [backupVault('Default')],
      logGroups: [logGroup('/app')],
      efsFileSystems: [efsFileSystem('fs-1')],
      cacheClusters: [cacheCluster('sessions')],
    },
    expected: [
      { status: 'pass', arn: `arn:aws:backup:${REGION}:${ACCOUNT}:backup-vault:Default` },
      { status: 'pass', arn: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/coupons` },
      { status: 'fail', arn: `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/coupons-eu`, evidence: at('eu-west-1') },
      { status: 'pass', arn: `arn:aws:elasticache:${REGION}:${ACCOUNT}:cluster:sessions` },
      { status: 'pass', arn: `arn:aws:elasticfilesystem:${REGION}:${ACCOUNT}:file-system/fs-1` },
      { status: 'pass', arn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/app` },
      { status: 'fail', arn: `arn:aws:rds:us-east-1:${ACCOUNT}:snapshot:ledger-copy` },
    ],
  },
  {
    name: 'a table in India with a global-table replica in Singapore',
    input: { dynamodbTables: [dynamoTable('wallet', { details: { replicaRegions: ['ap-southeast-1'] } })] },
    expected: [{ status: 'fail', arn: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/wallet`, evidence: { region: REGION, allowedRegions: ALLOWED, copiedTo: ['ap-southeast-1'] } }],
  },
  {
    name: 'a backup plan copying to a vault abroad, a DLM policy copying snapshots abroad',
    input: {
      backupPlans: [backupPlan('daily', [`arn:aws:backup:eu-west-1:${ACCOUNT}:backup-vault:dr`]), backupPlan('local', [`arn:aws:backup:ap-south-2:${ACCOUNT}:backup-vault:dr`])],
      dlmPolicies: [dlmPolicy('policy-dr', { copyRegions: ['us-east-1'] })],
    },
    expected: [
      { status: 'fail', arn: `arn:aws:backup:${REGION}:${ACCOUNT}:backup-plan:daily`, evidence: { region: REGION, allowedRegions: ALLOWED, copiedTo: ['eu-west-1'] } },
      { status: 'pass', arn: `arn:aws:backup:${REGION}:${ACCOUNT}:backup-plan:local` },
      { status: 'fail', arn: `arn:aws:dlm:${REGION}:${ACCOUNT}:policy/policy-dr`, evidence: { region: REGION, allowedRegions: ALLOWED, copiedTo: ['us-east-1'] } },
    ],
  },
  { name: 'a table whose replicas could not be read is an error', input: { dynamodbTables: [dynamoTable('wallet', { details: 'failed' })] }, expected: [{ status: 'error', arn: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/wallet` }] },
  {
    name: 'resourceTypes narrows the check to log groups (CERT-In)',
    input: { logGroups: [logGroup('/app')], volumes: [euVolume] },
    params: { resourceTypes: ['AWS::Logs::LogGroup'] },
    expected: [{ status: 'pass', arn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/app` }],
  },

  // the account's enabled regions (issue 11)
  {
    name: 'every enabled region scanned: the coverage result passes',
    input: { secrets: [homeSecret], accountRegions: accountRegions({ 'ap-south-1': 'opt-in-not-required', 'me-central-1': 'not-opted-in' }) },
    expected: [
      { status: 'pass', arn: `arn:aws:ec2::${ACCOUNT}:enabled-regions`, evidence: { enabledRegions: ['ap-south-1'], scannedRegions: ['ap-south-1'], notScanned: [] } },
      { status: 'pass', arn: homeSecret.arn },
    ],
  },
  {
    // Before issue 11 this passed: only the Indian regions were scanned, so only Indian resources were seen.
    name: 'enabled regions not scanned: error naming them, the resources seen keep their verdicts',
    input: { secrets: [homeSecret], accountRegions: accountRegions({ 'ap-south-1': 'opt-in-not-required', 'ap-south-2': 'opted-in', 'us-east-1': 'opt-in-not-required', 'me-central-1': 'not-opted-in' }) },
    expected: [
      { status: 'error', arn: `arn:aws:ec2::${ACCOUNT}:enabled-regions`, evidence: { enabledRegions: ['ap-south-1', 'ap-south-2', 'us-east-1'], scannedRegions: ['ap-south-1'], notScanned: ['ap-south-2', 'us-east-1'] } },
      { status: 'pass', arn: homeSecret.arn },
    ],
  },
  {
    name: 'a snapshot without DescribeRegions: the enabled regions are unknown, never a pass',
    input: { secrets: [homeSecret], accountRegions: accountRegions('failed') },
    expected: [
      { status: 'error', arn: `arn:aws:ec2::${ACCOUNT}:enabled-regions`, evidence: { failedCalls: [denied('ec2:DescribeRegions', 'global')] } },
      { status: 'pass', arn: homeSecret.arn },
    ],
  },

  // not_applicable
  { name: 'nothing in scope', input: {}, expected: [{ status: 'not_applicable', arn: `arn:aws:region::${ACCOUNT}:*`, evidence: {} }] },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ input, params, expected }) => {
    const results = runCheck(check, input, params);
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
      if (e.message !== undefined) expect(results[i]?.message).toBe(e.message);
    });
    for (const r of results) if (r.status === 'pass' || r.status === 'fail') expect(r.message).toContain(r.resource.id);
  });

  it('gives error naming the enabled regions not scanned on a fixture collected in Indian regions only (issue 11 acceptance)', () => {
    // The gift-card issuer was collected in ap-south-1; make its account have Hyderabad opted in and N. Virginia enabled too.
    const snapshot = parseSnapshot(readFileSync(`${ROOT}fixtures/giftcard-issuer.json`, 'utf8'), 'giftcard-issuer.json');
    const regions = {
      Regions: [
        { RegionName: 'ap-south-1', Endpoint: 'ec2.ap-south-1.amazonaws.com', OptInStatus: 'opt-in-not-required' },
        { RegionName: 'ap-south-2', Endpoint: 'ec2.ap-south-2.amazonaws.com', OptInStatus: 'opted-in' },
        { RegionName: 'us-east-1', Endpoint: 'ec2.us-east-1.amazonaws.com', OptInStatus: 'opt-in-not-required' },
        { RegionName: 'me-central-1', Endpoint: 'ec2.me-central-1.amazonaws.com', OptInStatus: 'not-opted-in' },
      ],
    };
    const widened = { ...snapshot, global: { ...snapshot.global, calls: { ...snapshot.global.calls, 'ec2:DescribeRegions': regions } } };
    const results = runOnInventory(check, buildInventory(widened), check.defaults);
    const coverage = results.find((r) => r.resource.id === 'enabled-regions');
    expect(coverage?.status).toBe('error');
    expect(coverage?.evidence).toEqual({ enabledRegions: ['ap-south-1', 'ap-south-2', 'us-east-1'], scannedRegions: ['ap-south-1'], notScanned: ['ap-south-2', 'us-east-1'] });
    expect(coverage?.message).toContain('ap-south-2, us-east-1');
    // Nothing seen is outside India, and nothing else turned to error.
    expect(results.filter((r) => r.status !== 'pass').map((r) => r.resource.id)).toEqual(['enabled-regions']);

    // Without the DescribeRegions answer the regions are unknown: error, not pass.
    const { 'ec2:DescribeRegions': _, ...calls } = snapshot.global.calls;
    const unknown = runOnInventory(check, buildInventory({ ...snapshot, global: { ...snapshot.global, calls } }), check.defaults).find((r) => r.resource.id === 'enabled-regions');
    expect(unknown?.status).toBe('error');
    expect(unknown?.evidence['failedCalls']).toEqual([expect.objectContaining({ call: 'ec2:DescribeRegions', code: 'NotCollected', path: '/global/calls/ec2:DescribeRegions' })]);
  });

  it('names each resource with its own type and region', () => {
    const results = runCheck(check, { s3Buckets: [usBucket], images: [image('ami-home', false)] });
    expect(results.map((r) => [r.resource.type, r.resource.region])).toEqual([
      ['AWS::EC2::Image', REGION],
      ['AWS::S3::Bucket', 'us-east-1'],
    ]);
  });

  it.each([
    [{ allowedRegions: ['ap-south-1'] }, true],
    [{ allowedRegions: ['us-gov-west-1', 'us-isob-east-1'] }, true],
    [{ allowedRegions: [] }, false],
    [{ allowedRegions: ['ap-south-1', 'ap-south-1'] }, false],
    [{ allowedRegions: ['Mumbai'] }, false],
    [{ allowedRegions: ['ap-south-1a'] }, false],
    [{}, false],
    [{ allowedRegions: ['ap-south-1'], extra: 1 }, false],
  ])('schema: %j valid = %s', (params, valid) => {
    expect(ajv.validate(check.schema, params)).toBe(valid);
  });
});
