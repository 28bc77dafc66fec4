import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/ec2-sg-no-public-risky-ports.js';
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

const ALL_DEFAULT_PORTS = [20, 21, 23, 1433, 1521, 3306, 5432, 6379, 9200, 27017];
const passing = sg(rule('tcp', 443, 443, '0.0.0.0/0'));

const cases: Case[] = [
  // pass
  one('mysql from a private range', sg(rule('tcp', 3306, 3306, '10.0.0.0/8')), 'pass', {}),
  one('https from anywhere', sg(rule('tcp', 443, 443, '0.0.0.0/0'), rule('tcp', 80, 80, '::/0')), 'pass'),
  one('postgres from another security group', sg(rule('tcp', 5432, 5432, 'sg-0app')), 'pass'),
  one('icmp from anywhere (covers no port)', sg(rule('icmp', -1, -1, '0.0.0.0/0'), rule('icmpv6', -1, -1, '::/0')), 'pass'),
  one('egress to anywhere on 3306 is not ingress', sg(rule('tcp', 3306, 3306, '0.0.0.0/0', 'egress')), 'pass'),
  one('range that stops short of 1433', sg(rule('tcp', 1434, 1520, '0.0.0.0/0')), 'pass'),
  one('prefix list of office ranges', sg(prefixListRule('tcp', 3306, 3306, 'pl-0office', ['203.0.113.0/24'])), 'pass'),
  one(
    'unreadable prefix list on a rule that covers no listed port',
    sg(prefixListRule('tcp', 443, 443, 'pl-0unknown', 'failed')),
    'pass',
  ),
  one('ports param narrows', sg(rule('tcp', 3306, 3306, '0.0.0.0/0')), 'pass', undefined, { ports: [5432] }),

  // fail
  one('mysql from anywhere', sg(rule('tcp', 3306, 3306, '0.0.0.0/0')), 'fail', {
    openRules: [{ protocol: 'tcp', ports: '3306', source: '0.0.0.0/0' }],
    exposedPorts: [3306],
  }),
  // Issue 12: passed before the fix ("anywhere" was /0 only).
  one('mysql from 0.0.0.0/2', sg(rule('tcp', 3306, 3306, '0.0.0.0/2')), 'fail', {
    openRules: [{ protocol: 'tcp', ports: '3306', source: '0.0.0.0/2 (public range broader than /8)' }],
    exposedPorts: [3306],
  }),
  one('redis over udp from ::/0', sg(rule('udp', 6379, 6379, '::/0')), 'fail', {
    openRules: [{ protocol: 'udp', ports: '6379', source: '::/0' }],
    exposedPorts: [6379],
  }),
  one('range 20-23 covers ftp and telnet', sg(rule('tcp', 20, 23, '0.0.0.0/0')), 'fail', {
    openRules: [{ protocol: 'tcp', ports: '20-23', source: '0.0.0.0/0' }],
    exposedPorts: [20, 21, 23],
  }),
  one('protocol by number (6)', sg(rule('6', 1000, 2000, '0.0.0.0/0')), 'fail', {
    openRules: [{ protocol: '6', ports: '1000-2000', source: '0.0.0.0/0' }],
    exposedPorts: [1433, 1521],
  }),
  one('all protocols (-1)', sg(rule('-1', undefined, undefined, '0.0.0.0/0')), 'fail', {
    openRules: [{ protocol: '-1', ports: 'all', source: '0.0.0.0/0' }],
    exposedPorts: ALL_DEFAULT_PORTS,
  }),
  one('tcp with no port range', sg(rule('tcp', undefined, undefined, '::/0')), 'fail', {
    openRules: [{ protocol: 'tcp', ports: 'all', source: '::/0' }],
    exposedPorts: ALL_DEFAULT_PORTS,
  }),
  one(
    'several rules, reported sorted by port then source',
    sg(
      rule('tcp', 27017, 27017, '0.0.0.0/0'),
      rule('tcp', 5432, 5432, '::/0'),
      rule('tcp', 5432, 5432, '0.0.0.0/0'),
      rule('tcp', 443, 443, '0.0.0.0/0'),
      rule('tcp', 1433, 1433, '10.0.0.0/8'),
    ),
    'fail',
    {
      openRules: [
        { protocol: 'tcp', ports: '5432', source: '0.0.0.0/0' },
        { protocol: 'tcp', ports: '5432', source: '::/0' },
        { protocol: 'tcp', ports: '27017', source: '0.0.0.0/0' },
      ],
      exposedPorts: [5432, 27017],
    },
  ),
  one('prefix list that contains ::/0', sg(prefixListRule('tcp', 9200, 9200, 'pl-0open', ['10.0.0.0/8', '::/0'])), 'fail', {
    openRules: [{ protocol: 'tcp', ports: '9200', source: '::/0 (via pl-0open)' }],
    exposedPorts: [9200],
  }),
  one('ports param adds a port', sg(rule('tcp', 8080, 8080, '0.0.0.0/0')), 'fail', {
    openRules: [{ protocol: 'tcp', ports: '8080', source: '0.0.0.0/0' }],
    exposedPorts: [8080],
  }, { ports: [8080, 3306] }),

  // error
  one('prefix list whose entries could not be read', sg(prefixListRule('tcp', 3306, 3306, 'pl-0unknown', 'failed')), 'error', {
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
    expect(validate({ ports: [70000] })).toBe(false);
  });
});
