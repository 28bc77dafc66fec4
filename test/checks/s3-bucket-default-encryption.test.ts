import { describe, expect, it } from 'vitest';
import check from '../../src/checks/s3-bucket-default-encryption.js';
import type { Status } from '../../src/checks/types.js';
import type { S3Bucket } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, bucket, failedCall, runCheck, type Failure } from '../helpers/check-harness.js';

const arn = (name: string) => `arn:aws:s3:::${name}`;
const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1`;

/** A bucket with the given default encryption (null: none), or unreadable. */
const encrypted = (name: string, enc: { algorithm: string; kmsKeyId?: string } | null | 'failed'): S3Bucket =>
  bucket(name, { encryption: enc === 'failed' ? failedCall('s3:GetBucketEncryption', name, 'global') : { ok: true, value: enc } });

type Case = {
  name: string;
  buckets: S3Bucket[];
  params?: { requireKms: boolean };
  failed?: Failure[];
  expected: { status: Status; arn: string; evidence?: unknown }[];
};

const cases: Case[] = [
  {
    name: 'SSE-S3',
    buckets: [encrypted('sse-s3', { algorithm: 'AES256' })],
    expected: [{ status: 'pass', arn: arn('sse-s3'), evidence: { algorithm: 'AES256', kmsKeyId: null, requireKms: false } }],
  },
  {
    name: 'SSE-KMS',
    buckets: [encrypted('kms', { algorithm: 'aws:kms', kmsKeyId: KEY })],
    expected: [{ status: 'pass', arn: arn('kms'), evidence: { algorithm: 'aws:kms', kmsKeyId: KEY, requireKms: false } }],
  },
  {
    name: 'SSE-KMS when KMS is required',
    buckets: [encrypted('kms', { algorithm: 'aws:kms', kmsKeyId: KEY })],
    params: { requireKms: true },
    expected: [{ status: 'pass', arn: arn('kms'), evidence: { algorithm: 'aws:kms', kmsKeyId: KEY, requireKms: true } }],
  },
  {
    name: 'DSSE-KMS when KMS is required',
    buckets: [encrypted('dsse', { algorithm: 'aws:kms:dsse', kmsKeyId: KEY })],
    params: { requireKms: true },
    expected: [{ status: 'pass', arn: arn('dsse'), evidence: { algorithm: 'aws:kms:dsse', kmsKeyId: KEY, requireKms: true } }],
  },
  {
    name: 'SSE-S3 when KMS is required',
    buckets: [encrypted('sse-s3', { algorithm: 'AES256' })],
    params: { requireKms: true },
    expected: [{ status: 'fail', arn: arn('sse-s3'), evidence: { algorithm: 'AES256', kmsKeyId: null, requireKms: true } }],
  },
  {
    name: 'no default encryption',
    buckets: [encrypted('plain', null)],
    expected: [{ status: 'fail', arn: arn('plain'), evidence: { algorithm: null, kmsKeyId: null, requireKms: false } }],
  },
  {
    name: 'encryption unreadable',
    buckets: [encrypted('unknown', 'failed')],
    expected: [
      {
        status: 'error',
        arn: arn('unknown'),
        evidence: {
          failedCalls: [
            {
              call: 's3:GetBucketEncryption',
              region: 'global',
              code: 'AccessDenied',
              message: 'User is not authorized to perform: s3:GetBucketEncryption',
              requiredPermission: 's3:GetEncryptionConfiguration',
              resource: 'unknown',
            },
          ],
        },
      },
    ],
  },
  {
    name: 'GetBucketEncryption denied account-wide: error via the runner, not pass',
    buckets: [encrypted('kms', { algorithm: 'aws:kms', kmsKeyId: KEY })],
    failed: ['s3:GetBucketEncryption'],
    expected: [{ status: 'error', arn: arn('kms') }],
  },
  {
    name: 'ListBuckets denied',
    buckets: [],
    failed: ['s3:ListBuckets'],
    expected: [{ status: 'error', arn: `arn:aws:s3::${ACCOUNT}:*` }],
  },
  {
    name: 'no buckets: nothing in scope',
    buckets: [],
    expected: [{ status: 'not_applicable', arn: `arn:aws:s3::${ACCOUNT}:*` }],
  },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ buckets, params, failed, expected }) => {
    const results = runCheck(check, { s3Buckets: buckets, ...(failed ? { failed } : {}) }, params);
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });

  it('names the bucket in one sentence', () => {
    const [r] = runCheck(check, { s3Buckets: [encrypted('plain', null)] });
    expect(r?.message).toBe('S3 bucket plain has no default encryption.');
  });
});
