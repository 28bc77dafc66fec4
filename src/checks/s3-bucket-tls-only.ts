import type { JSONSchemaType } from 'ajv';
import { deniesInsecureTransport } from '../inventory/policy.js';
import { BUCKET_SCOPES, type BucketScope } from '../services/s3/roles.js';
import { defineCheck, error, fail, pass } from './define.js';
import { bucketsInScope } from './s3-bucket-scope.js';
import type { Outcome } from './types.js';

interface Params {
  buckets: BucketScope;
  tagKey: string;
  tagValues: string[];
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['buckets', 'tagKey', 'tagValues'],
  properties: {
    buckets: { type: 'string', enum: [...BUCKET_SCOPES] },
    tagKey: { type: 'string', minLength: 1 },
    tagValues: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
  },
};

export default defineCheck<Params>({
  id: 's3-bucket-tls-only',
  title: 'S3 buckets refuse requests made without TLS',
  severity: 'medium',
  resourceType: 'AWS::S3::Bucket',
  requires: ['s3:ListBuckets', 's3:GetBucketPolicy', 'cloudtrail:DescribeTrails', 's3:GetBucketLogging', 's3:GetBucketTagging'],
  rationale:
    'S3 accepts plain HTTP unless the bucket policy refuses it: data, credentials in pre-signed URLs and audit logs read or written that way can be observed or altered in transit. ' +
    'A Deny on aws:SecureTransport false forces TLS for every client (PCI DSS 4.2.1, MAS TRM 11.1.1(a), CIS AWS Foundations 3.1.1).',
  remediation:
    'Add to the bucket policy (bucket > Permissions > Bucket policy, or aws s3api put-bucket-policy) a statement {"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::<bucket>","arn:aws:s3:::<bucket>/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}, keeping the statements services (CloudTrail, CloudFront, log delivery) need.',
  schema,
  defaults: { buckets: 'all', tagKey: 'Purpose', tagValues: ['logs', 'audit-logs', 'backup', 'backups'] },
  paramDocs: {
    buckets: 'Which buckets are judged: all (default), logs-and-backups (CloudTrail or server-access-log destinations, or tagged tagKey with one of tagValues) or cloudtrail-logs',
    tagKey: 'Tag that marks a log or backup bucket (for buckets: logs-and-backups)',
    tagValues: 'Values of tagKey that mark a log or backup bucket (case-insensitive)',
  },
  evaluate(inv, { buckets: scope, tagKey, tagValues }) {
    const judged = bucketsInScope(inv, scope, tagKey, tagValues);
    return inv.s3Buckets.map((b): Outcome => {
      const s = judged(b);
      if ('outcome' in s) return s.outcome;
      if (!b.policy.ok) return error(b, b.policy.error);
      const policy = b.policy.value;
      const denies = policy !== null && deniesInsecureTransport(policy);
      const evidence = { roles: s.roles, hasPolicy: policy !== null, deniesInsecureTransport: denies };
      if (denies) return pass(b, `S3 bucket ${b.id} denies requests made without TLS.`, evidence);
      const why = policy === null ? 'has no bucket policy' : 'has no policy statement denying aws:SecureTransport false';
      return fail(b, `S3 bucket ${b.id} ${why}, so it accepts requests without TLS.`, evidence);
    });
  },
});
