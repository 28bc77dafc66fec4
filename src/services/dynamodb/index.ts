import type { DescribeContinuousBackupsCommandOutput, DescribeTableCommandOutput, ListTablesCommandOutput } from '@aws-sdk/client-dynamodb';
import type { Observed, Raw } from '../../inventory/base.js';
import { defineService } from '../define.js';
import type { ServiceSource } from '../source.js';
import { OPERATIONS } from './operations.js';
import { SHAPES } from './shapes.generated.js';
import type { DynamoTable, DynamoTableDetails } from './types.js';

const TABLE_ARN = /^arn:[^:]+:dynamodb:[^:]+:\d{12}:table\/.+$/;

function details(src: ServiceSource, region: string, name: string): { arn?: string; details: Observed<DynamoTableDetails> } {
  const got = src.perResource<Raw<DescribeTableCommandOutput>>(region, 'dynamodb:DescribeTable', name);
  if (!got.ok) return { details: got };
  const t = got.value.Table!;
  if (!TABLE_ARN.test(t.TableArn!)) return { details: { ok: false, error: src.unusableResource('dynamodb:DescribeTable', region, name, '/Table/TableArn', 'a DynamoDB table ARN') } };
  const sse = t.SSEDescription;
  const encryption: DynamoTableDetails['encryption'] = sse
    ? { type: sse.SSEType ?? 'KMS', status: sse.Status!, ...(sse.KMSMasterKeyArn ? { kmsKeyArn: sse.KMSMasterKeyArn } : {}) }
    : { type: 'AWS_OWNED' };
  return {
    arn: t.TableArn!,
    details: {
      ok: true,
      value: {
        status: t.TableStatus!,
        encryption,
        replicaRegions: [...new Set((t.Replicas ?? []).map((r) => r.RegionName!).filter((r) => r !== region))].sort(),
        deletionProtection: t.DeletionProtectionEnabled === true,
      },
    },
  };
}

function buildTables(src: ServiceSource, region: string): DynamoTable[] {
  const listed = src.call<Raw<ListTablesCommandOutput>>(region, 'dynamodb:ListTables');
  if (!listed.ok || listed.value === null) return [];
  const names = listed.value.TableNames ?? [];
  const blank = names.findIndex((n) => n === '');
  if (blank >= 0) {
    src.unusable('dynamodb:ListTables', region, `/TableNames/${blank}`, 'a table name');
    return [];
  }
  return names.map((name) => {
    const d = details(src, region, name);
    const pitrRaw = src.perResource<Raw<DescribeContinuousBackupsCommandOutput>>(region, 'dynamodb:DescribeContinuousBackups', name);
    const pitr = pitrRaw.ok ? pitrRaw.value.ContinuousBackupsDescription!.PointInTimeRecoveryDescription : undefined;
    return {
      type: 'AWS::DynamoDB::Table',
      arn: d.arn ?? `arn:${src.partition}:dynamodb:${region}:${src.accountId}:table/${name}`,
      id: name,
      name,
      account: src.accountId,
      region,
      tags: {},
      details: d.details,
      pointInTimeRecovery: pitrRaw.ok
        ? {
            ok: true,
            value: {
              // No PointInTimeRecoveryDescription: continuous backups exist but recovery was never turned on.
              enabled: pitr?.PointInTimeRecoveryStatus === 'ENABLED',
              ...(pitr?.RecoveryPeriodInDays !== undefined ? { recoveryPeriodDays: pitr.RecoveryPeriodInDays } : {}),
            },
          }
        : pitrRaw,
    };
  });
}

export default defineService<{ dynamodbTables: DynamoTable[] }>({
  name: 'dynamodb',
  title: 'Amazon DynamoDB',
  operations: OPERATIONS,
  shapes: SHAPES,
  build: (src) => ({ dynamodbTables: src.regions.flatMap((r) => buildTables(src, r)) }),
  empty: () => ({ dynamodbTables: [] }),
  collector: async () => (await import('./collect.js')).default,
});
