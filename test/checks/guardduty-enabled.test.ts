import { describe, expect, it } from 'vitest';
import check from '../../src/checks/guardduty-enabled.js';
import type { Status } from '../../src/checks/types.js';
import type { GuardDutyRegion } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, guardDuty, runCheck, type Failure } from '../helpers/check-harness.js';

const OTHER = 'eu-west-1';
const arn = (region = REGION) => `arn:aws:guardduty:${region}:${ACCOUNT}:detector`;

type Case = {
  name: string;
  regions?: string[];
  guardDuty: GuardDutyRegion[];
  failed?: Failure[];
  expected: { status: Status; arn: string; evidence?: unknown }[];
};

const cases: Case[] = [
  {
    name: 'one enabled detector',
    guardDuty: [guardDuty([{ id: 'd1', status: 'ENABLED' }])],
    expected: [{ status: 'pass', arn: arn(), evidence: { enabledDetectors: ['d1'] } }],
  },
  {
    name: 'an enabled detector beside disabled and unreadable ones',
    guardDuty: [
      guardDuty([
        { id: 'd3', status: 'failed' },
        { id: 'd2', status: 'ENABLED' },
        { id: 'd1', status: 'DISABLED' },
      ]),
    ],
    expected: [{ status: 'pass', arn: arn(), evidence: { enabledDetectors: ['d2'] } }],
  },
  {
    name: 'no detector',
    guardDuty: [guardDuty([])],
    expected: [{ status: 'fail', arn: arn(), evidence: { detectors: [] } }],
  },
  {
    name: 'all detectors disabled',
    guardDuty: [
      guardDuty([
        { id: 'd2', status: 'DISABLED' },
        { id: 'd1', status: 'DISABLED' },
      ]),
    ],
    expected: [
      {
        status: 'fail',
        arn: arn(),
        evidence: {
          detectors: [
            { id: 'd1', status: 'DISABLED' },
            { id: 'd2', status: 'DISABLED' },
          ],
        },
      },
    ],
  },
  {
    name: 'no enabled detector and one status unreadable',
    guardDuty: [
      guardDuty([
        { id: 'd1', status: 'DISABLED' },
        { id: 'd2', status: 'failed' },
      ]),
    ],
    expected: [
      {
        status: 'error',
        arn: arn(),
        evidence: {
          failedCalls: [
            {
              call: 'guardduty:GetDetector',
              region: REGION,
              code: 'AccessDenied',
              message: 'User is not authorized to perform: guardduty:GetDetector',
              requiredPermission: 'guardduty:GetDetector',
              resource: 'd2',
            },
          ],
        },
      },
    ],
  },
  {
    name: 'ListDetectors denied: an empty region is not a fail',
    guardDuty: [guardDuty([])],
    failed: ['guardduty:ListDetectors'],
    expected: [{ status: 'error', arn: arn() }],
  },
  {
    name: 'one result per scanned region',
    regions: [REGION, OTHER],
    guardDuty: [guardDuty([{ id: 'd1', status: 'ENABLED' }]), guardDuty([], OTHER)],
    expected: [
      { status: 'pass', arn: arn(REGION), evidence: { enabledDetectors: ['d1'] } },
      { status: 'fail', arn: arn(OTHER), evidence: { detectors: [] } },
    ],
  },
  {
    name: 'no scanned region: nothing in scope',
    regions: [],
    guardDuty: [],
    expected: [{ status: 'not_applicable', arn: `arn:aws:guardduty::${ACCOUNT}:*` }],
  },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ regions, guardDuty: gd, failed, expected }) => {
    const results = runCheck(check, { guardDuty: gd, ...(regions ? { regions } : {}), ...(failed ? { failed } : {}) });
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });
});
