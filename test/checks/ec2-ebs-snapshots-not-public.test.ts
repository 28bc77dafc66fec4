import { describe, expect, it } from 'vitest';
import check from '../../src/checks/ec2-ebs-snapshots-not-public.js';
import type { Status } from '../../src/checks/types.js';
import type { SnapshotPublicAccess } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, publicSnapshots, runCheck, type Failure } from '../helpers/check-harness.js';

const arn = (region = REGION) => `arn:aws:ec2:${region}:${ACCOUNT}:snapshot/*`;

type Case = {
  name: string;
  regions?: string[];
  snapshots: SnapshotPublicAccess[];
  failed?: Failure[];
  expected: { status: Status; arn: string; evidence?: unknown }[];
};

const cases: Case[] = [
  { name: 'no public snapshots', snapshots: [publicSnapshots([])], expected: [{ status: 'pass', arn: arn(), evidence: { publicSnapshots: [] } }] },
  {
    name: 'public snapshots, listed sorted',
    snapshots: [publicSnapshots(['snap-0b', 'snap-0a'])],
    expected: [{ status: 'fail', arn: arn(), evidence: { publicSnapshots: ['snap-0a', 'snap-0b'] } }],
  },
  {
    name: 'one result per scanned region',
    regions: [REGION, 'ap-south-2'],
    snapshots: [publicSnapshots([]), publicSnapshots(['snap-0c'], 'ap-south-2')],
    expected: [
      { status: 'pass', arn: arn(REGION) },
      { status: 'fail', arn: arn('ap-south-2'), evidence: { publicSnapshots: ['snap-0c'] } },
    ],
  },
  {
    name: 'DescribeSnapshots failed: the region is undecided, not clean',
    snapshots: [publicSnapshots('failed')],
    failed: ['ec2:DescribeSnapshots'],
    expected: [{ status: 'error', arn: arn() }],
  },
  {
    name: 'public snapshot list unreadable (Observed failure alone)',
    snapshots: [publicSnapshots('failed')],
    expected: [
      {
        status: 'error',
        arn: arn(),
        evidence: {
          failedCalls: [
            {
              call: 'ec2:DescribeSnapshots',
              region: REGION,
              code: 'AccessDenied',
              message: 'User is not authorized to perform: ec2:DescribeSnapshots',
              requiredPermission: 'ec2:DescribeSnapshots',
            },
          ],
        },
      },
    ],
  },
  { name: 'no region scanned: nothing in scope', regions: [], snapshots: [], expected: [{ status: 'not_applicable', arn: `arn:aws:ec2::${ACCOUNT}:*` }] },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ regions, snapshots, failed, expected }) => {
    const results = runCheck(check, { snapshotPublicAccess: snapshots, ...(regions ? { regions } : {}), ...(failed ? { failed } : {}) });
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });
});
