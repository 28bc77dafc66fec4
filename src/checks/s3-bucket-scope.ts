/**
 * The step the S3 bucket checks with a `buckets` scope share: judge a bucket
 * only when it is in scope. Out of scope is not_applicable, unless the
 * CloudTrail listing that decides "log bucket" failed: then it is error.
 */
import { listingFailures } from '../inventory/failures.js';
import type { Inventory, S3Bucket } from '../inventory/types.js';
import { inScope, type BucketScope } from '../services/s3/roles.js';
import { describeFailure, error, notApplicable } from './define.js';
import type { Outcome } from './types.js';

/** For each bucket: its roles when it is judged, or the outcome that stands instead. */
export function bucketsInScope(inv: Inventory, scope: BucketScope, tagKey: string, tagValues: readonly string[]): (b: S3Bucket) => { roles: string[] } | { outcome: Outcome } {
  const trailFailures = scope === 'all' ? [] : listingFailures(inv, 'cloudtrail:DescribeTrails');
  return (b) => {
    const s = inScope(b, scope, tagKey, tagValues);
    if ('error' in s) return { outcome: error(b, s.error) };
    if (s.inScope) return { roles: s.roles };
    const [first] = trailFailures;
    if (first !== undefined) return { outcome: { ...error(b, first), evidence: { failedCalls: trailFailures.map(describeFailure), roles: [] } } };
    return { outcome: notApplicable(b, `S3 bucket ${b.id} is not a ${scope === 'cloudtrail-logs' ? 'CloudTrail log' : 'log or backup'} bucket.`, { roles: [] }) };
  };
}
