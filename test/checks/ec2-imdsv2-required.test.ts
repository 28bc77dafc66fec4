import { describe, expect, it } from 'vitest';
import check from '../../src/checks/ec2-imdsv2-required.js';
import type { Status } from '../../src/checks/types.js';
import type { Instance } from '../../src/inventory/types.js';
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
    subnetId: 'subnet-00000001',
    vpcId: 'vpc-00000001',
    state: 'running',
    httpTokens: 'required',
    securityGroupIds: [],
    ...o,
  };
}

/** An instance whose metadata options were never reported. */
function unsetTokens(id: string): Instance {
  const { httpTokens: _unused, ...rest } = instance(id);
  return rest;
}

type Case = {
  name: string;
  instances: Instance[];
  failed?: Failure[];
  expected: { status: Status; arn: string; evidence?: unknown }[];
};

const cases: Case[] = [
  { name: 'IMDSv2 required', instances: [instance('i-req')], expected: [{ status: 'pass', arn: arn('i-req'), evidence: { httpTokens: 'required' } }] },
  {
    name: 'stopped instance with IMDSv2 required',
    instances: [instance('i-stopped', { state: 'stopped' })],
    expected: [{ status: 'pass', arn: arn('i-stopped'), evidence: { httpTokens: 'required' } }],
  },
  {
    name: 'IMDSv1 still allowed',
    instances: [instance('i-opt', { httpTokens: 'optional' })],
    expected: [{ status: 'fail', arn: arn('i-opt'), evidence: { httpTokens: 'optional' } }],
  },
  { name: 'HttpTokens unset', instances: [unsetTokens('i-unset')], expected: [{ status: 'fail', arn: arn('i-unset'), evidence: { httpTokens: null } }] },
  {
    name: 'stopped instance allowing IMDSv1',
    instances: [instance('i-stopped-opt', { state: 'stopped', httpTokens: 'optional' })],
    expected: [{ status: 'fail', arn: arn('i-stopped-opt'), evidence: { httpTokens: 'optional' } }],
  },
  {
    name: 'terminated instance',
    instances: [instance('i-gone', { state: 'terminated', httpTokens: 'optional' })],
    expected: [{ status: 'not_applicable', arn: arn('i-gone'), evidence: { state: 'terminated' } }],
  },
  {
    name: 'shutting-down instance',
    instances: [instance('i-going', { state: 'shutting-down', httpTokens: 'optional' })],
    expected: [{ status: 'not_applicable', arn: arn('i-going'), evidence: { state: 'shutting-down' } }],
  },
  {
    name: 'one result per instance',
    instances: [instance('i-b', { httpTokens: 'optional' }), instance('i-a')],
    expected: [
      { status: 'pass', arn: arn('i-a') },
      { status: 'fail', arn: arn('i-b') },
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
  it.each(cases)('$name', ({ instances, failed, expected }) => {
    const results = runCheck(check, { instances, ...(failed ? { failed } : {}) });
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });

  it('names the instance in its message', () => {
    const [r] = runCheck(check, { instances: [instance('i-named', { name: 'web-1', httpTokens: 'optional' })] });
    expect(r?.message).toBe('EC2 instance web-1 (i-named) still accepts IMDSv1 requests (HttpTokens optional).');
  });
});
