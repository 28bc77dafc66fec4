import { describe, expect, it } from 'vitest';
import check from '../../src/checks/s3-bucket-tls-only.js';
import type { Status } from '../../src/checks/types.js';
import type { PolicyDocument, S3Bucket } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, bucket, failedCall, policyDoc, runCheck, type Failure } from '../helpers/check-harness.js';

const arn = (name: string) => `arn:aws:s3:::${name}`;
const TRAIL = `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/main`;
const ok = <T>(value: T) => ({ ok: true as const, value });

const WRITE = { principals: ['Service:cloudtrail.amazonaws.com'], actions: ['s3:PutObject'], resources: ['arn:aws:s3:::b/*'] };
const DENY_HTTP = { effect: 'Deny' as const, principals: ['*'], actions: ['s3:*'], resources: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'], conditions: { Bool: { 'aws:SecureTransport': ['false'] } } };

/** A bucket with a policy (null: none, 'failed': unreadable), tags and trails. */
function b(name: string, policy: PolicyDocument | null | 'failed', o: Partial<S3Bucket> = {}): S3Bucket {
  return bucket(name, {
    policy: policy === 'failed' ? failedCall('s3:GetBucketPolicy', name, 'global') : ok(policy),
    tagging: ok({}),
    accessLogSources: ok([]),
    ...o,
  });
}

type Params = typeof check.defaults;
type Case = { name: string; buckets: S3Bucket[]; params?: Partial<Params>; regions?: string[]; failed?: Failure[]; expected: { status: Status; arn: string; evidence?: unknown }[] };

const cases: Case[] = [
  {
    name: 'any bucket whose policy denies aws:SecureTransport false',
    buckets: [b('assets', policyDoc(DENY_HTTP))],
    expected: [{ status: 'pass', arn: arn('assets'), evidence: { roles: [], hasPolicy: true, deniesInsecureTransport: true } }],
  },
  {
    // Before issue 12 only CloudTrail log buckets were judged: this data bucket had no result.
    name: 'a data bucket without a policy',
    buckets: [b('customer-exports', null)],
    expected: [{ status: 'fail', arn: arn('customer-exports'), evidence: { roles: [], hasPolicy: false, deniesInsecureTransport: false } }],
  },
  { name: 'a policy without the TLS deny', buckets: [b('assets', policyDoc(WRITE))], expected: [{ status: 'fail', arn: arn('assets') }] },
  {
    name: 'BoolIfExists, as written in some templates',
    buckets: [b('assets', policyDoc({ ...DENY_HTTP, conditions: { BoolIfExists: { 'aws:SecureTransport': ['false'] } } }))],
    expected: [{ status: 'pass', arn: arn('assets') }],
  },
  {
    name: 'the roles a log bucket has are evidence',
    buckets: [b('logs', policyDoc(WRITE, DENY_HTTP), { logSourceTrails: [TRAIL], tagging: ok({ Purpose: 'Logs' }), accessLogSources: ok(['assets']) })],
    expected: [{ status: 'pass', arn: arn('logs'), evidence: { roles: ['cloudtrail', 's3-access-logs', 'tag:Purpose=Logs'], hasPolicy: true, deniesInsecureTransport: true } }],
  },
  { name: 'policy unreadable', buckets: [b('assets', 'failed')], expected: [{ status: 'error', arn: arn('assets') }] },
  { name: 'ListBuckets denied', buckets: [], failed: ['s3:ListBuckets'], expected: [{ status: 'error', arn: `arn:aws:s3::${ACCOUNT}:*` }] },

  // buckets: cloudtrail-logs (the old s3-log-bucket-tls-only: PCI 10.3.2)
  {
    name: 'cloudtrail-logs: a bucket no trail writes to is not applicable',
    buckets: [b('assets', null)],
    params: { buckets: 'cloudtrail-logs' },
    expected: [{ status: 'not_applicable', arn: arn('assets'), evidence: { roles: [] } }],
  },
  {
    name: 'cloudtrail-logs: the trail bucket without the deny fails',
    buckets: [b('trail-logs', policyDoc(WRITE), { logSourceTrails: [TRAIL] })],
    params: { buckets: 'cloudtrail-logs' },
    expected: [{ status: 'fail', arn: arn('trail-logs'), evidence: { roles: ['cloudtrail'], hasPolicy: true, deniesInsecureTransport: false } }],
  },
  {
    name: 'cloudtrail-logs: DescribeTrails denied somewhere: a bucket without known trails is an error',
    buckets: [b('assets', null)],
    params: { buckets: 'cloudtrail-logs' },
    regions: [REGION, 'eu-west-1'],
    failed: [{ op: 'cloudtrail:DescribeTrails', region: 'eu-west-1' }],
    expected: [
      { status: 'error', arn: arn('assets') },
      { status: 'error', arn: `arn:aws:s3:eu-west-1:${ACCOUNT}:*` },
    ],
  },

  // buckets: logs-and-backups
  {
    name: 'logs-and-backups: a tagged backup bucket is judged, an untagged one is not',
    buckets: [b('db-backups', null, { tagging: ok({ purpose: 'x', Purpose: 'backup' }) }), b('assets', null)],
    params: { buckets: 'logs-and-backups' },
    expected: [
      { status: 'not_applicable', arn: arn('assets') },
      { status: 'fail', arn: arn('db-backups'), evidence: { roles: ['tag:Purpose=backup'], hasPolicy: false, deniesInsecureTransport: false } },
    ],
  },
  {
    name: 'logs-and-backups: a bucket whose tags could not be read might be one',
    buckets: [b('assets', null, { tagging: failedCall('s3:GetBucketTagging', 'assets', 'global') })],
    params: { buckets: 'logs-and-backups' },
    expected: [{ status: 'error', arn: arn('assets') }],
  },
  {
    name: 'logs-and-backups: tagValues and tagKey are parameters',
    buckets: [b('archive', null, { tagging: ok({ DataClass: 'audit' }) })],
    params: { buckets: 'logs-and-backups', tagKey: 'DataClass', tagValues: ['audit'] },
    expected: [{ status: 'fail', arn: arn('archive') }],
  },
  { name: 'no buckets', buckets: [], expected: [{ status: 'not_applicable', arn: `arn:aws:s3::${ACCOUNT}:*` }] },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ buckets, params, regions, failed, expected }) => {
    const results = runCheck(check, { s3Buckets: buckets, ...(regions ? { regions } : {}), ...(failed ? { failed } : {}) }, params);
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });
});
