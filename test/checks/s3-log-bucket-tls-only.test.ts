import { describe, expect, it } from 'vitest';
import check from '../../src/checks/s3-log-bucket-tls-only.js';
import type { Status } from '../../src/checks/types.js';
import type { PolicyDocument, S3Bucket } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, bucket, failedCall, policyDoc, runCheck, type Failure } from '../helpers/check-harness.js';

const arn = (name: string) => `arn:aws:s3:::${name}`;
const TRAIL = `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/main`;
const OTHER = 'eu-west-1';

const CLOUDTRAIL_WRITE = { principals: ['Service:cloudtrail.amazonaws.com'], actions: ['s3:PutObject'], resources: ['arn:aws:s3:::logs/*'] };
const DENY_HTTP = {
  effect: 'Deny' as const,
  principals: ['*'],
  actions: ['s3:*'],
  resources: ['arn:aws:s3:::logs', 'arn:aws:s3:::logs/*'],
  conditions: { Bool: { 'aws:SecureTransport': ['false'] } },
};

/** A bucket receiving `trails`' logs, with a policy (null: none) or an unreadable one. */
const logBucket = (name: string, policy: PolicyDocument | null | 'failed', trails = [TRAIL]): S3Bucket =>
  bucket(name, {
    logSourceTrails: trails,
    policy: policy === 'failed' ? failedCall('s3:GetBucketPolicy', name, 'global') : { ok: true, value: policy },
  });

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
  buckets: S3Bucket[];
  regions?: string[];
  failed?: Failure[];
  expected: { status: Status; arn: string; evidence?: unknown }[];
};

const cases: Case[] = [
  {
    name: 'policy denies aws:SecureTransport false',
    buckets: [logBucket('logs', policyDoc(CLOUDTRAIL_WRITE, DENY_HTTP))],
    expected: [{ status: 'pass', arn: arn('logs'), evidence: { logSourceTrails: [TRAIL], hasPolicy: true, deniesInsecureTransport: true } }],
  },
  {
    name: 'BoolIfExists, as written in some templates',
    buckets: [logBucket('logs', policyDoc(CLOUDTRAIL_WRITE, { ...DENY_HTTP, conditions: { BoolIfExists: { 'aws:SecureTransport': ['false'] } } }))],
    expected: [{ status: 'pass', arn: arn('logs') }],
  },
  {
    name: 'policy without the TLS deny',
    buckets: [logBucket('logs', policyDoc(CLOUDTRAIL_WRITE))],
    expected: [{ status: 'fail', arn: arn('logs'), evidence: { logSourceTrails: [TRAIL], hasPolicy: true, deniesInsecureTransport: false } }],
  },
  {
    name: 'an Allow on aws:SecureTransport true is not a Deny',
    buckets: [logBucket('logs', policyDoc({ ...CLOUDTRAIL_WRITE, conditions: { Bool: { 'aws:SecureTransport': ['true'] } } }))],
    expected: [{ status: 'fail', arn: arn('logs'), evidence: { logSourceTrails: [TRAIL], hasPolicy: true, deniesInsecureTransport: false } }],
  },
  {
    name: 'no bucket policy at all',
    buckets: [logBucket('logs', null)],
    expected: [{ status: 'fail', arn: arn('logs'), evidence: { logSourceTrails: [TRAIL], hasPolicy: false, deniesInsecureTransport: false } }],
  },
  {
    name: 'policy unreadable',
    buckets: [logBucket('logs', 'failed')],
    expected: [{ status: 'error', arn: arn('logs'), evidence: { failedCalls: [deniedCall('s3:GetBucketPolicy', 'global', 'logs')] } }],
  },
  {
    name: 'bucket that receives no trail logs',
    buckets: [logBucket('assets', null, [])],
    expected: [{ status: 'not_applicable', arn: arn('assets'), evidence: { logSourceTrails: [] } }],
  },
  {
    name: 'DescribeTrails failed in one region: a bucket with no known trail is undecided, a known log bucket is still judged',
    buckets: [logBucket('assets', null, []), logBucket('logs', policyDoc(CLOUDTRAIL_WRITE, DENY_HTTP))],
    regions: [OTHER, REGION].sort(),
    failed: [{ op: 'cloudtrail:DescribeTrails', region: OTHER }],
    expected: [
      { status: 'error', arn: arn('assets'), evidence: { failedCalls: [deniedCall('cloudtrail:DescribeTrails', OTHER)], logSourceTrails: [] } },
      { status: 'pass', arn: arn('logs') },
      // The runner's own marker for the region whose call failed.
      { status: 'error', arn: `arn:aws:s3:${OTHER}:${ACCOUNT}:*` },
    ],
  },
  {
    name: 'GetBucketPolicy denied account-wide: error via the runner, not pass',
    buckets: [logBucket('logs', policyDoc(CLOUDTRAIL_WRITE, DENY_HTTP))],
    failed: ['s3:GetBucketPolicy'],
    expected: [{ status: 'error', arn: arn('logs') }],
  },
  {
    name: 'no buckets: nothing in scope',
    buckets: [],
    expected: [{ status: 'not_applicable', arn: `arn:aws:s3::${ACCOUNT}:*` }],
  },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ buckets, regions, failed, expected }) => {
    const results = runCheck(check, { s3Buckets: buckets, ...(regions ? { regions } : {}), ...(failed ? { failed } : {}) });
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });

  it('names the bucket in one sentence', () => {
    const [r] = runCheck(check, { s3Buckets: [logBucket('logs', null)] });
    expect(r?.message).toBe('CloudTrail log bucket logs has no bucket policy, so it accepts requests without TLS.');
  });
});
