import { describe, expect, it } from 'vitest';
import check from '../../src/checks/cloudtrail-kms-encrypted.js';
import type { Status } from '../../src/checks/types.js';
import type { Trail } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, runCheck, trail, type Failure } from '../helpers/check-harness.js';

const arn = (name: string) => `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/${name}`;
const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

type Case = {
  name: string;
  trails: Trail[];
  failed?: Failure[];
  expected: { status: Status; arn: string; evidence?: unknown }[];
};

const cases: Case[] = [
  {
    name: 'SSE-KMS with a key ARN',
    trails: [trail('main', { kmsKeyId: KEY })],
    expected: [{ status: 'pass', arn: arn('main'), evidence: { kmsKeyId: KEY } }],
  },
  {
    name: 'SSE-KMS, trail status unreadable (not needed here)',
    trails: [trail('main', { kmsKeyId: KEY, logging: 'failed' })],
    expected: [{ status: 'pass', arn: arn('main'), evidence: { kmsKeyId: KEY } }],
  },
  {
    name: 'SSE-S3 only',
    trails: [trail('plain')],
    expected: [{ status: 'fail', arn: arn('plain'), evidence: { kmsKeyId: null } }],
  },
  {
    name: 'one result per trail',
    trails: [trail('b'), trail('a', { kmsKeyId: KEY })],
    expected: [
      { status: 'pass', arn: arn('a'), evidence: { kmsKeyId: KEY } },
      { status: 'fail', arn: arn('b'), evidence: { kmsKeyId: null } },
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
    trails: [trail('main', { kmsKeyId: KEY })],
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
