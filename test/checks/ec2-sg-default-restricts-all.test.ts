import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/ec2-sg-default-restricts-all.js';
import type { Status } from '../../src/checks/types.js';
import type { SecurityGroup } from '../../src/inventory/types.js';
import { defaultSg, prefixListRule, REGION, rule, runCheck, sg, type InventoryInput } from '../helpers/check-harness.js';

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
  expected: [{ status, id: group.id, ...(evidence === undefined ? {} : { evidence }) }],
});

const empty = defaultSg();
const nonDefault = sg(rule('-1', undefined, undefined, '0.0.0.0/0'));
const inOtherVpc = { ...defaultSg(rule('tcp', 443, 443, '10.0.0.0/8')), vpcId: 'vpc-00000002' };

const cases: Case[] = [
  // pass
  one('default group with no rules', empty, 'pass', { ingressRules: [], egressRules: [] }),

  // fail
  one('the rules AWS creates: self-referencing ingress, egress to anywhere', defaultSg(
    rule('-1', undefined, undefined, 'sg-0self'),
    rule('-1', undefined, undefined, '0.0.0.0/0', 'egress'),
    rule('-1', undefined, undefined, '::/0', 'egress'),
  ), 'fail', {
    ingressRules: [{ protocol: '-1', ports: 'all', source: 'sg-0self' }],
    egressRules: [
      { protocol: '-1', ports: 'all', source: '0.0.0.0/0' },
      { protocol: '-1', ports: 'all', source: '::/0' },
    ],
  }),
  one('ingress only, from a private range', defaultSg(rule('tcp', 22, 22, '10.0.0.0/8')), 'fail', {
    ingressRules: [{ protocol: 'tcp', ports: '22', source: '10.0.0.0/8' }],
    egressRules: [],
  }),
  one('egress only, icmp', defaultSg(rule('icmp', -1, -1, '10.0.0.0/8', 'egress'), rule('icmp', 8, -1, '10.1.0.0/16', 'egress')), 'fail', {
    ingressRules: [],
    egressRules: [
      { protocol: 'icmp', ports: 'all', source: '10.0.0.0/8' },
      { protocol: 'icmp', ports: 'type 8', source: '10.1.0.0/16' },
    ],
  }),
  one('a prefix-list rule counts as a rule, even unreadable', defaultSg(prefixListRule('tcp', 443, 443, 'pl-0unknown', 'failed')), 'fail', {
    ingressRules: [{ protocol: 'tcp', ports: '443', source: 'pl-0unknown' }],
    egressRules: [],
  }),
  {
    name: 'only default groups are in scope, one result per VPC',
    input: { securityGroups: [nonDefault, empty, inOtherVpc] },
    expected: [
      { status: 'pass', id: empty.id, evidence: { ingressRules: [], egressRules: [] } },
      {
        status: 'fail',
        id: inOtherVpc.id,
        evidence: { ingressRules: [{ protocol: 'tcp', ports: '443', source: '10.0.0.0/8' }], egressRules: [] },
      },
    ],
  },

  // error
  {
    name: 'DescribeSecurityGroups denied, nothing collected',
    input: { securityGroups: [], failed: ['ec2:DescribeSecurityGroups'] },
    expected: [{ status: 'error', id: '*', evidence: { failedCalls: [denied('ec2:DescribeSecurityGroups')] } }],
  },
  {
    name: 'DescribeSecurityGroups denied turns a pass into error',
    input: { securityGroups: [empty], failed: ['ec2:DescribeSecurityGroups'] },
    expected: [
      { status: 'error', id: empty.id, evidence: { failedCalls: [denied('ec2:DescribeSecurityGroups')], unverifiedOutcome: 'pass' } },
    ],
  },

  // not_applicable
  { name: 'no security groups', input: { securityGroups: [] }, expected: [{ status: 'not_applicable', id: '*', evidence: {} }] },
  {
    name: 'only non-default groups (out of scope)',
    input: { securityGroups: [nonDefault] },
    expected: [{ status: 'not_applicable', id: '*', evidence: {} }],
  },
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
