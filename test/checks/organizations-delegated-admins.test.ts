import { describe, expect, it } from 'vitest';
import check from '../../src/checks/organizations-delegated-admins.js';
import type { Status } from '../../src/checks/types.js';
import type { OrganizationMembership } from '../../src/inventory/types.js';
import { failedCall, runCheck } from '../helpers/check-harness.js';
import { ORG_ARN, ok, organization } from '../helpers/data-stores.js';

const GD = 'guardduty.amazonaws.com';
const SH = 'securityhub.amazonaws.com';
const CFG = 'config.amazonaws.com';
const security = (services: string[]) => ({ accountId: '222233334444', name: 'security', services: ok(services) });

type Case = { name: string; org: OrganizationMembership; params?: { services: string[] }; expected: { status: Status; evidence?: unknown } };

const cases: Case[] = [
  {
    name: 'GuardDuty, Security Hub and Config delegated to the security account',
    org: organization({}, { delegatedAdministrators: ok([security([CFG, GD, SH])]) }),
    expected: { status: 'pass', evidence: { organization: 'o-test000001', delegatedAdministrators: { [CFG]: ['222233334444'], [GD]: ['222233334444'], [SH]: ['222233334444'] }, missing: [] } },
  },
  {
    name: 'only GuardDuty delegated',
    org: organization({}, { delegatedAdministrators: ok([security([GD])]) }),
    expected: { status: 'fail', evidence: { organization: 'o-test000001', delegatedAdministrators: { [CFG]: [], [GD]: ['222233334444'], [SH]: [] }, missing: [CFG, SH] } },
  },
  { name: 'services narrowed to GuardDuty', org: organization({}, { delegatedAdministrators: ok([security([GD])]) }), params: { services: [GD] }, expected: { status: 'pass' } },
  { name: 'no delegated administrator at all', org: organization({}, { delegatedAdministrators: ok([]) }), expected: { status: 'fail' } },
  {
    name: 'a delegated administrator\'s services unreadable',
    org: organization({}, { delegatedAdministrators: ok([{ accountId: '222233334444', services: failedCall('organizations:ListDelegatedServicesForAccount', '222233334444', 'global') }]) }),
    expected: { status: 'error' },
  },
  { name: 'delegated administrators unreadable', org: organization({}, { delegatedAdministrators: failedCall('organizations:ListDelegatedAdministrators', 'o-test000001', 'global') }), expected: { status: 'error' } },
  { name: 'member account: not applicable', org: organization({ managementAccountId: '999988887777' }), expected: { status: 'not_applicable' } },
  { name: 'no organization: not applicable', org: organization(null), expected: { status: 'not_applicable' } },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ org, params, expected }) => {
    const results = runCheck(check, { organization: org }, params);
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual([[expected.status, ORG_ARN]]);
    if (expected.evidence !== undefined) expect(results[0]?.evidence).toEqual(expected.evidence);
  });
});
