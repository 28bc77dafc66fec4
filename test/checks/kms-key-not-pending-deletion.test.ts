import { describe, expect, it } from 'vitest';
import check from '../../src/checks/kms-key-not-pending-deletion.js';
import type { Status } from '../../src/checks/types.js';
import type { KmsKey } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, kmsKey, runCheck, type Failure } from '../helpers/check-harness.js';

const arn = (id: string) => `arn:aws:kms:${REGION}:${ACCOUNT}:key/${id}`;

type Case = {
  name: string;
  keys: KmsKey[];
  failed?: Failure[];
  expected: { status: Status; arn: string; evidence?: unknown }[];
};

const cases: Case[] = [
  {
    name: 'enabled customer key',
    keys: [kmsKey('k-enabled')],
    expected: [{ status: 'pass', arn: arn('k-enabled'), evidence: { keyState: 'Enabled' } }],
  },
  {
    name: 'disabled customer key is not pending deletion',
    keys: [kmsKey('k-disabled', { state: 'Disabled' })],
    expected: [{ status: 'pass', arn: arn('k-disabled'), evidence: { keyState: 'Disabled' } }],
  },
  {
    name: 'asymmetric customer key, rotation unreadable, still judged',
    keys: [kmsKey('k-rsa', { spec: 'RSA_4096', rotation: 'failed' })],
    expected: [{ status: 'pass', arn: arn('k-rsa'), evidence: { keyState: 'Enabled' } }],
  },
  {
    name: 'customer key pending deletion',
    keys: [kmsKey('k-deleting', { state: 'PendingDeletion', deletionDate: '2026-11-27T00:00:00Z' })],
    expected: [
      { status: 'fail', arn: arn('k-deleting'), evidence: { keyState: 'PendingDeletion', deletionDate: '2026-11-27T00:00:00Z' } },
    ],
  },
  {
    name: 'multi-Region replica pending deletion',
    keys: [kmsKey('k-replica', { state: 'PendingReplicaDeletion', deletionDate: '2026-12-01T00:00:00Z' })],
    expected: [
      {
        status: 'fail',
        arn: arn('k-replica'),
        evidence: { keyState: 'PendingReplicaDeletion', deletionDate: '2026-12-01T00:00:00Z' },
      },
    ],
  },
  {
    name: 'pending deletion with no deletion date reported',
    keys: [kmsKey('k-nodate', { state: 'PendingDeletion' })],
    expected: [{ status: 'fail', arn: arn('k-nodate'), evidence: { keyState: 'PendingDeletion', deletionDate: null } }],
  },
  {
    name: 'AWS-managed key',
    keys: [kmsKey('k-aws', { manager: 'AWS', state: 'PendingDeletion' })],
    expected: [{ status: 'not_applicable', arn: arn('k-aws'), evidence: { keyManager: 'AWS' } }],
  },
  {
    name: 'key whose metadata could not be read',
    keys: [kmsKey('k-unknown', { metadata: 'failed' })],
    expected: [
      {
        status: 'error',
        arn: arn('k-unknown'),
        evidence: {
          failedCalls: [
            {
              call: 'kms:DescribeKey',
              region: REGION,
              code: 'AccessDenied',
              message: 'User is not authorized to perform: kms:DescribeKey',
              requiredPermission: 'kms:DescribeKey',
              resource: 'k-unknown',
            },
          ],
        },
      },
    ],
  },
  {
    name: 'ListKeys denied',
    keys: [],
    failed: ['kms:ListKeys'],
    expected: [{ status: 'error', arn: `arn:aws:kms:${REGION}:${ACCOUNT}:*` }],
  },
  {
    name: 'DescribeKey unavailable for the region: not a pass',
    keys: [kmsKey('k-enabled')],
    failed: ['kms:DescribeKey'],
    expected: [{ status: 'error', arn: arn('k-enabled') }],
  },
  {
    name: 'no keys: nothing in scope',
    keys: [],
    expected: [{ status: 'not_applicable', arn: `arn:aws:kms::${ACCOUNT}:*` }],
  },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ keys, failed, expected }) => {
    const results = runCheck(check, { kmsKeys: keys, ...(failed ? { failed } : {}) });
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });
});
