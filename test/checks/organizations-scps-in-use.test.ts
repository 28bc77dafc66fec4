import { describe, expect, it } from 'vitest';
import check from '../../src/checks/organizations-scps-in-use.js';
import type { Status } from '../../src/checks/types.js';
import type { OrganizationMembership, ServiceControlPolicy } from '../../src/inventory/types.js';
import { failedCall, runCheck, type Failure } from '../helpers/check-harness.js';
import { ORG_ARN, ok, organization } from '../helpers/data-stores.js';

const FULL: ServiceControlPolicy = { id: 'p-FullAWSAccess', name: 'FullAWSAccess', awsManaged: true, targets: null };
const regionDeny = (targets: string[] | 'failed'): ServiceControlPolicy => ({
  id: 'p-deny1',
  name: 'deny-outside-india',
  awsManaged: false,
  targets: targets === 'failed' ? failedCall('organizations:ListTargetsForPolicy', 'p-deny1', 'global') : ok(targets),
});

type Case = { name: string; org: OrganizationMembership; failed?: Failure[]; expected: { status: Status; evidence?: unknown } };

const cases: Case[] = [
  {
    name: 'a customer SCP attached to the root',
    org: organization({}, { scps: ok([FULL, regionDeny(['ROOT:r-root'])]) }),
    expected: {
      status: 'pass',
      evidence: { organization: 'o-test000001', scpEnabledOnRoots: ['r-root'], customerScps: ['deny-outside-india'], attachedScps: [{ id: 'p-deny1', name: 'deny-outside-india', targets: ['ROOT:r-root'] }] },
    },
  },
  { name: 'only FullAWSAccess', org: organization({}, { scps: ok([FULL]) }), expected: { status: 'fail', evidence: { organization: 'o-test000001', scpEnabledOnRoots: ['r-root'], customerScps: [], attachedScps: [] } } },
  { name: 'a customer SCP attached nowhere', org: organization({}, { scps: ok([FULL, regionDeny([])]) }), expected: { status: 'fail' } },
  { name: 'SCPs not enabled on the root', org: organization({}, { roots: ok([{ id: 'r-root', scpEnabled: false }]), scps: ok([FULL]) }), expected: { status: 'fail' } },
  { name: 'targets of the customer SCP unreadable', org: organization({}, { scps: ok([FULL, regionDeny('failed')]) }), expected: { status: 'error' } },
  { name: 'policies unreadable', org: organization({}, { scps: failedCall('organizations:ListPolicies', 'o-test000001', 'global') }), expected: { status: 'error' } },
  { name: 'roots unreadable', org: organization({}, { roots: failedCall('organizations:ListRoots', 'o-test000001', 'global') }), expected: { status: 'error' } },
  {
    name: 'a member account (not delegated) is not applicable',
    org: organization({ managementAccountId: '999988887777' }),
    expected: { status: 'not_applicable', evidence: { organization: 'o-test000001', managementAccountId: '999988887777' } },
  },
  { name: 'a member account delegated to read the organization is judged', org: organization({ managementAccountId: '999988887777' }, { scps: ok([FULL]) }), expected: { status: 'fail' } },
  { name: 'not in an organization (AWSOrganizationsNotInUseException)', org: organization(null), expected: { status: 'not_applicable', evidence: { organization: null } } },
  { name: 'DescribeOrganization denied', org: organization({}), failed: ['organizations:DescribeOrganization'], expected: { status: 'error' } },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ org, failed, expected }) => {
    const results = runCheck(check, { organization: org, ...(failed ? { failed } : {}) });
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual([[expected.status, ORG_ARN]]);
    if (expected.evidence !== undefined) expect(results[0]?.evidence).toEqual(expected.evidence);
  });
});
