/**
 * Which buckets hold logs or backups, for the checks that judge only those
 * (TLS-only, versioning, access logging on log buckets). A bucket is a log or
 * backup bucket when a CloudTrail trail delivers to it, when other buckets'
 * server access logs are delivered to it, or when its tag `tagKey` has one
 * of `tagValues` (what a bucket holds is otherwise invisible to the API).
 */
import type { CallError } from '../../inventory/base.js';
import type { S3Bucket } from './types.js';

/** The buckets a check judges: every bucket, the log and backup buckets, or the buckets CloudTrail delivers to. */
export type BucketScope = 'all' | 'logs-and-backups' | 'cloudtrail-logs';
export const BUCKET_SCOPES = ['all', 'logs-and-backups', 'cloudtrail-logs'] as const satisfies readonly BucketScope[];

/** Why a bucket counts as a log or backup bucket: `cloudtrail`, `s3-access-logs`, `tag:Purpose=backup`. */
export type BucketRoles = { ok: true; roles: string[] } | { ok: false; roles: string[]; error: CallError };

export function bucketRoles(b: S3Bucket, tagKey: string, tagValues: readonly string[]): BucketRoles {
  const roles: string[] = [];
  if (b.logSourceTrails.length > 0) roles.push('cloudtrail');
  let unknown: CallError | undefined;
  const sources = b.accessLogSources;
  if (sources === undefined) unknown ??= notRead(b, 'GetBucketLogging');
  else if (!sources.ok) unknown ??= sources.error;
  else if (sources.value.length > 0) roles.push('s3-access-logs');
  const tags = b.tagging;
  if (tags === undefined) unknown ??= notRead(b, 'GetBucketTagging');
  else if (!tags.ok) unknown ??= tags.error;
  else {
    const value = tags.value[tagKey];
    if (value !== undefined && tagValues.some((v) => v.toLowerCase() === value.toLowerCase())) roles.push(`tag:${tagKey}=${value}`);
  }
  return unknown === undefined ? { ok: true, roles } : { ok: false, roles, error: unknown };
}

/**
 * Whether the check judges `b`: `true`, `false`, or the error that hides it
 * (a bucket with no known role whose tags or the account's access-log
 * targets could not be read may be a log bucket).
 */
export function inScope(b: S3Bucket, scope: BucketScope, tagKey: string, tagValues: readonly string[]): { inScope: boolean; roles: string[] } | { error: CallError; roles: string[] } {
  if (scope === 'all') {
    const r = bucketRoles(b, tagKey, tagValues);
    return { inScope: true, roles: r.roles };
  }
  if (scope === 'cloudtrail-logs') return { inScope: b.logSourceTrails.length > 0, roles: b.logSourceTrails.length > 0 ? ['cloudtrail'] : [] };
  const r = bucketRoles(b, tagKey, tagValues);
  if (r.roles.length > 0) return { inScope: true, roles: r.roles };
  if (!r.ok) return { error: r.error, roles: [] };
  return { inScope: false, roles: [] };
}

function notRead(b: S3Bucket, operation: string): CallError {
  return { service: 's3', operation, region: 'global', resource: b.id, code: 'NotCollected', message: `the inventory holds no ${operation} answer for ${b.id}` };
}
