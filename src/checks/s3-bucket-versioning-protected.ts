import type { JSONSchemaType } from 'ajv';
import { BUCKET_SCOPES, type BucketScope } from '../services/s3/roles.js';
import { defineCheck, error, fail, pass } from './define.js';
import { bucketsInScope } from './s3-bucket-scope.js';
import type { Outcome } from './types.js';

interface Params {
  buckets: BucketScope;
  tagKey: string;
  tagValues: string[];
  requireMfaDelete: boolean;
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['buckets', 'tagKey', 'tagValues', 'requireMfaDelete'],
  properties: {
    buckets: { type: 'string', enum: [...BUCKET_SCOPES] },
    tagKey: { type: 'string', minLength: 1 },
    tagValues: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
    requireMfaDelete: { type: 'boolean' },
  },
};

const notCollected = (id: string, operation: string) => ({
  service: 's3',
  operation,
  region: 'global',
  resource: id,
  code: 'NotCollected',
  message: `no ${operation} answer for ${id}`,
});

export default defineCheck<Params>({
  id: 's3-bucket-versioning-protected',
  title: 'S3 log and backup buckets keep overwritten and deleted objects (versioning or Object Lock)',
  severity: 'medium',
  resourceType: 'AWS::S3::Bucket',
  requires: ['s3:ListBuckets', 's3:GetBucketVersioning', 's3:GetObjectLockConfiguration', 'cloudtrail:DescribeTrails', 's3:GetBucketLogging', 's3:GetBucketTagging'],
  rationale:
    'Without versioning, an overwrite or delete of a log file or backup is final: whoever gains write access can erase the audit trail or the last good copy. ' +
    'Versioning keeps prior versions; Object Lock (WORM) stops deletion for a retention period; MFA Delete makes permanent deletion and suspending versioning need the root MFA (PCI DSS 10.3.2, CIS AWS Foundations 3.1.2).',
  remediation:
    'Enable versioning (aws s3api put-bucket-versioning --versioning-configuration Status=Enabled) with a lifecycle rule expiring noncurrent versions after the retention period; for audit logs and backups, ' +
    'create the bucket with Object Lock and a default retention (or enable it on the versioned bucket); MFA Delete can only be enabled by the root user with the CLI (--mfa).',
  schema,
  defaults: { buckets: 'logs-and-backups', tagKey: 'Purpose', tagValues: ['logs', 'audit-logs', 'backup', 'backups'], requireMfaDelete: false },
  paramDocs: {
    buckets: 'Which buckets are judged: logs-and-backups (default: CloudTrail or server-access-log destinations, or tagged tagKey with one of tagValues), cloudtrail-logs, or all',
    tagKey: 'Tag that marks a log or backup bucket',
    tagValues: 'Values of tagKey that mark a log or backup bucket (case-insensitive)',
    requireMfaDelete: 'Whether MFA Delete must also be enabled (CIS 3.1.2); default false',
  },
  evaluate(inv, { buckets: scope, tagKey, tagValues, requireMfaDelete }) {
    const judged = bucketsInScope(inv, scope, tagKey, tagValues);
    return inv.s3Buckets.map((b): Outcome => {
      const s = judged(b);
      if ('outcome' in s) return s.outcome;
      const versioning = b.versioning ?? { ok: false as const, error: notCollected(b.id, 'GetBucketVersioning') };
      if (!versioning.ok) return error(b, versioning.error);
      const lock = b.objectLock ?? { ok: false as const, error: notCollected(b.id, 'GetObjectLockConfiguration') };
      if (!lock.ok) return error(b, lock.error);
      const { status, mfaDelete } = versioning.value;
      const objectLock = lock.value === null ? null : lock.value;
      const evidence = { roles: s.roles, versioning: status, mfaDelete, objectLock };
      const versioned = status === 'Enabled';
      const locked = objectLock?.enabled === true;
      const problems: string[] = [];
      if (!versioned && !locked) problems.push(status === 'Suspended' ? 'versioning is suspended' : 'versioning was never enabled', 'it has no Object Lock');
      if (requireMfaDelete && mfaDelete !== 'Enabled') problems.push('MFA Delete is not enabled');
      if (problems.length > 0) return fail(b, `S3 bucket ${b.id}: ${problems.join(', ')}.`, evidence);
      const how = [...(versioned ? ['versioning'] : []), ...(locked ? [`Object Lock${objectLock?.mode ? ` (${objectLock.mode})` : ''}`] : []), ...(mfaDelete === 'Enabled' ? ['MFA Delete'] : [])];
      return pass(b, `S3 bucket ${b.id} keeps overwritten and deleted objects: ${how.join(', ')}.`, evidence);
    });
  },
});
