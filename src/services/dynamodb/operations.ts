/** Amazon DynamoDB: tables, and per table its description (encryption, replicas) and point-in-time recovery. */
import type { OperationSpec } from '../spec.js';

export const SDK = { dynamodb: '@aws-sdk/client-dynamodb' } as const;

const table = 'table name';

export const OPERATIONS = [
  {
    key: 'dynamodb:ListTables',
    scope: 'regional',
    needs: { ListTablesOutput: ['TableNames'] },
  },
  {
    key: 'dynamodb:DescribeTable',
    scope: 'regional',
    perResource: { from: 'dynamodb:ListTables', id: table },
    // No SSEDescription: encrypted with an AWS owned key. No Replicas: not a global table.
    unset: { TableDescription: ['SSEDescription', 'Replicas', 'DeletionProtectionEnabled'], SSEDescription: ['SSEType', 'KMSMasterKeyArn'] },
    needs: {
      DescribeTableOutput: ['Table'],
      TableDescription: ['TableName', 'TableArn', 'TableStatus'],
      SSEDescription: ['Status'],
      ReplicaDescription: ['RegionName'],
    },
  },
  {
    key: 'dynamodb:DescribeContinuousBackups',
    scope: 'regional',
    perResource: { from: 'dynamodb:ListTables', id: table },
    unset: { ContinuousBackupsDescription: ['PointInTimeRecoveryDescription'], PointInTimeRecoveryDescription: ['RecoveryPeriodInDays'] },
    needs: {
      DescribeContinuousBackupsOutput: ['ContinuousBackupsDescription'],
      ContinuousBackupsDescription: ['ContinuousBackupsStatus'],
      PointInTimeRecoveryDescription: ['PointInTimeRecoveryStatus'],
    },
  },
] as const satisfies readonly OperationSpec[];
