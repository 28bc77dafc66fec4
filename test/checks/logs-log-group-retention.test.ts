import { describe, expect, it } from 'vitest';
import check from '../../src/checks/logs-log-group-retention.js';
import type { Status } from '../../src/checks/types.js';
import type { LogGroup } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, runCheck, type Failure } from '../helpers/check-harness.js';
import { logGroup } from '../helpers/data-stores.js';

const arn = (n: string) => `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${n}`;

type Case = { name: string; groups: LogGroup[]; params?: { minDays: number }; failed?: Failure[]; expected: { status: Status; arn: string; evidence?: unknown }[] };

const cases: Case[] = [
  { name: 'a year', groups: [logGroup('/trail', { retentionDays: 365 })], expected: [{ status: 'pass', arn: arn('/trail'), evidence: { retentionDays: 365, minDays: 365, logGroupClass: 'STANDARD' } }] },
  { name: 'never expires', groups: [logGroup('/trail')], expected: [{ status: 'pass', arn: arn('/trail'), evidence: { retentionDays: null, minDays: 365, logGroupClass: 'STANDARD' } }] },
  { name: 'CloudWatch Logs\' console default of a month', groups: [logGroup('/app', { retentionDays: 30 })], expected: [{ status: 'fail', arn: arn('/app'), evidence: { retentionDays: 30, minDays: 365, logGroupClass: 'STANDARD' } }] },
  { name: '180 days meets CERT-In ...', groups: [logGroup('/app', { retentionDays: 180 })], params: { minDays: 180 }, expected: [{ status: 'pass', arn: arn('/app') }] },
  { name: '... not PCI 10.5.1', groups: [logGroup('/app', { retentionDays: 180 })], expected: [{ status: 'fail', arn: arn('/app') }] },
  {
    name: 'an account-level retention policy is named in the evidence',
    groups: [logGroup('/app', { retentionDays: 400, retentionPolicy: 'org-default' })],
    expected: [{ status: 'pass', arn: arn('/app'), evidence: { retentionDays: 400, minDays: 365, logGroupClass: 'STANDARD', retentionPolicy: 'org-default' } }],
  },
  { name: 'DescribeLogGroups denied', groups: [], failed: ['logs:DescribeLogGroups'], expected: [{ status: 'error', arn: `arn:aws:logs:${REGION}:${ACCOUNT}:*` }] },
  { name: 'no log group', groups: [], expected: [{ status: 'not_applicable', arn: `arn:aws:logs::${ACCOUNT}:*` }] },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ groups, params, failed, expected }) => {
    const results = runCheck(check, { logGroups: groups, ...(failed ? { failed } : {}) }, params);
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });
});
