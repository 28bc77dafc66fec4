import type { JSONSchemaType } from 'ajv';
import { BUCKET_SCOPES, type BucketScope } from '../services/s3/roles.js';
import { defineCheck, error, fail, notApplicable, pass } from './define.js';
import { bucketsInScope } from './s3-bucket-scope.js';
import type { Outcome } from './types.js';

interface Params {
  buckets: BucketScope;
  tagKey: string;
  tagValues: string[];
  exemptLogTargets: boolean;
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['buckets', 'tagKey', 'tagValues', 'exemptLogTargets'],
  properties: {
    buckets: { type: 'string', enum: [...BUCKET_SCOPES] },
    tagKey: { type: 'string', minLength: 1 },
    tagValues: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
    exemptLogTargets: { type: 'boolean' },
  },
};

export default defineCheck<Params>({
  id: 's3-bucket-server-access-logging',
  title: 'S3 buckets record server access logs',
  severity: 'low',
  resourceType: 'AWS::S3::Bucket',
  requires: ['s3:ListBuckets', 's3:GetBucketLogging', 'cloudtrail:DescribeTrails', 's3:GetBucketTagging'],
  rationale:
    'Server access logs record every request to a bucket (requester, operation, object, result), including those CloudTrail data events do not cover; ' +
    'on the bucket CloudTrail writes to, they show who read or tried to delete the audit trail (CIS AWS Foundations 4.4, PCI DSS 10.2.1).',
  remediation:
    'Turn on server access logging (bucket > Properties > Server access logging, or aws s3api put-bucket-logging) to a separate log bucket in the same region, with a prefix per source bucket; grant the logging service write access through the target bucket policy.',
  schema,
  defaults: { buckets: 'all', tagKey: 'Purpose', tagValues: ['logs', 'audit-logs', 'backup', 'backups'], exemptLogTargets: true },
  paramDocs: {
    buckets: 'Which buckets are judged: all (default), logs-and-backups, or cloudtrail-logs (the buckets CloudTrail delivers to: CIS 4.4)',
    tagKey: 'Tag that marks a log or backup bucket (for buckets: logs-and-backups)',
    tagValues: 'Values of tagKey that mark a log or backup bucket (case-insensitive)',
    exemptLogTargets: 'Whether a bucket that itself receives server access logs is not applicable (logging it would log the logs); default true',
  },
  evaluate(inv, { buckets: scope, tagKey, tagValues, exemptLogTargets }) {
    const judged = bucketsInScope(inv, scope, tagKey, tagValues);
    return inv.s3Buckets.map((b): Outcome => {
      const s = judged(b);
      if ('outcome' in s) return s.outcome;
      const logging = b.accessLogging;
      if (logging === undefined) return error(b, { service: 's3', operation: 'GetBucketLogging', region: 'global', resource: b.id, code: 'NotCollected', message: `no GetBucketLogging answer for ${b.id}` });
      if (!logging.ok) return error(b, logging.error);
      if (exemptLogTargets && scope !== 'cloudtrail-logs') {
        const sources = b.accessLogSources;
        if (sources !== undefined && !sources.ok) return error(b, sources.error);
        if (sources?.ok && sources.value.length > 0 && logging.value === null) {
          return notApplicable(b, `S3 bucket ${b.id} receives the server access logs of ${sources.value.join(', ')}; logging its own access would log the logs.`, {
            roles: s.roles,
            receivesAccessLogsOf: sources.value,
          });
        }
      }
      if (logging.value === null) return fail(b, `S3 bucket ${b.id} does not record server access logs.`, { roles: s.roles, accessLogging: null });
      const { targetBucket, targetPrefix } = logging.value;
      const evidence = { roles: s.roles, accessLogging: { targetBucket, targetPrefix } };
      if (targetBucket === b.id) {
        // S3 logs its own log deliveries then, without end: AWS says never to target the source bucket.
        return fail(b, `S3 bucket ${b.id} delivers its server access logs to itself.`, evidence);
      }
      return pass(b, `S3 bucket ${b.id} records server access logs in ${targetBucket}${targetPrefix ? `/${targetPrefix}` : ''}.`, evidence);
    });
  },
});
