import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/vpc-flow-logs-enabled.js';
import type { Status } from '../../src/checks/types.js';
import type { FlowLog } from '../../src/inventory/types.js';
import { flowLog, inventory, REGION, runCheck, vpc, type InventoryInput } from '../helpers/check-harness.js';

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

const A = 'vpc-0000000a';
const B = 'vpc-0000000b';
const OTHER_REGION = 'eu-west-1';

type Shown = { id: string; trafficType?: string; status?: string };

/** A flow log as the evidence shows it. */
const shown = (id: string, trafficType: string, status = 'ACTIVE'): Shown => ({ id, trafficType, status });

/** VPC A with `logs`: pass, naming the qualifying flow logs. */
const passes = (name: string, logs: FlowLog[], matching: Shown[], trafficType: Params['trafficType'] = 'ALL'): Case => ({
  name,
  input: { vpcs: [vpc(A)], flowLogs: logs },
  params: { trafficType },
  expected: [{ status: 'pass', id: A, evidence: { requiredTrafficType: trafficType, matchingFlowLogs: matching } }],
});

/** VPC A with `logs`: fail, showing every flow log of the VPC. */
const fails = (name: string, logs: FlowLog[], all: Shown[], trafficType: Params['trafficType'] = 'ALL'): Case => ({
  name,
  input: { vpcs: [vpc(A)], flowLogs: logs },
  params: { trafficType },
  expected: [{ status: 'fail', id: A, evidence: { requiredTrafficType: trafficType, flowLogs: all } }],
});

const noTrafficType: FlowLog = (() => {
  const f = flowLog(A, 'ALL', 'ACTIVE', 'fl-notype');
  delete f.trafficType;
  return f;
})();
const inOtherRegion: FlowLog = {
  ...flowLog(A, 'ALL', 'ACTIVE', 'fl-elsewhere'),
  region: OTHER_REGION,
  arn: `arn:aws:ec2:${OTHER_REGION}:123456789012:vpc-flow-log/fl-elsewhere`,
};

const cases: Case[] = [
  // pass
  passes('an active flow log of ALL traffic', [flowLog(A)], [shown(`fl-${A}`, 'ALL')]),
  passes('REJECT required, REJECT logged', [flowLog(A, 'REJECT')], [shown(`fl-${A}`, 'REJECT')], 'REJECT'),
  passes('ACCEPT required, ALL logged', [flowLog(A, 'ALL')], [shown(`fl-${A}`, 'ALL')], 'ACCEPT'),
  passes(
    'several flow logs: the qualifying ones, sorted by id',
    [flowLog(A, 'ALL', 'ACTIVE', 'fl-3'), flowLog(A, 'REJECT', 'ACTIVE', 'fl-2'), flowLog(A, 'ALL', 'ACTIVE', 'fl-1')],
    [shown('fl-1', 'ALL'), shown('fl-3', 'ALL')],
  ),

  // fail
  fails('no flow log at all', [], []),
  fails('only REJECT logged when ALL is required', [flowLog(A, 'REJECT')], [shown(`fl-${A}`, 'REJECT')]),
  fails('REJECT logged when ACCEPT is required', [flowLog(A, 'REJECT')], [shown(`fl-${A}`, 'REJECT')], 'ACCEPT'),
  fails('a flow log that is not ACTIVE', [flowLog(A, 'ALL', 'INACTIVE')], [shown(`fl-${A}`, 'ALL', 'INACTIVE')]),
  fails('a flow log with no traffic type', [noTrafficType], [{ id: 'fl-notype', status: 'ACTIVE' }]),
  fails('flow logs of a subnet and of another VPC do not count', [flowLog('subnet-00000001'), flowLog(B)], []),
  {
    name: 'a flow log in another region does not count',
    input: { regions: [OTHER_REGION, REGION], vpcs: [vpc(A)], flowLogs: [inOtherRegion] },
    expected: [{ status: 'fail', id: A, evidence: { requiredTrafficType: 'ALL', flowLogs: [] } }],
  },
  {
    name: 'one result per VPC',
    input: { vpcs: [vpc(B), vpc(A, true)], flowLogs: [flowLog(B, 'ALL', 'ACTIVE', 'fl-b')] },
    expected: [
      { status: 'fail', id: A, evidence: { requiredTrafficType: 'ALL', flowLogs: [] } },
      { status: 'pass', id: B, evidence: { requiredTrafficType: 'ALL', matchingFlowLogs: [shown('fl-b', 'ALL')] } },
    ],
  },

  // error
  {
    name: 'DescribeVpcs denied, nothing collected',
    input: { vpcs: [], flowLogs: [flowLog(A)], failed: ['ec2:DescribeVpcs'] },
    expected: [{ status: 'error', id: '*', evidence: { failedCalls: [denied('ec2:DescribeVpcs')] } }],
  },
  {
    name: 'DescribeFlowLogs denied: a VPC without a visible flow log is error, not fail',
    input: { vpcs: [vpc(A)], flowLogs: [], failed: ['ec2:DescribeFlowLogs'] },
    expected: [{ status: 'error', id: A, evidence: { failedCalls: [denied('ec2:DescribeFlowLogs')], unverifiedOutcome: 'fail' } }],
  },

  // not_applicable
  { name: 'no VPCs', input: { vpcs: [], flowLogs: [flowLog(A)] }, expected: [{ status: 'not_applicable', id: '*', evidence: {} }] },
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

  it('reads the flow logs once, not once per VPC', () => {
    const n = 2000;
    const ids = Array.from({ length: n }, (_, i) => `vpc-${String(i).padStart(8, '0')}`);
    const inv = inventory({ vpcs: ids.map((id) => vpc(id)), flowLogs: ids.filter((_, i) => i % 2 === 0).map((id) => flowLog(id)) });
    let reads = 0;
    const flowLogs = new Proxy(inv.flowLogs, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    const outcomes = check.evaluate({ ...inv, flowLogs }, check.defaults);
    expect(outcomes.filter((o) => o.status === 'pass')).toHaveLength(n / 2);
    expect(outcomes.filter((o) => o.status === 'fail')).toHaveLength(n / 2);
    expect(reads).toBeLessThanOrEqual(inv.flowLogs.length);
  });

  it('has a schema that accepts its defaults and rejects unknown params', () => {
    const validate = new Ajv({ strict: true, strictRequired: false }).compile(check.schema);
    expect(validate(check.defaults)).toBe(true);
    expect(validate({ ...check.defaults, extra: 1 })).toBe(false);
    expect(validate({ trafficType: 'REJECTED' })).toBe(false);
  });
});
