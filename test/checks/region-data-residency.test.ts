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
