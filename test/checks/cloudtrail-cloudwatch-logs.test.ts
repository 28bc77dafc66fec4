import { describe, expect, it } from 'vitest';
import check from '../../src/checks/cloudtrail-cloudwatch-logs.js';
import type { Status } from '../../src/checks/types.js';
import type { Trail } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, runCheck, trail, type Failure } from '../helpers/check-harness.js';

const arn = (name: string) => `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/${name}`;
const GROUP = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:CloudTrail/main:*`;

type Case = {
  name: string;
  trails: Trail[];
  failed?: Failure[];
  expected: { status: Status; arn: string; evidence?: unknown }[];
};

const cases: Case[] = [
  {
    name: 'trail delivering to a log group',
    trails: [trail('main', { cloudWatch: GROUP })],
    expected: [{ status: 'pass', arn: arn('main'), evidence: { cloudWatchLogGroupArn: GROUP } }],
  },
  {
    name: 'single-region trail delivering to a log group',
    trails: [trail('local', { multiRegion: false, cloudWatch: GROUP })],
    expected: [{ status: 'pass', arn: arn('local'), evidence: { cloudWatchLogGroupArn: GROUP } }],
  },
  {
    name: 'trail without CloudWatch Logs',
    trails: [trail('s3-only')],
    expected: [{ status: 'fail', arn: arn('s3-only'), evidence: { cloudWatchLogGroupArn: null } }],
  },
  {
    name: 'one result per trail',
    trails: [trail('b-s3-only'), trail('a-main', { cloudWatch: GROUP })],
    expected: [
      { status: 'pass', arn: arn('a-main') },
      { status: 'fail', arn: arn('b-s3-only') },
    ],
  },
  {
    name: 'DescribeTrails denied: error, not pass',
    trails: [],
    failed: ['cloudtrail:DescribeTrails'],
    expected: [{ status: 'error', arn: `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:*` }],
  },
  {
    name: 'no trails: nothing in scope',
    trails: [],
    expected: [{ status: 'not_applicable', arn: `arn:aws:cloudtrail::${ACCOUNT}:*` }],
  },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ trails, failed, expected }) => {
    const results = runCheck(check, { trails, ...(failed ? { failed } : {}) });
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });

  it('names the trail in one sentence', () => {
    const [r] = runCheck(check, { trails: [trail('s3-only')] });
    expect(r?.message).toBe('Trail s3-only does not deliver its events to CloudWatch Logs.');
  });
});
