import type { JSONSchemaType } from 'ajv';
import { defineCheck, error, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

export default defineCheck<Params>({
  id: 'dynamodb-table-pitr-enabled',
  title: 'DynamoDB tables have point-in-time recovery enabled',
  severity: 'medium',
  resourceType: 'AWS::DynamoDB::Table',
  requires: ['dynamodb:ListTables', 'dynamodb:DescribeContinuousBackups'],
  rationale:
    'Point-in-time recovery restores a table to any second of the last 35 days (or the configured period): the protection against an application bug, a bad deployment or someone deleting or overwriting items; on-demand backups only restore the moment they were taken.',
  remediation:
    'Enable it: aws dynamodb update-continuous-backups --table-name <table> --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true (optionally RecoveryPeriodInDays).',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.dynamodbTables.map((t) => {
      if (!t.pointInTimeRecovery.ok) return error(t, t.pointInTimeRecovery.error);
      const { enabled, recoveryPeriodDays } = t.pointInTimeRecovery.value;
      const evidence = { pointInTimeRecovery: enabled, recoveryPeriodDays: recoveryPeriodDays ?? null };
      if (enabled) return pass(t, `DynamoDB table ${t.id} has point-in-time recovery${recoveryPeriodDays ? ` for ${recoveryPeriodDays} days` : ''}.`, evidence);
      return fail(t, `DynamoDB table ${t.id} has point-in-time recovery off.`, evidence);
    });
  },
});
