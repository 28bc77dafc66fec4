import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/ec2-sg-no-public-all-traffic.js';
import type { Status } from '../../src/checks/types.js';
import type { SecurityGroup } from '../../src/inventory/types.js';
import { prefixListRule, REGION, rule, runCheck, sg, type InventoryInput } from '../helpers/check-harness.js';

type Params = typeof check.defaults;
type Expected = { status: Status; id: string; evidence?: unknown };
type Case = { name: string; input: InventoryInput; params?: Partial<Params>; expected: Expected[] };

/** The evidence of a call the harness marks as denied. */
const denied = (op: string, resource?: string) => ({
  call: op,
  region: REGION,
  code: 'AccessDenied',
  message: `User is not authorized to perform: ${op}`,
  requiredPermission: op,
  ...(resource === undefined ? {} : { resource }),
});

/** A case about one security group. */
const one = (name: string, group: SecurityGroup, status: Status, evidence?: unknown, params?: Partial<Params>): Case => ({
  name,
  input: { securityGroups: [group] },
  ...(params ? { params } : {}),
  // A failing group with no interface is not reachable from the internet (the reachability evidence says so).
  expected: [{ status, id: group.id, ...(evidence === undefined ? {} : { evidence: status === 'fail' ? { ...(evidence as object), reachableFromInternet: false, reachability: `no network interface uses ${group.id}` } : evidence }) }],
});

const passing = sg(rule('tcp', 443, 443, '0.0.0.0/0'));

const cases: Case[] = [
  // pass
  one('https from anywhere', passing, 'pass', {}),
  one('all traffic from a private range', sg(rule('-1', undefined, undefined, '10.0.0.0/8')), 'pass'),
  one('all traffic from another security group', sg(rule('-1', undefined, undefined, 'sg-0peer')), 'pass'),
  one('all traffic to anywhere is egress, not ingress', sg(rule('-1', undefined, undefined, '0.0.0.0/0', 'egress')), 'pass'),
  one('tcp 0-65534 is not 0-65535', sg(rule('tcp', 0, 65534, '::/0')), 'pass'),
  one('icmp, all types, from anywhere', sg(rule('icmp', -1, -1, '0.0.0.0/0')), 'pass'),
  one('prefix list of office ranges', sg(prefixListRule('-1', 0, 65535, 'pl-0office', ['203.0.113.0/24'])), 'pass'),
  one('unreadable prefix list on a single-port rule', sg(prefixListRule('tcp', 22, 22, 'pl-0unknown', 'failed')), 'pass'),

  // fail
  one('all protocols from 0.0.0.0/0', sg(rule('-1', undefined, undefined, '0.0.0.0/0')), 'fail', {
    openRules: [{ protocol: '-1', ports: 'all', source: '0.0.0.0/0' }],
  }),
  // Issue 12: passed before the fix ("anywhere" was /0 only).
  one('all protocols from 0.0.0.0/1 and 128.0.0.0/1', sg(rule('-1', undefined, undefined, '0.0.0.0/1'), rule('-1', undefined, undefined, '128.0.0.0/1')), 'fail', {
    openRules: [
      { protocol: '-1', ports: 'all', source: '0.0.0.0/1 (public range broader than /8)' },
      { protocol: '-1', ports: 'all', source: '128.0.0.0/1 (public range broader than /8)' },
    ],
  }),
  one('all protocols from a VPC-wide 10.0.0.0/8 is private', sg(rule('-1', undefined, undefined, '10.0.0.0/8')), 'pass'),
  one('all protocols from ::/0', sg(rule('-1', undefined, undefined, '::/0')), 'fail', {
    openRules: [{ protocol: '-1', ports: 'all', source: '::/0' }],
  }),
  one('tcp 0-65535 from anywhere', sg(rule('tcp', 0, 65535, '0.0.0.0/0')), 'fail', {
    openRules: [{ protocol: 'tcp', ports: '0-65535', source: '0.0.0.0/0' }],
  }),
  one('tcp 1-65535 from anywhere (port 0 is reserved: every port)', sg(rule('tcp', 1, 65535, '0.0.0.0/0')), 'fail', {
    openRules: [{ protocol: 'tcp', ports: '1-65535', source: '0.0.0.0/0' }],
  }),
  one('udp over all ports (17, no range)', sg(rule('17', undefined, undefined, '0.0.0.0/0')), 'fail', {
    openRules: [{ protocol: '17', ports: 'all', source: '0.0.0.0/0' }],
  }),
  one(
    'several rules, sorted',
    sg(rule('udp', 0, 65535, '::/0'), rule('tcp', 0, 65535, '0.0.0.0/0'), rule('-1', undefined, undefined, '::/0'), rule('tcp', 22, 22, '0.0.0.0/0')),
    'fail',
    {
      openRules: [
        { protocol: '-1', ports: 'all', source: '::/0' },
        { protocol: 'tcp', ports: '0-65535', source: '0.0.0.0/0' },
        { protocol: 'udp', ports: '0-65535', source: '::/0' },
      ],
    },
  ),
  one('prefix list that contains 0.0.0.0/0', sg(prefixListRule('tcp', 0, 65535, 'pl-0open', ['0.0.0.0/0', '10.0.0.0/8'])), 'fail', {
    openRules: [{ protocol: 'tcp', ports: '0-65535', source: '0.0.0.0/0 (via pl-0open)' }],
  }),

  // error
  one('prefix list whose entries could not be read', sg(prefixListRule('-1', 0, 65535, 'pl-0unknown', 'failed')), 'error', {
    failedCalls: [denied('ec2:GetManagedPrefixListEntries', 'pl-0unknown')],
  }),
  {
    name: 'DescribeSecurityGroups denied, nothing collected',
    input: { securityGroups: [], failed: ['ec2:DescribeSecurityGroups'] },
    expected: [{ status: 'error', id: '*', evidence: { failedCalls: [denied('ec2:DescribeSecurityGroups')] } }],
  },
  {
    name: 'DescribeSecurityGroups denied turns a pass into error',
    input: { securityGroups: [passing], failed: ['ec2:DescribeSecurityGroups'] },
    expected: [
      { status: 'error', id: passing.id, evidence: { failedCalls: [denied('ec2:DescribeSecurityGroups')], unverifiedOutcome: 'pass' } },
    ],
  },

  // not_applicable
  { name: 'no security groups', input: { securityGroups: [] }, expected: [{ status: 'not_applicable', id: '*', evidence: {} }] },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ input, params, expected }) => {
    const results = runCheck(check, input, params);
    expect(results.map((r) => ({ status: r.status, id: r.resource.id }))).toEqual(expected.map(({ status, id }) => ({ status, id })));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
    for (const r of results) if (r.status === 'pass' || r.status === 'fail') expect(r.message).toContain(r.resource.id);
  });

  it('has a schema that accepts its defaults and rejects unknown params', () => {
    const validate = new Ajv({ strict: true, strictRequired: false }).compile(check.schema);
    expect(validate(check.defaults)).toBe(true);
    expect(validate({ ...check.defaults, extra: 1 })).toBe(false);
  });
});
