import { describe, expect, it } from 'vitest';
import check from '../../src/checks/s3-bucket-versioning-protected.js';
import type { Status } from '../../src/checks/types.js';
import type { S3Bucket } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, bucket, failedCall, runCheck, type Failure } from '../helpers/check-harness.js';

const arn = (name: string) => `arn:aws:s3:::${name}`;
const TRAIL = `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/main`;
const ok = <T>(value: T) => ({ ok: true as const, value });

/** A CloudTrail log bucket with versioning `status` and Object Lock (null: none). */
function logs(name: string, status: string | null | 'failed', lock: { enabled: boolean; mode?: string } | null | 'failed' = null, o: Partial<S3Bucket> = {}): S3Bucket {
  return bucket(name, {
    logSourceTrails: [TRAIL],
    versioning: status === 'failed' ? failedCall('s3:GetBucketVersioning', name, 'global') : ok({ status, mfaDelete: null }),
    objectLock: lock === 'failed' ? failedCall('s3:GetObjectLockConfiguration', name, 'global') : ok(lock),
    tagging: ok({}),
    accessLogSources: ok([]),
    ...o,
  });
}

type Params = typeof check.defaults;
type Case = { name: string; buckets: S3Bucket[]; params?: Partial<Params>; failed?: Failure[]; expected: { status: Status; arn: string; evidence?: unknown }[] };

const cases: Case[] = [
  {
    name: 'versioned log bucket',
    buckets: [logs('trail-logs', 'Enabled')],
    expected: [{ status: 'pass', arn: arn('trail-logs'), evidence: { roles: ['cloudtrail'], versioning: 'Enabled', mfaDelete: null, objectLock: null } }],
  },
  { name: 'Object Lock alone', buckets: [logs('trail-logs', 'Enabled', { enabled: true, mode: 'COMPLIANCE' })], expected: [{ status: 'pass', arn: arn('trail-logs') }] },
  {
    name: 'never versioned, no Object Lock',
    buckets: [logs('trail-logs', null)],
    expected: [{ status: 'fail', arn: arn('trail-logs'), evidence: { roles: ['cloudtrail'], versioning: null, mfaDelete: null, objectLock: null } }],
  },
  { name: 'versioning suspended', buckets: [logs('trail-logs', 'Suspended')], expected: [{ status: 'fail', arn: arn('trail-logs') }] },
  {
    name: 'a tagged backup bucket is judged; a data bucket is not',
    buckets: [
      bucket('sql-backups', { tagging: ok({ Purpose: 'backups' }), accessLogSources: ok([]), versioning: ok({ status: null, mfaDelete: null }), objectLock: ok(null) }),
      bucket('assets', { tagging: ok({}), accessLogSources: ok([]), versioning: ok({ status: null, mfaDelete: null }), objectLock: ok(null) }),
    ],
    expected: [
      { status: 'not_applicable', arn: arn('assets'), evidence: { roles: [] } },
      { status: 'fail', arn: arn('sql-backups') },
    ],
  },
  { name: 'requireMfaDelete: versioned without MFA Delete fails', buckets: [logs('trail-logs', 'Enabled')], params: { requireMfaDelete: true }, expected: [{ status: 'fail', arn: arn('trail-logs') }] },
  {
    name: 'requireMfaDelete with buckets all (CIS 3.1.2): MFA Delete on passes',
    buckets: [bucket('assets', { tagging: ok({}), accessLogSources: ok([]), versioning: ok({ status: 'Enabled', mfaDelete: 'Enabled' }), objectLock: ok(null) })],
    params: { requireMfaDelete: true, buckets: 'all' },
    expected: [{ status: 'pass', arn: arn('assets') }],
  },
  { name: 'versioning unreadable', buckets: [logs('trail-logs', 'failed')], expected: [{ status: 'error', arn: arn('trail-logs') }] },
  { name: 'Object Lock unreadable', buckets: [logs('trail-logs', null, 'failed')], expected: [{ status: 'error', arn: arn('trail-logs') }] },
  {
    name: 'whether a bucket receives access logs is unknown: error',
    buckets: [bucket('maybe-logs', { tagging: ok({}), accessLogSources: failedCall('s3:GetBucketLogging', 'assets', 'global'), versioning: ok({ status: null, mfaDelete: null }), objectLock: ok(null) })],
    expected: [{ status: 'error', arn: arn('maybe-logs') }],
  },
  { name: 'ListBuckets denied', buckets: [], failed: ['s3:ListBuckets'], expected: [{ status: 'error', arn: `arn:aws:s3::${ACCOUNT}:*` }] },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ buckets, params, failed, expected }) => {
    const results = runCheck(check, { s3Buckets: buckets, ...(failed ? { failed } : {}) }, params);
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });
});
