import { describe, expect, it } from 'vitest';
import check from '../../src/checks/cloudtrail-log-validation-enabled.js';
import type { Status } from '../../src/checks/types.js';
import type { Trail } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, runCheck, trail, type Failure } from '../helpers/check-harness.js';

const arn = (name: string) => `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/${name}`;

type Case = {
  name: string;
  trails: Trail[];
  failed?: Failure[];
  expected: { status: Status; arn: string; evidence?: unknown }[];
};

const cases: Case[] = [
  {
    name: 'validation on',
    trails: [trail('main')],
    expected: [{ status: 'pass', arn: arn('main'), evidence: { logFileValidation: true } }],
  },
  {
    name: 'validation on, single-region and not logging (not this check concern)',
    trails: [trail('regional', { multiRegion: false, logging: false })],
    expected: [{ status: 'pass', arn: arn('regional'), evidence: { logFileValidation: true } }],
  },
  {
    name: 'validation on, trail status unreadable (not needed here)',
    trails: [trail('main', { logging: 'failed', selectors: 'failed' })],
    expected: [{ status: 'pass', arn: arn('main'), evidence: { logFileValidation: true } }],
  },
  {
    name: 'validation off',
    trails: [trail('unsigned', { validation: false })],
    expected: [{ status: 'fail', arn: arn('unsigned'), evidence: { logFileValidation: false } }],
  },
  {
    name: 'one result per trail',
    trails: [trail('b', { validation: false }), trail('a')],
    expected: [
      { status: 'pass', arn: arn('a'), evidence: { logFileValidation: true } },
      { status: 'fail', arn: arn('b'), evidence: { logFileValidation: false } },
    ],
  },
  {
    name: 'DescribeTrails denied',
    trails: [],
    failed: ['cloudtrail:DescribeTrails'],
    expected: [{ status: 'error', arn: `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:*` }],
  },
  {
    name: 'DescribeTrails denied in the trail home region: not a pass',
    trails: [trail('main')],
    failed: ['cloudtrail:DescribeTrails'],
    expected: [{ status: 'error', arn: arn('main') }],
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
});
