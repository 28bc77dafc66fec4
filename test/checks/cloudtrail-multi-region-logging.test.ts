import { describe, expect, it } from 'vitest';
import check from '../../src/checks/cloudtrail-multi-region-logging.js';
import type { Status } from '../../src/checks/types.js';
import type { Trail } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, runCheck, trail, type Failure } from '../helpers/check-harness.js';

const OTHER = 'eu-west-1';
const ACCOUNT_ARN = `arn:aws:cloudtrail::${ACCOUNT}:trails`;
const arn = (name: string) => `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/${name}`;

const deniedCall = (op: string, region: string, resource?: string) => ({
  call: op,
  region,
  code: 'AccessDenied',
  message: `User is not authorized to perform: ${op}`,
  requiredPermission: op,
  ...(resource !== undefined ? { resource } : {}),
});

type Case = {
  name: string;
  trails: Trail[];
  regions?: string[];
  failed?: Failure[];
  expected: { status: Status; arn: string; evidence?: unknown }[];
};

const cases: Case[] = [
  {
    name: 'one multi-region trail, logging, read and write',
    trails: [trail('main')],
    expected: [{ status: 'pass', arn: ACCOUNT_ARN, evidence: { qualifyingTrails: [arn('main')] } }],
  },
  {
    name: 'a qualifying trail beside lacking and unreadable ones',
    trails: [trail('zeta', { multiRegion: false }), trail('alpha', { logging: 'failed' }), trail('main')],
    expected: [{ status: 'pass', arn: ACCOUNT_ARN, evidence: { qualifyingTrails: [arn('main')] } }],
  },
  {
    name: 'no region was scanned (a global-only snapshot): not applicable',
    trails: [],
    regions: [],
    expected: [{ status: 'not_applicable', arn: `arn:aws:cloudtrail::${ACCOUNT}:*` }],
  },
  {
    name: 'no trail at all',
    trails: [],
    expected: [{ status: 'fail', arn: ACCOUNT_ARN, evidence: { trails: [] } }],
  },
  {
    name: 'each trail lacks something',
    trails: [
      trail('single', { multiRegion: false }),
      trail('stopped', { logging: false }),
      trail('write-only', { read: false }),
      trail('data-only', { read: false, write: false, multiRegion: false }),
    ],
    expected: [
      {
        status: 'fail',
        arn: ACCOUNT_ARN,
        evidence: {
          trails: [
            {
              arn: arn('data-only'),
              isMultiRegion: false,
              isLogging: true,
              managementEvents: { read: false, write: false },
              lacks: ['multiRegion', 'managementReadEvents', 'managementWriteEvents'],
              unreadable: [],
            },
            {
              arn: arn('single'),
              isMultiRegion: false,
              isLogging: true,
              managementEvents: { read: true, write: true },
              lacks: ['multiRegion'],
              unreadable: [],
            },
            {
              arn: arn('stopped'),
              isMultiRegion: true,
              isLogging: false,
              managementEvents: { read: true, write: true },
              lacks: ['logging'],
              unreadable: [],
            },
            {
              arn: arn('write-only'),
              isMultiRegion: true,
              isLogging: true,
              managementEvents: { read: false, write: true },
              lacks: ['managementReadEvents'],
              unreadable: [],
            },
          ],
        },
      },
    ],
  },
  {
    name: 'an unreadable trail that could not qualify anyway does not block the fail',
    trails: [trail('single', { multiRegion: false, logging: 'failed', selectors: 'failed' })],
    expected: [
      {
        status: 'fail',
        arn: ACCOUNT_ARN,
        evidence: {
          trails: [
            {
              arn: arn('single'),
              isMultiRegion: false,
              isLogging: null,
              managementEvents: null,
              lacks: ['multiRegion'],
              unreadable: ['cloudtrail:GetTrailStatus', 'cloudtrail:GetEventSelectors'],
            },
          ],
        },
      },
    ],
  },
  {
    name: 'no trail qualifies and one trail status could not be read',
    trails: [trail('single', { multiRegion: false }), trail('main', { logging: 'failed' })],
    expected: [
      {
        status: 'error',
        arn: ACCOUNT_ARN,
        evidence: {
          failedCalls: [deniedCall('cloudtrail:GetTrailStatus', REGION, 'main')],
          trails: [
            {
              arn: arn('main'),
              isMultiRegion: true,
              isLogging: null,
              managementEvents: { read: true, write: true },
              lacks: [],
              unreadable: ['cloudtrail:GetTrailStatus'],
            },
            {
              arn: arn('single'),
              isMultiRegion: false,
              isLogging: true,
              managementEvents: { read: true, write: true },
              lacks: ['multiRegion'],
              unreadable: [],
            },
          ],
        },
      },
    ],
  },
  {
    name: 'the only trail has unreadable event selectors',
    trails: [trail('main', { selectors: 'failed' })],
    expected: [
      {
        status: 'error',
        arn: ACCOUNT_ARN,
        evidence: {
          failedCalls: [deniedCall('cloudtrail:GetEventSelectors', REGION, 'main')],
          trails: [
            {
              arn: arn('main'),
              isMultiRegion: true,
              isLogging: true,
              managementEvents: null,
              lacks: [],
              unreadable: ['cloudtrail:GetEventSelectors'],
            },
          ],
        },
      },
    ],
  },
  {
    // No natural not_applicable: with DescribeTrails denied we cannot prove absence.
    name: 'DescribeTrails denied and no trail seen',
    trails: [],
    failed: ['cloudtrail:DescribeTrails'],
    expected: [
      { status: 'error', arn: ACCOUNT_ARN, evidence: { failedCalls: [deniedCall('cloudtrail:DescribeTrails', REGION)], trails: [] } },
      // The runner's own result for the region whose required call failed.
      { status: 'error', arn: `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:*` },
    ],
  },
  {
    name: 'DescribeTrails denied in one region, the other has only a lacking trail',
    regions: [REGION, OTHER],
    trails: [trail('stopped', { logging: false })],
    failed: [{ op: 'cloudtrail:DescribeTrails', region: OTHER }],
    expected: [
      {
        status: 'error',
        arn: ACCOUNT_ARN,
        evidence: {
          failedCalls: [deniedCall('cloudtrail:DescribeTrails', OTHER)],
          trails: [
            {
              arn: arn('stopped'),
              isMultiRegion: true,
              isLogging: false,
              managementEvents: { read: true, write: true },
              lacks: ['logging'],
              unreadable: [],
            },
          ],
        },
      },
      { status: 'error', arn: `arn:aws:cloudtrail:${OTHER}:${ACCOUNT}:*` },
    ],
  },
  {
    name: 'DescribeTrails denied in one region, a qualifying trail seen in another',
    regions: [REGION, OTHER],
    trails: [trail('main')],
    failed: [{ op: 'cloudtrail:DescribeTrails', region: OTHER }],
    expected: [
      { status: 'pass', arn: ACCOUNT_ARN, evidence: { qualifyingTrails: [arn('main')] } },
      { status: 'error', arn: `arn:aws:cloudtrail:${OTHER}:${ACCOUNT}:*` },
    ],
  },
  {
    name: 'a failure in a region that was not scanned is ignored',
    trails: [],
    failed: [{ op: 'cloudtrail:DescribeTrails', region: OTHER }],
    expected: [{ status: 'fail', arn: ACCOUNT_ARN, evidence: { trails: [] } }],
  },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ trails, regions, failed, expected }) => {
    const results = runCheck(check, { trails, ...(regions ? { regions } : {}), ...(failed ? { failed } : {}) });
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });

  it('reports on the account, in region global, once', () => {
    const results = runCheck(check, { trails: [trail('main'), trail('second')] });
    expect(results.map((r) => r.resource)).toEqual([
      { type: 'AWS::CloudTrail::Account', arn: ACCOUNT_ARN, id: 'trails', account: ACCOUNT, region: 'global' },
    ]);
  });
});
