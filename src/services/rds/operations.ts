/** Amazon RDS: DB instances, clusters and their snapshots (with who may restore the manual ones) in each region. */
import type { OperationSpec } from '../spec.js';

export const SDK = { rds: '@aws-sdk/client-rds' } as const;

export const OPERATIONS = [
  {
    key: 'rds:DescribeDBInstances',
    scope: 'regional',
    records: [{ path: 'DBInstances/*', type: 'AWS::RDS::DBInstance', arn: 'DBInstanceArn' }],
    // No EnabledCloudwatchLogsExports: no log is exported.
    unset: { DBInstance: ['DBClusterIdentifier', 'TagList', 'EnabledCloudwatchLogsExports'] },
    needs: {
      DBInstanceMessage: ['DBInstances'],
      DBInstance: [
        'DBInstanceArn',
        'DBInstanceIdentifier',
        'Engine',
        'StorageEncrypted',
        'PubliclyAccessible',
        'MultiAZ',
        'BackupRetentionPeriod',
        'AutoMinorVersionUpgrade',
        'DeletionProtection',
        'IAMDatabaseAuthenticationEnabled',
      ],
    },
  },
  {
    key: 'rds:DescribeDBClusters',
    scope: 'regional',
    records: [{ path: 'DBClusters/*', type: 'AWS::RDS::DBCluster', arn: 'DBClusterArn' }],
    unset: { DBCluster: ['EnabledCloudwatchLogsExports', 'IAMDatabaseAuthenticationEnabled'] },
    needs: {
      DBClusterMessage: ['DBClusters'],
      DBCluster: ['DBClusterArn', 'DBClusterIdentifier', 'Engine', 'StorageEncrypted', 'MultiAZ', 'BackupRetentionPeriod', 'DeletionProtection'],
    },
  },
  {
    key: 'rds:DescribeDBSnapshots',
    scope: 'regional',
    request: 'own snapshots (manual and automated; IncludeShared and IncludePublic false)',
    records: [{ path: 'DBSnapshots/*', type: 'AWS::RDS::DBSnapshot', arn: 'DBSnapshotArn' }],
    needs: { DBSnapshotMessage: ['DBSnapshots'], DBSnapshot: ['DBSnapshotArn', 'DBSnapshotIdentifier', 'SnapshotType', 'Encrypted'] },
  },
  {
    key: 'rds:DescribeDBSnapshotAttributes',
    scope: 'regional',
    perResource: { from: 'rds:DescribeDBSnapshots', id: 'identifier of a manual DB snapshot (only those can be shared)' },
    needs: {
      DescribeDBSnapshotAttributesResult: ['DBSnapshotAttributesResult'],
      DBSnapshotAttributesResult: ['DBSnapshotAttributes'],
      DBSnapshotAttribute: ['AttributeName', 'AttributeValues'],
    },
  },
  {
    key: 'rds:DescribeDBClusterSnapshots',
    scope: 'regional',
    request: 'own cluster snapshots (manual and automated)',
    records: [{ path: 'DBClusterSnapshots/*', type: 'AWS::RDS::DBClusterSnapshot', arn: 'DBClusterSnapshotArn' }],
    needs: { DBClusterSnapshotMessage: ['DBClusterSnapshots'], DBClusterSnapshot: ['DBClusterSnapshotArn', 'DBClusterSnapshotIdentifier', 'SnapshotType', 'StorageEncrypted'] },
  },
  {
    key: 'rds:DescribeDBClusterSnapshotAttributes',
    scope: 'regional',
    perResource: { from: 'rds:DescribeDBClusterSnapshots', id: 'identifier of a manual DB cluster snapshot' },
    needs: {
      DescribeDBClusterSnapshotAttributesResult: ['DBClusterSnapshotAttributesResult'],
      DBClusterSnapshotAttributesResult: ['DBClusterSnapshotAttributes'],
      DBClusterSnapshotAttribute: ['AttributeName', 'AttributeValues'],
    },
  },
] as const satisfies readonly OperationSpec[];
