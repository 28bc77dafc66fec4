/** Amazon RDS: DB instances and clusters of each region. */
import type { OperationSpec } from '../spec.js';

export const SDK = { rds: '@aws-sdk/client-rds' } as const;

export const OPERATIONS = [
  {
    key: 'rds:DescribeDBInstances',
    scope: 'regional',
    records: [{ path: 'DBInstances/*', type: 'AWS::RDS::DBInstance', arn: 'DBInstanceArn' }],
    unset: { DBInstance: ['DBClusterIdentifier', 'TagList'] },
    needs: {
      DBInstanceMessage: ['DBInstances'],
      DBInstance: ['DBInstanceArn', 'DBInstanceIdentifier', 'StorageEncrypted', 'PubliclyAccessible', 'MultiAZ', 'BackupRetentionPeriod'],
    },
  },
  {
    key: 'rds:DescribeDBClusters',
    scope: 'regional',
    records: [{ path: 'DBClusters/*', type: 'AWS::RDS::DBCluster', arn: 'DBClusterArn' }],
    needs: {
      DBClusterMessage: ['DBClusters'],
      DBCluster: ['DBClusterArn', 'DBClusterIdentifier', 'StorageEncrypted', 'MultiAZ', 'BackupRetentionPeriod'],
    },
  },
] as const satisfies readonly OperationSpec[];
