import { describe, expect, it } from 'vitest';
import check from '../../src/checks/ec2-no-public-ip-outside-public-tier.js';
import type { Status } from '../../src/checks/types.js';
import type { Instance, Subnet } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, runCheck, type Failure } from '../helpers/check-harness.js';

const arn = (id: string) => `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/${id}`;

function instance(id: string, o: Partial<Omit<Instance, 'type'>> = {}): Instance {
  return {
    type: 'AWS::EC2::Instance',
    arn: arn(id),
    id,
    account: ACCOUNT,
    region: REGION,
    tags: {},
    subnetId: 'subnet-app',
    vpcId: 'vpc-00000001',
    state: 'running',
    httpTokens: 'required',
    securityGroupIds: [],
    ...o,
  };
}

function subnet(id: string, tags: Record<string, string> = {}, o: Partial<Omit<Subnet, 'type'>> = {}): Subnet {
  return {
    type: 'AWS::EC2::Subnet',
    arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:subnet/${id}`,
    id,
    account: ACCOUNT,
    region: REGION,
    tags,
    vpcId: 'vpc-00000001',
    ipv6CidrBlocks: [],
    availabilityZone: `${REGION}a`,
    mapPublicIpOnLaunch: false,
    ...o,
  };
}

const SUBNETS = [subnet('subnet-app', { Tier: 'app' }), subnet('subnet-web', { Tier: 'web' }), subnet('subnet-dmz', { Layer: 'dmz' }), subnet('subnet-bare')];

const ip = '203.0.113.10';
const evidence = (o: Record<string, unknown> = {}) => ({
  publicIp: ip,
  subnetId: 'subnet-app',
  tierTag: 'Tier',
  subnetTier: 'app',
  instanceTier: null,
  subnetInPublicSubnetIds: false,
  ...o,
});

type Params = { tierTag?: string; publicTierValues?: string[]; publicSubnetIds?: string[] };
type Case = {
  name: string;
  instances: Instance[];
  subnets?: Subnet[];
  params?: Params;
  failed?: Failure[];
  expected: { status: Status; arn: string; evidence?: unknown }[];
};

const cases: Case[] = [
  {
    name: 'no public IP, private tier',
    instances: [instance('i-private')],
    expected: [{ status: 'pass', arn: arn('i-private'), evidence: { publicIp: null } }],
  },
  {
    name: 'public IP in a subnet tagged Tier=web',
    instances: [instance('i-web', { publicIp: ip, subnetId: 'subnet-web' })],
    expected: [{ status: 'pass', arn: arn('i-web'), evidence: evidence({ subnetId: 'subnet-web', subnetTier: 'web' }) }],
  },
  {
    name: 'public IP, instance itself tagged Tier=dmz',
    instances: [instance('i-dmz', { publicIp: ip, tags: { Tier: 'dmz' } })],
    expected: [{ status: 'pass', arn: arn('i-dmz'), evidence: evidence({ instanceTier: 'dmz' }) }],
  },
  {
    name: 'public IP in a subnet listed in publicSubnetIds',
    instances: [instance('i-listed', { publicIp: ip })],
    params: { publicSubnetIds: ['subnet-app'] },
    expected: [{ status: 'pass', arn: arn('i-listed'), evidence: evidence({ subnetInPublicSubnetIds: true }) }],
  },
  {
    name: 'public IP in the app tier',
    instances: [instance('i-app', { publicIp: ip })],
    expected: [{ status: 'fail', arn: arn('i-app'), evidence: evidence() }],
  },
  {
    name: 'public IP in an untagged subnet',
    instances: [instance('i-bare', { publicIp: ip, subnetId: 'subnet-bare' })],
    expected: [{ status: 'fail', arn: arn('i-bare'), evidence: evidence({ subnetId: 'subnet-bare', subnetTier: null }) }],
  },
  {
    name: 'a public value under another tag key does not count',
    instances: [instance('i-layer', { publicIp: ip, subnetId: 'subnet-dmz' })],
    expected: [{ status: 'fail', arn: arn('i-layer'), evidence: evidence({ subnetId: 'subnet-dmz', subnetTier: null }) }],
  },
  {
    name: 'tag values match exactly (Public is not public)',
    instances: [instance('i-case', { publicIp: ip, tags: { Tier: 'Public' } })],
    expected: [{ status: 'fail', arn: arn('i-case'), evidence: evidence({ instanceTier: 'Public' }) }],
  },
  {
    name: 'tierTag param: the subnet tag Layer=dmz now decides',
    instances: [instance('i-layer2', { publicIp: ip, subnetId: 'subnet-dmz' })],
    params: { tierTag: 'Layer' },
    expected: [{ status: 'pass', arn: arn('i-layer2'), evidence: evidence({ subnetId: 'subnet-dmz', tierTag: 'Layer', subnetTier: 'dmz' }) }],
  },
  {
    name: 'publicTierValues param narrows',
    instances: [instance('i-web2', { publicIp: ip, subnetId: 'subnet-web' })],
    params: { publicTierValues: ['public'] },
    expected: [{ status: 'fail', arn: arn('i-web2'), evidence: evidence({ subnetId: 'subnet-web', subnetTier: 'web' }) }],
  },
  {
    name: 'subnet not in the inventory: only the instance tag can place it',
    instances: [instance('i-lost', { publicIp: ip, subnetId: 'subnet-unknown' })],
    expected: [{ status: 'fail', arn: arn('i-lost'), evidence: evidence({ subnetId: 'subnet-unknown', subnetTier: null }) }],
  },
  {
    name: 'terminated instance',
    instances: [instance('i-gone', { state: 'terminated', publicIp: ip })],
    expected: [{ status: 'not_applicable', arn: arn('i-gone'), evidence: { state: 'terminated' } }],
  },
  {
    name: 'shutting-down instance is still in scope',
    instances: [instance('i-going', { state: 'shutting-down', publicIp: ip })],
    expected: [{ status: 'fail', arn: arn('i-going'), evidence: evidence() }],
  },
  {
    name: 'DescribeSubnets denied: subnet tiers unknown, not a pass or a fail',
    instances: [instance('i-web3', { publicIp: ip, subnetId: 'subnet-web' }), instance('i-private2')],
    subnets: [],
    failed: ['ec2:DescribeSubnets'],
    expected: [
      { status: 'error', arn: arn('i-private2') },
      { status: 'error', arn: arn('i-web3') },
    ],
  },
  {
    name: 'DescribeInstances denied',
    instances: [],
    failed: ['ec2:DescribeInstances'],
    expected: [{ status: 'error', arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:*` }],
  },
  { name: 'no instances: nothing in scope', instances: [], expected: [{ status: 'not_applicable', arn: `arn:aws:ec2::${ACCOUNT}:*` }] },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ instances, subnets = SUBNETS, params, failed, expected }) => {
    const results = runCheck(check, { instances, subnets, ...(failed ? { failed } : {}) }, params);
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });

  it('names the instance and its IP in the message', () => {
    const [r] = runCheck(check, { instances: [instance('i-app', { publicIp: ip })], subnets: SUBNETS });
    expect(r?.message).toBe('EC2 instance i-app has public IP 203.0.113.10 but is not in the public tier.');
  });
});
