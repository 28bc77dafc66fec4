import type { JSONSchemaType } from 'ajv';
import { defineCheck, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

export default defineCheck<Params>({
  id: 'cloudtrail-kms-encrypted',
  title: 'CloudTrail trails encrypt their logs with a KMS key',
  severity: 'medium',
  resourceType: 'AWS::CloudTrail::Trail',
  requires: ['cloudtrail:DescribeTrails'],
  rationale:
    'With SSE-KMS, reading the logs also needs kms:Decrypt on a key you control and every decryption is itself logged; SSE-S3 alone lets anyone with bucket read access read them.',
  remediation:
    'Create a customer-managed key whose policy lets CloudTrail encrypt, then set it on the trail: aws cloudtrail update-trail --name <trail> --kms-key-id <key>.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.trails.map((t) =>
      t.kmsKeyId !== undefined
        ? pass(t, `Trail ${t.id} encrypts its logs with KMS key ${t.kmsKeyId}.`, { kmsKeyId: t.kmsKeyId })
        : fail(t, `Trail ${t.id} has no KMS key, so its logs are encrypted with SSE-S3 only.`, { kmsKeyId: null }),
    );
  },
});
