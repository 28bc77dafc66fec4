import type { JSONSchemaType } from 'ajv';
import { defineCheck, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

export default defineCheck<Params>({
  id: 'logs-log-group-kms-encrypted',
  title: 'CloudWatch Logs log groups are encrypted with a KMS key',
  severity: 'low',
  resourceType: 'AWS::Logs::LogGroup',
  requires: ['logs:DescribeLogGroups'],
  rationale:
    'Every log group is encrypted at rest, but with CloudWatch Logs\' own key unless a KMS key is associated: then reading the logs also needs kms:Decrypt on a key whose policy and CloudTrail usage you control, ' +
    'which matters for logs holding personal or payment data and for separating log readers from log administrators.',
  remediation:
    'Create a customer-managed KMS key whose policy lets logs.<region>.amazonaws.com use it (with an encryption-context condition on the log group ARN), then aws logs associate-kms-key --log-group-name <group> --kms-key-id <key-arn>.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.logGroups.map((g) => {
      const evidence = { kmsKeyId: g.kmsKeyId ?? null };
      if (g.kmsKeyId) return pass(g, `Log group ${g.id} is encrypted with KMS key ${g.kmsKeyId}.`, evidence);
      return fail(g, `Log group ${g.id} has no KMS key (CloudWatch Logs' own encryption only).`, evidence);
    });
  },
});
