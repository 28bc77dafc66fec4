import { describe, expect, it } from 'vitest';
import check from '../../src/checks/s3-bucket-public-access-block.js';
import type { Status } from '../../src/checks/types.js';
import type { PublicAccessBlockSettings, S3Bucket } from '../../src/inventory/types.js';
import { ACCOUNT, ALL_BLOCKED, accountPublicAccessBlock, bucket, failedCall, runCheck, type Failure } from '../helpers/check-harness.js';

const arn = (name: string) => `arn:aws:s3:::${name}`;
const ok = <T>(value: T) => ({ ok: true as const, value });
const ALL_OFF = ['blockPublicAcls', 'blockPublicPolicy', 'ignorePublicAcls', 'restrictPublicBuckets'];
const ACLS_OFF: PublicAccessBlockSettings = { ...ALL_BLOCKED, blockPublicAcls: false, ignorePublicAcls: false };

/** A bucket with its own Block Public Access settings (null: none configured), or unreadable. */
const withPab = (name: string, pab: PublicAccessBlockSettings | null | 'failed'): S3Bucket =>
  bucket(name, { publicAccessBlock: pab === 'failed' ? failedCall('s3:GetPublicAccessBlock', name, 'global') : ok(pab) });

const deniedCall = (op: string, permission: string, resource?: string) => ({
  call: op,
  region: 'global',
  code: 'AccessDenied',
  message: `User is not authorized to perform: ${op}`,
  requiredPermission: permission,
  ...(resource !== undefined ? { resource } : {}),
});

type Case = {
  name: string;
  buckets: S3Bucket[];
  account: PublicAccessBlockSettings | null | 'failed';
  failed?: Failure[];
  expected: { status: Status; arn: string; evidence?: unknown }[];
};

const cases: Case[] = [
  {
    name: 'bucket blocks all four, account not configured',
    buckets: [withPab('own', ALL_BLOCKED)],
    account: null,
    expected: [{ status: 'pass', arn: arn('own'), evidence: { blockedAt: ['bucket'], bucketSettings: ALL_BLOCKED, accountSettings: null } }],
  },
  {
    name: 'account blocks all four, bucket has none',
    buckets: [withPab('inherits', null)],
    account: ALL_BLOCKED,
    expected: [{ status: 'pass', arn: arn('inherits'), evidence: { blockedAt: ['account'], bucketSettings: null, accountSettings: ALL_BLOCKED } }],
  },
  {
    name: 'both levels block all four',
    buckets: [withPab('both', ALL_BLOCKED)],
    account: ALL_BLOCKED,
    expected: [
      { status: 'pass', arn: arn('both'), evidence: { blockedAt: ['account', 'bucket'], bucketSettings: ALL_BLOCKED, accountSettings: ALL_BLOCKED } },
    ],
  },
  {
    name: 'account blocks all four, bucket setting unreadable: the account decides',
    buckets: [withPab('unread', 'failed')],
    account: ALL_BLOCKED,
    expected: [{ status: 'pass', arn: arn('unread'), evidence: { blockedAt: ['account'], accountSettings: ALL_BLOCKED } }],
  },
  {
    name: 'neither level configured',
    buckets: [withPab('open', null)],
    account: null,
    expected: [
      {
        status: 'fail',
        arn: arn('open'),
        evidence: { bucketSettings: null, bucketSettingsOff: ALL_OFF, accountSettings: null, accountSettingsOff: ALL_OFF },
      },
    ],
  },
  {
    name: 'halves do not add up: bucket blocks policies, account blocks ACLs',
    buckets: [withPab('halves', { ...ALL_BLOCKED, blockPublicPolicy: false, restrictPublicBuckets: false })],
    account: ACLS_OFF,
    expected: [
      {
        status: 'fail',
        arn: arn('halves'),
        evidence: {
          bucketSettings: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: false },
          bucketSettingsOff: ['blockPublicPolicy', 'restrictPublicBuckets'],
          accountSettings: ACLS_OFF,
          accountSettingsOff: ['blockPublicAcls', 'ignorePublicAcls'],
        },
      },
    ],
  },
  {
    name: 'bucket setting unreadable and account does not block all',
    buckets: [withPab('unknown', 'failed')],
    account: ACLS_OFF,
    expected: [
      { status: 'error', arn: arn('unknown'), evidence: { failedCalls: [deniedCall('s3:GetPublicAccessBlock', 's3:GetBucketPublicAccessBlock', 'unknown')] } },
    ],
  },
  {
    name: 'account setting unreadable and bucket does not block all',
    buckets: [withPab('partial', ACLS_OFF)],
    account: 'failed',
    expected: [
      {
        status: 'error',
        arn: arn('partial'),
        evidence: { failedCalls: [deniedCall('s3control:GetPublicAccessBlock', 's3:GetAccountPublicAccessBlock')] },
      },
    ],
  },
  {
    name: 'account GetPublicAccessBlock denied: every bucket is error via the runner, even one that blocks all',
    buckets: [withPab('own', ALL_BLOCKED)],
    account: 'failed',
    failed: ['s3control:GetPublicAccessBlock'],
    expected: [{ status: 'error', arn: arn('own') }],
  },
  {
    name: 'ListBuckets denied',
    buckets: [],
    account: ALL_BLOCKED,
    failed: ['s3:ListBuckets'],
    expected: [{ status: 'error', arn: `arn:aws:s3::${ACCOUNT}:*` }],
  },
  {
    name: 'one result per bucket',
    buckets: [withPab('b-open', null), withPab('a-closed', ALL_BLOCKED)],
    account: null,
    expected: [
      { status: 'pass', arn: arn('a-closed') },
      { status: 'fail', arn: arn('b-open') },
    ],
  },
  {
    name: 'no buckets: nothing in scope',
    buckets: [],
    account: null,
    expected: [{ status: 'not_applicable', arn: `arn:aws:s3::${ACCOUNT}:*` }],
  },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ buckets, account, failed, expected }) => {
    const results = runCheck(check, {
      s3Buckets: buckets,
      s3AccountPublicAccessBlock: accountPublicAccessBlock(account),
      ...(failed ? { failed } : {}),
    });
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });

  it('names the bucket in one sentence', () => {
    const [r] = runCheck(check, { s3Buckets: [withPab('named', null)], s3AccountPublicAccessBlock: accountPublicAccessBlock(ALL_BLOCKED) });
    expect(r?.message).toBe('S3 bucket named blocks all public access through the account setting.');
  });
});
