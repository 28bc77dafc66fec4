import type { JSONSchemaType } from 'ajv';
import { defineCheck, error, fail, pass } from './define.js';

interface Params {
  requireKms: boolean;
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['requireKms'],
  properties: { requireKms: { type: 'boolean' } },
};

/** Default-encryption algorithms that use a KMS key. */
const KMS_ALGORITHMS = new Set(['aws:kms', 'aws:kms:dsse']);

export default defineCheck<Params>({
  id: 's3-bucket-default-encryption',
  title: 'S3 buckets encrypt new objects by default',
  severity: 'medium',
  resourceType: 'AWS::S3::Bucket',
  requires: ['s3:ListBuckets', 's3:GetBucketEncryption'],
  rationale:
    'Default encryption protects every object written without an explicit encryption header; SSE-KMS adds a key policy and a CloudTrail record of every decryption, which PCI DSS 3.5 style key controls expect.',
  remediation:
    'Bucket > Properties > Default encryption > Edit > choose SSE-KMS (or SSE-S3 when KMS is not required) with a bucket key, or aws s3api put-bucket-encryption --bucket <bucket> --server-side-encryption-configuration \'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"<key-arn>"},"BucketKeyEnabled":true}]}\'. Existing objects keep their encryption until rewritten (S3 Batch Operations copy).',
  schema,
  defaults: { requireKms: false },
  paramDocs: { requireKms: 'Require SSE-KMS (aws:kms or aws:kms:dsse); SSE-S3 (AES256) then fails' },
  evaluate(inv, { requireKms }) {
    return inv.s3Buckets.map((b) => {
      if (!b.encryption.ok) return error(b, b.encryption.error);
      const enc = b.encryption.value;
      if (enc === null) {
        return fail(b, `S3 bucket ${b.id} has no default encryption.`, { algorithm: null, kmsKeyId: null, requireKms });
      }
      const evidence = { algorithm: enc.algorithm, kmsKeyId: enc.kmsKeyId ?? null, requireKms };
      if (requireKms && !KMS_ALGORITHMS.has(enc.algorithm)) {
        return fail(b, `S3 bucket ${b.id} encrypts by default with ${enc.algorithm}, not a KMS key.`, evidence);
      }
      return pass(b, `S3 bucket ${b.id} encrypts new objects by default with ${enc.algorithm}.`, evidence);
    });
  },
});
