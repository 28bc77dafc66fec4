import type { JSONSchemaType } from 'ajv';
import { defineCheck, error, fail, pass } from './define.js';

interface Params {
  requireCustomerManagedKey: boolean;
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['requireCustomerManagedKey'],
  properties: { requireCustomerManagedKey: { type: 'boolean' } },
};

export default defineCheck<Params>({
  id: 'dynamodb-table-kms-encrypted',
  title: 'DynamoDB tables are encrypted with a KMS key',
  severity: 'medium',
  resourceType: 'AWS::DynamoDB::Table',
  requires: ['dynamodb:ListTables', 'dynamodb:DescribeTable', 'kms:ListKeys', 'kms:DescribeKey'],
  rationale:
    'Every DynamoDB table is encrypted at rest; with the default AWS owned key nobody in the account can see, restrict or audit its use. A KMS key (the AWS managed aws/dynamodb or a customer-managed one) puts every use in CloudTrail, ' +
    'and a customer-managed key lets its policy separate who may read the data from who administers the table.',
  remediation:
    'Switch the table\'s encryption: aws dynamodb update-table --table-name <table> --sse-specification Enabled=true,SSEType=KMS[,KMSMasterKeyId=<customer-managed key>].',
  schema,
  defaults: { requireCustomerManagedKey: false },
  paramDocs: { requireCustomerManagedKey: 'Whether the key must be customer-managed (not aws/dynamodb); default false' },
  evaluate(inv, { requireCustomerManagedKey }) {
    const keys = new Map(inv.kmsKeys.map((k) => [k.arn, k]));
    return inv.dynamodbTables.map((t) => {
      if (!t.details.ok) return error(t, t.details.error);
      const e = t.details.value.encryption;
      const kms = e.type === 'KMS' && (e.status === 'ENABLED' || e.status === 'UPDATING');
      const key = e.kmsKeyArn ? keys.get(e.kmsKeyArn) : undefined;
      const manager = key === undefined ? null : key.metadata.ok ? key.metadata.value.manager : null;
      const evidence = { encryption: e.type, status: e.status ?? null, kmsKeyArn: e.kmsKeyArn ?? null, keyManager: manager };
      if (!kms) {
        const how = e.type === 'AWS_OWNED' ? 'the AWS owned key' : `${e.type} (${e.status ?? 'no status'})`;
        return fail(t, `DynamoDB table ${t.id} is encrypted with ${how}, not a KMS key in the account.`, evidence);
      }
      if (requireCustomerManagedKey) {
        if (key !== undefined && !key.metadata.ok) return error(t, key.metadata.error);
        // A key of another account (the Security account's) or not listed is judged by what it is not: not aws/dynamodb of this account.
        if (manager === 'AWS') return fail(t, `DynamoDB table ${t.id} is encrypted with the AWS managed key aws/dynamodb, not a customer-managed key.`, evidence);
      }
      return pass(t, `DynamoDB table ${t.id} is encrypted with KMS key ${e.kmsKeyArn ?? '(unnamed)'}.`, evidence);
    });
  },
});
