import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/ec2-sg-public-ports-authorised.js';
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
const DEFAULT_ALLOWED = [80, 443];

const cases: Case[] = [
  // pass
  one('https and http from anywhere', sg(rule('tcp', 443, 443, '0.0.0.0/0'), rule('tcp', 80, 80, '::/0')), 'pass', {}),
  one('quic (udp 443) from anywhere', sg(rule('udp', 443, 443, '::/0')), 'pass'),
  one('ssh from a private range', sg(rule('tcp', 22, 22, '10.0.0.0/8')), 'pass'),
  one('all traffic from another security group', sg(rule('-1', undefined, undefined, 'sg-0lb')), 'pass'),
  one('icmp and icmpv6 from anywhere are ignored', sg(rule('icmp', -1, -1, '0.0.0.0/0'), rule('icmpv6', 128, 0, '::/0')), 'pass'),
  one('egress to anywhere is not ingress', sg(rule('-1', undefined, undefined, '0.0.0.0/0', 'egress')), 'pass'),
  one('range made only of allowed ports', sg(rule('tcp', 8080, 8081, '0.0.0.0/0')), 'pass', undefined, { allowedPorts: [8081, 8080] }),
  one('prefix list of office ranges', sg(prefixListRule('tcp', 22, 22, 'pl-0office', ['203.0.113.0/24'])), 'pass'),
  one('unreadable prefix list on an allowed port', sg(prefixListRule('tcp', 443, 443, 'pl-0unknown', 'failed')), 'pass'),

  // fail
  one('ssh from anywhere', sg(rule('tcp', 22, 22, '0.0.0.0/0'), rule('tcp', 443, 443, '0.0.0.0/0')), 'fail', {
    unauthorisedRules: [{ protocol: 'tcp', ports: '22', source: '0.0.0.0/0' }],
    allowedPorts: DEFAULT_ALLOWED,
  }),
  // Issue 12: passed before the fix ("anywhere" was /0 only).
  one('ssh from 128.0.0.0/1', sg(rule('tcp', 22, 22, '128.0.0.0/1')), 'fail', {
    unauthorisedRules: [{ protocol: 'tcp', ports: '22', source: '128.0.0.0/1 (public range broader than /8)' }],
    allowedPorts: DEFAULT_ALLOWED,
  }),
  one('range 80-443 covers ports in between', sg(rule('tcp', 80, 443, '::/0')), 'fail', {
    unauthorisedRules: [{ protocol: 'tcp', ports: '80-443', source: '::/0' }],
    allowedPorts: DEFAULT_ALLOWED,
  }),
  one('udp 53 from anywhere', sg(rule('udp', 53, 53, '0.0.0.0/0')), 'fail', {
    unauthorisedRules: [{ protocol: 'udp', ports: '53', source: '0.0.0.0/0' }],
    allowedPorts: DEFAULT_ALLOWED,
  }),
  one('all protocols (-1)', sg(rule('-1', undefined, undefined, '0.0.0.0/0')), 'fail', {
    unauthorisedRules: [{ protocol: '-1', ports: 'all', source: '0.0.0.0/0' }],
    allowedPorts: DEFAULT_ALLOWED,
  }),
  one('tcp with no port range', sg(rule('tcp', undefined, undefined, '0.0.0.0/0')), 'fail', {
    unauthorisedRules: [{ protocol: 'tcp', ports: 'all', source: '0.0.0.0/0' }],
    allowedPorts: DEFAULT_ALLOWED,
  }),
  one(
    'several rules, sorted; icmp still ignored',
    sg(rule('tcp', 8443, 8443, '::/0'), rule('icmp', -1, -1, '0.0.0.0/0'), rule('tcp', 22, 22, '::/0'), rule('tcp', 22, 22, '0.0.0.0/0')),
    'fail',
    {
      unauthorisedRules: [
        { protocol: 'tcp', ports: '22', source: '0.0.0.0/0' },
        { protocol: 'tcp', ports: '22', source: '::/0' },
        { protocol: 'tcp', ports: '8443', source: '::/0' },
      ],
      allowedPorts: DEFAULT_ALLOWED,
    },
  ),
  one('prefix list that contains 0.0.0.0/0', sg(prefixListRule('tcp', 3389, 3389, 'pl-0open', ['0.0.0.0/0'])), 'fail', {
    unauthorisedRules: [{ protocol: 'tcp', ports: '3389', source: '0.0.0.0/0 (via pl-0open)' }],
    allowedPorts: DEFAULT_ALLOWED,
  }),
  one('allowedPorts param narrows', sg(rule('tcp', 80, 80, '0.0.0.0/0')), 'fail', {
    unauthorisedRules: [{ protocol: 'tcp', ports: '80', source: '0.0.0.0/0' }],
    allowedPorts: [443],
  }, { allowedPorts: [443] }),
  one('empty allowedPorts: any public port is unauthorised', sg(rule('tcp', 443, 443, '0.0.0.0/0')), 'fail', {
    unauthorisedRules: [{ protocol: 'tcp', ports: '443', source: '0.0.0.0/0' }],
    allowedPorts: [],
  }, { allowedPorts: [] }),

  // error
  one('prefix list whose entries could not be read', sg(prefixListRule('tcp', 22, 22, 'pl-0unknown', 'failed')), 'error', {
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
    expect(validate({ allowedPorts: [-1] })).toBe(false);
  });
});
