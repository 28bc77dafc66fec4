import { describe, expect, it } from 'vitest';
import check from '../../src/checks/s3-bucket-server-access-logging.js';
import type { Status } from '../../src/checks/types.js';
import type { S3Bucket } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, bucket, failedCall, runCheck, type Failure } from '../helpers/check-harness.js';

const arn = (name: string) => `arn:aws:s3:::${name}`;
const TRAIL = `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/main`;
const ok = <T>(value: T) => ({ ok: true as const, value });

function b(name: string, target: string | null | 'failed', o: Partial<S3Bucket> = {}): S3Bucket {
  return bucket(name, {
    accessLogging: target === 'failed' ? failedCall('s3:GetBucketLogging', name, 'global') : ok(target === null ? null : { targetBucket: target, targetPrefix: `${name}/` }),
    accessLogSources: ok([]),
    tagging: ok({}),
    ...o,
  });
}

type Params = typeof check.defaults;
type Case = { name: string; buckets: S3Bucket[]; params?: Partial<Params>; failed?: Failure[]; expected: { status: Status; arn: string; evidence?: unknown }[] };

const cases: Case[] = [
  {
    name: 'logs to a separate bucket',
    buckets: [b('assets', 'access-logs')],
    expected: [{ status: 'pass', arn: arn('assets'), evidence: { roles: [], accessLogging: { targetBucket: 'access-logs', targetPrefix: 'assets/' } } }],
  },
  { name: 'logging off', buckets: [b('assets', null)], expected: [{ status: 'fail', arn: arn('assets'), evidence: { roles: [], accessLogging: null } }] },
  { name: 'logging into itself', buckets: [b('assets', 'assets')], expected: [{ status: 'fail', arn: arn('assets') }] },
  {
    name: 'the log target itself is not applicable',
    buckets: [b('access-logs', null, { accessLogSources: ok(['assets']) })],
    expected: [{ status: 'not_applicable', arn: arn('access-logs'), evidence: { roles: ['s3-access-logs'], receivesAccessLogsOf: ['assets'] } }],
  },
  { name: 'exemptLogTargets false judges it', buckets: [b('access-logs', null, { accessLogSources: ok(['assets']) })], params: { exemptLogTargets: false }, expected: [{ status: 'fail', arn: arn('access-logs') }] },
  { name: 'logging configuration unreadable', buckets: [b('assets', 'failed')], expected: [{ status: 'error', arn: arn('assets') }] },
  {
    name: 'which buckets receive logs is unknown: a target-looking bucket cannot be exempted',
    buckets: [b('access-logs', null, { accessLogSources: failedCall('s3:GetBucketLogging', 'other', 'global') })],
    expected: [{ status: 'error', arn: arn('access-logs') }],
  },
  // CIS 4.4: the CloudTrail bucket
  {
    name: 'cloudtrail-logs: the trail bucket without logging fails, another bucket is not applicable',
    buckets: [b('trail-logs', null, { logSourceTrails: [TRAIL] }), b('assets', null)],
    params: { buckets: 'cloudtrail-logs' },
    expected: [
      { status: 'not_applicable', arn: arn('assets') },
      { status: 'fail', arn: arn('trail-logs'), evidence: { roles: ['cloudtrail'], accessLogging: null } },
    ],
  },
  { name: 'cloudtrail-logs: the trail bucket logging passes', buckets: [b('trail-logs', 'access-logs', { logSourceTrails: [TRAIL] })], params: { buckets: 'cloudtrail-logs' }, expected: [{ status: 'pass', arn: arn('trail-logs') }] },
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
