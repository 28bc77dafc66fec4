/**
 * PCI DSS 1.3.2 (issue 11): outbound traffic from the CDE restricted. Before,
 * 1.3.2 was evidenced only by "the default security group is empty", which
 * says nothing about the egress of the groups the CDE actually uses.
 */
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/ec2-cde-egress-restricted.js';
import type { Status } from '../../src/checks/types.js';
import type { Instance, SecurityGroup, Subnet } from '../../src/inventory/types.js';
import { ACCOUNT, prefixListRule, REGION, rule, runCheck, sg, type InventoryInput } from '../helpers/check-harness.js';

function instance(id: string, groups: SecurityGroup[], o: Partial<Omit<Instance, 'type'>> = {}): Instance {
  return {
    type: 'AWS::EC2::Instance',
    arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/${id}`,
    id,
    account: ACCOUNT,
    region: REGION,
    tags: {},
    subnetId: 'subnet-cde',
    vpcId: 'vpc-00000001',
    state: 'running',
    httpTokens: 'required',
    securityGroupIds: groups.map((g) => g.id),
    ...o,
  };
}

function subnet(id: string, tags: Record<string, string>): Subnet {
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
  };
}

const SUBNETS = [subnet('subnet-cde', { Tier: 'cde' }), subnet('subnet-web', { Tier: 'web' })];
const egress = (protocol: string, from: number | undefined, to: number | undefined, dest: string) => rule(protocol, from, to, dest, 'egress');

const allOut = sg(egress('-1', undefined, undefined, '0.0.0.0/0'));
const toProcessor = sg(egress('tcp', 443, 443, '198.51.100.0/24'), egress('tcp', 5432, 5432, 'sg-0data'));
const https = sg(egress('tcp', 443, 443, '0.0.0.0/0'));
const v6 = sg(egress('-1', undefined, undefined, '::/0'));
const halves = sg(egress('-1', undefined, undefined, '0.0.0.0/1'), egress('-1', undefined, undefined, '128.0.0.0/1'));

const account = (instances: Instance[], groups: SecurityGroup[], extra: InventoryInput = {}): InventoryInput => ({ subnets: SUBNETS, instances, securityGroups: groups, ...extra });

type Case = { name: string; input: InventoryInput; params?: Partial<typeof check.defaults>; results: [string, Status][]; evidence?: unknown; message?: string };

const cases: Case[] = [
  {
    name: 'CDE group egress only to the processor and the data tier',
    input: account([instance('i-pay', [toProcessor])], [toProcessor]),
    results: [[toProcessor.id, 'pass']],
    evidence: { cdeInstances: ['i-pay'], allowedPorts: [] },
  },
  {
    name: 'CDE group with the default all-traffic egress to 0.0.0.0/0',
    input: account([instance('i-pay', [allOut])], [allOut]),
    results: [[allOut.id, 'fail']],
    evidence: { cdeInstances: ['i-pay'], openEgressRules: [{ protocol: '-1', ports: 'all', destination: '0.0.0.0/0' }], allowedPorts: [] },
    message: `${allOut.id} (cardholder-data tier: i-pay) allows outbound all traffic to anywhere`,
  },
  {
    name: 'egress to ::/0',
    input: account([instance('i-pay', [v6])], [v6]),
    results: [[v6.id, 'fail']],
  },
  {
    // Issue 12: passed before the fix ("anywhere" was /0 only).
    name: 'egress to the internet in two halves (0.0.0.0/1, 128.0.0.0/1)',
    input: account([instance('i-pay', [halves])], [halves]),
    results: [[halves.id, 'fail']],
    evidence: {
      cdeInstances: ['i-pay'],
      openEgressRules: [
        { protocol: '-1', ports: 'all', destination: '0.0.0.0/1 (public range broader than /8)' },
        { protocol: '-1', ports: 'all', destination: '128.0.0.0/1 (public range broader than /8)' },
      ],
      allowedPorts: [],
    },
  },
  {
    name: 'https to anywhere fails by default',
    input: account([instance('i-pay', [https])], [https]),
    results: [[https.id, 'fail']],
  },
  {
    name: 'allowedPorts [443] accepts https to anywhere',
    input: account([instance('i-pay', [https])], [https]),
    params: { allowedPorts: [443] },
    results: [[https.id, 'pass']],
  },
  {
    name: 'a web-tier instance is not in the CDE: its open egress is not judged',
    input: account([instance('i-web', [allOut], { subnetId: 'subnet-web' }), instance('i-pay', [toProcessor])], [allOut, toProcessor]),
    results: [[toProcessor.id, 'pass']],
  },
  {
    name: 'the instance tag marks the tier',
    input: account([instance('i-pay', [allOut], { subnetId: 'subnet-web', tags: { Tier: 'cardholder-data' } })], [allOut]),
    results: [[allOut.id, 'fail']],
  },
  {
    name: 'cdeSubnetIds mark the tier whatever the tags',
    input: account([instance('i-pay', [allOut], { subnetId: 'subnet-web' })], [allOut]),
    params: { cdeSubnetIds: ['subnet-web'] },
    results: [[allOut.id, 'fail']],
  },
  {
    name: 'a terminated instance is out of the CDE',
    input: account([instance('i-old', [allOut], { state: 'terminated' })], [allOut]),
    results: [['*', 'not_applicable']],
  },
  {
    name: 'two CDE instances share one group: one result naming both',
    input: account([instance('i-pay-2', [allOut]), instance('i-pay-1', [allOut])], [allOut]),
    results: [[allOut.id, 'fail']],
    evidence: { cdeInstances: ['i-pay-1', 'i-pay-2'], openEgressRules: [{ protocol: '-1', ports: 'all', destination: '0.0.0.0/0' }], allowedPorts: [] },
  },
  {
    name: 'a prefix list whose entries could not be read is error, never pass',
    input: (() => {
      const g = sg({ ...prefixListRule('tcp', 443, 443, 'pl-0unknown', 'failed'), direction: 'egress' });
      return account([instance('i-pay', [g])], [g]);
    })(),
    results: [['*', 'error']],
  },
  {
    name: 'a group the snapshot does not describe is error on the instance',
    input: account([instance('i-pay', [allOut])], []),
    results: [['i-pay', 'error']],
  },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ input, params, results: expected, evidence, message }) => {
    const results = runCheck(check, input, params);
    expect(results.map((r) => [r.resource.id, r.status])).toEqual(
      expected.map(([id, status]) => [id === '*' && status === 'error' ? results[0]!.resource.id : id, status]),
    );
    if (evidence !== undefined) expect(results[0]?.evidence).toEqual(evidence);
    if (message !== undefined) expect(results[0]?.message).toBe(message);
  });

  it('says how the tier is found when no instance is in it', () => {
    const [r] = runCheck(check, account([instance('i-web', [allOut], { subnetId: 'subnet-web' })], [allOut]));
    expect(r?.status).toBe('not_applicable');
    expect(r?.message).toBe(
      'no instance is in the cardholder data environment (tag Tier in cde, cardholder-data, pci on the subnet or instance, or a subnet in cdeSubnetIds): outbound traffic from it was not judged',
    );
  });

  it('is error, not pass, when DescribeSecurityGroups was denied', () => {
    const results = runCheck(check, account([instance('i-pay', [allOut])], [allOut], { failed: ['ec2:DescribeSecurityGroups'] }));
    expect(results.map((r) => r.status)).toEqual(['error']);
  });
});
