import { describe, expect, it } from 'vitest';
import check from '../../src/checks/cloudtrail-organization-trail.js';
import type { Status } from '../../src/checks/types.js';
import type { OrganizationMembership, Trail } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, runCheck, trail, type Failure } from '../helpers/check-harness.js';
import { ORG_ARN, organization } from '../helpers/data-stores.js';

const orgTrail = (name: string, o: Parameters<typeof trail>[1] = {}): Trail => ({ ...trail(name, o), isOrganizationTrail: true });
const ARN = (name: string) => `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/${name}`;

type Case = { name: string; org: OrganizationMembership; trails: Trail[]; failed?: Failure[]; expected: { status: Status; evidence?: unknown } };

const cases: Case[] = [
  { name: 'management account with a logging multi-region organization trail', org: organization({}), trails: [orgTrail('org')], expected: { status: 'pass', evidence: { organization: 'o-test000001', qualifyingTrails: [ARN('org')] } } },
  {
    name: 'management account whose trail is not an organization trail',
    org: organization({}),
    trails: [trail('account-only')],
    expected: { status: 'fail', evidence: { organization: 'o-test000001', organizationTrails: [] } },
  },
  { name: 'organization trail stopped', org: organization({}), trails: [orgTrail('org', { logging: false })], expected: { status: 'fail' } },
  { name: 'organization trail status unreadable', org: organization({}), trails: [orgTrail('org', { logging: 'failed' })], expected: { status: 'error' } },
  { name: 'a member account is not applicable', org: organization({ managementAccountId: '999988887777' }), trails: [], expected: { status: 'not_applicable', evidence: { organization: 'o-test000001', managementAccountId: '999988887777' } } },
  { name: 'not in an organization', org: organization(null), trails: [trail('main')], expected: { status: 'not_applicable', evidence: { organization: null } } },
  { name: 'DescribeOrganization unreadable', org: organization('failed'), trails: [], expected: { status: 'error' } },
  { name: 'DescribeTrails denied in a region', org: organization({}), trails: [], failed: ['cloudtrail:DescribeTrails'], expected: { status: 'error' } },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ org, trails, failed, expected }) => {
    const results = runCheck(check, { organization: org, trails, ...(failed ? { failed } : {}) });
    const regionError = failed ? [['error', `arn:aws:organizations:${REGION}:${ACCOUNT}:*`]] : [];
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual([[expected.status, ORG_ARN], ...regionError]);
    if (expected.evidence !== undefined) expect(results[0]?.evidence).toEqual(expected.evidence);
  });
});
