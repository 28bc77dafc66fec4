import { describe, expect, it } from 'vitest';
import check from '../../src/checks/cloudtrail-bucket-not-public.js';
import type { Status } from '../../src/checks/types.js';
import type { PolicyDocument, S3Bucket } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, bucket, failedCall, policyDoc, runCheck, type Failure } from '../helpers/check-harness.js';

const arn = (name: string) => `arn:aws:s3:::${name}`;
const TRAIL = `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/main`;
const OTHER = 'eu-west-1';
const ok = <T>(value: T) => ({ ok: true as const, value });

const CLOUDTRAIL_WRITE = {
  principals: ['Service:cloudtrail.amazonaws.com'],
  actions: ['s3:PutObject'],
  resources: ['arn:aws:s3:::logs/*'],
  conditions: { StringEquals: { 'aws:SourceArn': [TRAIL] } },
};
const PUBLIC_READ = { principals: ['*'], actions: ['s3:ListBucket', 's3:GetObject'], resources: ['arn:aws:s3:::logs/*', 'arn:aws:s3:::logs'] };

interface LogBucket {
  policy?: PolicyDocument | null | 'failed';
  policyIsPublic?: boolean | null | 'failed';
  acl?: string[] | 'failed';
  trails?: string[];
}

/** A bucket receiving trail logs; by default a private CloudTrail policy and no public grant. */
function logBucket(name: string, o: LogBucket = {}): S3Bucket {
  const policy = o.policy === undefined ? policyDoc(CLOUDTRAIL_WRITE) : o.policy;
  const isPublic = o.policyIsPublic === undefined ? (policy === null ? null : false) : o.policyIsPublic;
  return bucket(name, {
    logSourceTrails: o.trails ?? [TRAIL],
    policy: policy === 'failed' ? failedCall('s3:GetBucketPolicy', name, 'global') : ok(policy),
    policyIsPublic: isPublic === 'failed' ? failedCall('s3:GetBucketPolicyStatus', name, 'global') : ok(isPublic),
    publicAclGrants: o.acl === 'failed' ? failedCall('s3:GetBucketAcl', name, 'global') : ok(o.acl ?? []),
  });
}

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
    name: 'private policy, no public grant',
    buckets: [logBucket('logs')],
    expected: [{ status: 'pass', arn: arn('logs'), evidence: { logSourceTrails: [TRAIL], policyIsPublic: false, publicAclGrants: [] } }],
  },
  {
    name: 'no policy, no public grant',
    buckets: [logBucket('logs', { policy: null })],
    expected: [{ status: 'pass', arn: arn('logs'), evidence: { logSourceTrails: [TRAIL], policyIsPublic: null, publicAclGrants: [] } }],
  },
  {
    name: 'policy unreadable but S3 says not public: S3 decides',
    buckets: [logBucket('logs', { policy: 'failed', policyIsPublic: false })],
    expected: [{ status: 'pass', arn: arn('logs'), evidence: { logSourceTrails: [TRAIL], policyIsPublic: false, publicAclGrants: [] } }],
  },
  {
    name: 'public read policy',
    buckets: [logBucket('logs', { policy: policyDoc(CLOUDTRAIL_WRITE, PUBLIC_READ), policyIsPublic: true })],
    expected: [
      {
        status: 'fail',
        arn: arn('logs'),
        evidence: {
          logSourceTrails: [TRAIL],
          policyIsPublic: true,
          publicPolicyStatements: [{ actions: ['s3:GetObject', 's3:ListBucket'], resources: ['arn:aws:s3:::logs', 'arn:aws:s3:::logs/*'] }],
          publicAclGrants: [],
        },
      },
    ],
  },
  {
    name: 'public ACL grants',
    buckets: [logBucket('logs', { acl: ['AuthenticatedUsers:READ', 'AllUsers:WRITE'] })],
    expected: [
      {
        status: 'fail',
        arn: arn('logs'),
        evidence: {
          logSourceTrails: [TRAIL],
          policyIsPublic: false,
          publicPolicyStatements: [],
          publicAclGrants: ['AllUsers:WRITE', 'AuthenticatedUsers:READ'],
        },
      },
    ],
  },
  {
    name: 'S3 verdict unreadable, but an unconditioned public statement proves it; ACL unreadable too',
    buckets: [logBucket('logs', { policy: policyDoc(PUBLIC_READ), policyIsPublic: 'failed', acl: 'failed' })],
    expected: [
      {
        status: 'fail',
        arn: arn('logs'),
        evidence: {
          logSourceTrails: [TRAIL],
          publicPolicyStatements: [{ actions: ['s3:GetObject', 's3:ListBucket'], resources: ['arn:aws:s3:::logs', 'arn:aws:s3:::logs/*'] }],
          unreadable: ['s3:GetBucketPolicyStatus', 's3:GetBucketAcl'],
        },
      },
    ],
  },
  {
    name: 'S3 verdict unreadable, policy has no unconditioned public statement: undecided',
    buckets: [logBucket('logs', { policyIsPublic: 'failed' })],
    expected: [{ status: 'error', arn: arn('logs'), evidence: { failedCalls: [deniedCall('s3:GetBucketPolicyStatus', 'global', 'logs')] } }],
  },
  {
    name: 'ACL unreadable, policy private: undecided',
    buckets: [logBucket('logs', { acl: 'failed' })],
    expected: [{ status: 'error', arn: arn('logs'), evidence: { failedCalls: [deniedCall('s3:GetBucketAcl', 'global', 'logs')] } }],
  },
  {
    name: 'bucket that receives no trail logs, even a public one',
    buckets: [logBucket('website', { policy: policyDoc(PUBLIC_READ), policyIsPublic: true, trails: [] })],
    expected: [{ status: 'not_applicable', arn: arn('website'), evidence: { logSourceTrails: [] } }],
  },
  {
    name: 'DescribeTrails failed in one region: a bucket with no known trail is undecided',
    buckets: [logBucket('website', { trails: [] }), logBucket('logs')],
    regions: [OTHER, REGION].sort(),
    failed: [{ op: 'cloudtrail:DescribeTrails', region: OTHER }],
    expected: [
      { status: 'pass', arn: arn('logs') },
      { status: 'error', arn: arn('website'), evidence: { failedCalls: [deniedCall('cloudtrail:DescribeTrails', OTHER)], logSourceTrails: [] } },
      { status: 'error', arn: `arn:aws:s3:${OTHER}:${ACCOUNT}:*` },
    ],
  },
  {
    name: 'GetBucketAcl denied account-wide: error via the runner, not pass',
    buckets: [logBucket('logs')],
    failed: ['s3:GetBucketAcl'],
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

  it('names the bucket and how it is public in one sentence', () => {
    const [r] = runCheck(check, { s3Buckets: [logBucket('logs', { policy: policyDoc(PUBLIC_READ), policyIsPublic: true, acl: ['AllUsers:READ'] })] });
    expect(r?.message).toBe('CloudTrail log bucket logs is public through its bucket policy and ACL grants AllUsers:READ.');
  });
});
