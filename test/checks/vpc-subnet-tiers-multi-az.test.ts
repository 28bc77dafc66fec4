import { describe, expect, it } from 'vitest';
import check from '../../src/checks/vpc-subnet-tiers-multi-az.js';
import type { Status } from '../../src/checks/types.js';
import type { Subnet } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, runCheck, type Failure } from '../helpers/check-harness.js';

const arn = (vpc: string, tier: string, region = REGION) => `arn:aws:ec2:${region}:${ACCOUNT}:subnet-tier/${vpc}/${tier}`;

function subnet(id: string, az: string | undefined, tags: Record<string, string> = {}, o: Partial<Omit<Subnet, 'type'>> = {}): Subnet {
  const region = o.region ?? REGION;
  const s: Subnet = {
    type: 'AWS::EC2::Subnet',
    arn: `arn:aws:ec2:${region}:${ACCOUNT}:subnet/${id}`,
    id,
    account: ACCOUNT,
    region,
    tags,
    vpcId: 'vpc-1',
    ipv6CidrBlocks: [],
    mapPublicIpOnLaunch: false,
    ...o,
  };
  if (az !== undefined) s.availabilityZone = az;
  return s;
}

const A = `${REGION}a`;
const B = `${REGION}b`;
const C = `${REGION}c`;

type Case = {
  name: string;
  subnets: Subnet[];
  regions?: string[];
  params?: { tierTag?: string; minAzs?: number };
  failed?: Failure[];
  expected: { status: Status; arn: string; id?: string; evidence?: unknown }[];
};

const cases: Case[] = [
  {
    name: 'web tier across two zones',
    subnets: [subnet('subnet-w2', B, { Tier: 'web' }), subnet('subnet-w1', A, { Tier: 'web' })],
    expected: [
      {
        status: 'pass',
        arn: arn('vpc-1', 'web'),
        id: 'vpc-1/web',
        evidence: {
          subnets: [
            { id: 'subnet-w1', availabilityZone: A },
            { id: 'subnet-w2', availabilityZone: B },
          ],
          availabilityZones: [A, B],
          minAzs: 2,
        },
      },
    ],
  },
  {
    name: 'app tier: two subnets in one zone',
    subnets: [subnet('subnet-a1', A, { Tier: 'app' }), subnet('subnet-a2', A, { Tier: 'app' })],
    expected: [
      {
        status: 'fail',
        arn: arn('vpc-1', 'app'),
        evidence: {
          subnets: [
            { id: 'subnet-a1', availabilityZone: A },
            { id: 'subnet-a2', availabilityZone: A },
          ],
          availabilityZones: [A],
          minAzs: 2,
        },
      },
    ],
  },
  {
    name: 'subnets without the tag (or with an empty value) form tier untagged',
    subnets: [subnet('subnet-u1', A), subnet('subnet-u2', A, { Tier: '' }), subnet('subnet-d1', A, { Tier: 'db' }), subnet('subnet-d2', B, { Tier: 'db' })],
    expected: [
      { status: 'pass', arn: arn('vpc-1', 'db') },
      {
        status: 'fail',
        arn: arn('vpc-1', 'untagged'),
        id: 'vpc-1/untagged',
        evidence: {
          subnets: [
            { id: 'subnet-u1', availabilityZone: A },
            { id: 'subnet-u2', availabilityZone: A },
          ],
          availabilityZones: [A],
          minAzs: 2,
        },
      },
    ],
  },
  {
    name: 'the same tier in two VPCs is judged per VPC',
    subnets: [
      subnet('subnet-1a', A, { Tier: 'web' }),
      subnet('subnet-1b', B, { Tier: 'web' }),
      subnet('subnet-2a', A, { Tier: 'web' }, { vpcId: 'vpc-2' }),
    ],
    expected: [
      { status: 'pass', arn: arn('vpc-1', 'web') },
      { status: 'fail', arn: arn('vpc-2', 'web') },
    ],
  },
  {
    name: 'each VPC\'s tiers in that VPC\'s region',
    regions: [REGION, 'ap-south-2'],
    subnets: [
      subnet('subnet-m1', A, { Tier: 'web' }),
      subnet('subnet-m2', B, { Tier: 'web' }),
      subnet('subnet-h1', 'ap-south-2a', { Tier: 'web' }, { region: 'ap-south-2', vpcId: 'vpc-9' }),
    ],
    expected: [
      { status: 'pass', arn: arn('vpc-1', 'web') },
      { status: 'fail', arn: arn('vpc-9', 'web', 'ap-south-2') },
    ],
  },
  {
    name: 'a subnet with no known zone adds no zone',
    subnets: [subnet('subnet-x1', A, { Tier: 'web' }), subnet('subnet-x2', undefined, { Tier: 'web' })],
    expected: [
      {
        status: 'fail',
        arn: arn('vpc-1', 'web'),
        evidence: {
          subnets: [
            { id: 'subnet-x1', availabilityZone: A },
            { id: 'subnet-x2', availabilityZone: null },
          ],
          availabilityZones: [A],
          minAzs: 2,
        },
      },
    ],
  },
  {
    name: 'minAzs param raises the bar',
    subnets: [subnet('subnet-w1', A, { Tier: 'web' }), subnet('subnet-w2', B, { Tier: 'web' })],
    params: { minAzs: 3 },
    expected: [{ status: 'fail', arn: arn('vpc-1', 'web') }],
  },
  {
    name: 'minAzs 3 met',
    subnets: [subnet('subnet-w1', A, { Tier: 'web' }), subnet('subnet-w2', B, { Tier: 'web' }), subnet('subnet-w3', C, { Tier: 'web' })],
    params: { minAzs: 3 },
    expected: [{ status: 'pass', arn: arn('vpc-1', 'web') }],
  },
  {
    name: 'tierTag param: another tag key groups the subnets',
    subnets: [subnet('subnet-l1', A, { Layer: 'data', Tier: 'x' }), subnet('subnet-l2', B, { Layer: 'data', Tier: 'y' })],
    params: { tierTag: 'Layer' },
    expected: [{ status: 'pass', arn: arn('vpc-1', 'data') }],
  },
  {
    name: 'DescribeSubnets denied',
    subnets: [],
    failed: ['ec2:DescribeSubnets'],
    expected: [{ status: 'error', arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:*` }],
  },
  {
    name: 'DescribeSubnets denied in one region only',
    regions: [REGION, 'ap-south-2'],
    subnets: [subnet('subnet-w1', A, { Tier: 'web' }), subnet('subnet-w2', B, { Tier: 'web' })],
    failed: [{ op: 'ec2:DescribeSubnets', region: 'ap-south-2' }],
    expected: [
      { status: 'pass', arn: arn('vpc-1', 'web') },
      { status: 'error', arn: `arn:aws:ec2:ap-south-2:${ACCOUNT}:*` },
    ],
  },
  { name: 'no subnets: nothing in scope', subnets: [], expected: [{ status: 'not_applicable', arn: `arn:aws:ec2::${ACCOUNT}:*` }] },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ subnets, regions, params, failed, expected }) => {
    const results = runCheck(check, { subnets, ...(regions ? { regions } : {}), ...(failed ? { failed } : {}) }, params);
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.id !== undefined) expect(results[i]?.resource).toEqual({ type: 'AWS::EC2::SubnetTier', arn: e.arn, id: e.id, account: ACCOUNT, region: REGION });
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });

  it('names the VPC and tier in its message', () => {
    const [r] = runCheck(check, { subnets: [subnet('subnet-a1', A, { Tier: 'app' })] });
    expect(r?.message).toBe(`Subnet tier app of vpc-1 spans 1 availability zone (${A}), fewer than the 2 required.`);
  });
});
