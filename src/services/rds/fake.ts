import type { ServiceFake } from '../define.js';

/** One encrypted, private PostgreSQL instance per region; multi-AZ in ap-south-1 only. */
const fake: ServiceFake = (scope, account) =>
  scope === 'global'
    ? {}
    : {
        'rds:DescribeDBInstances': {
          DBInstances: [
            {
              DBInstanceIdentifier: 'ledger',
              DBInstanceArn: `arn:aws:rds:${scope}:${account}:db:ledger`,
              Engine: 'postgres',
              DBInstanceStatus: 'available',
              StorageEncrypted: true,
              PubliclyAccessible: false,
              MultiAZ: scope === 'ap-south-1',
              BackupRetentionPeriod: 7,
              AvailabilityZone: `${scope}a`,
              EngineVersion: '16.4',
              AutoMinorVersionUpgrade: true,
              DeletionProtection: true,
              IAMDatabaseAuthenticationEnabled: false,
              EnabledCloudwatchLogsExports: ['postgresql'],
            },
          ],
        },
        'rds:DescribeDBClusters': { DBClusters: [] },
        'rds:DescribeDBSnapshots': {
          DBSnapshots: [
            {
              DBSnapshotIdentifier: 'ledger-before-upgrade',
              DBInstanceIdentifier: 'ledger',
              DBSnapshotArn: `arn:aws:rds:${scope}:${account}:snapshot:ledger-before-upgrade`,
              SnapshotType: 'manual',
              Engine: 'postgres',
              Encrypted: true,
              Status: 'available',
            },
          ],
        },
        'rds:DescribeDBSnapshotAttributes': {
          DBSnapshotAttributesResult: { DBSnapshotIdentifier: 'ledger-before-upgrade', DBSnapshotAttributes: [{ AttributeName: 'restore', AttributeValues: [] }] },
        },
        'rds:DescribeDBClusterSnapshots': {
          DBClusterSnapshots: [
            {
              DBClusterSnapshotIdentifier: 'reporting-final',
              DBClusterIdentifier: 'reporting',
              DBClusterSnapshotArn: `arn:aws:rds:${scope}:${account}:cluster-snapshot:reporting-final`,
              SnapshotType: 'manual',
              Engine: 'aurora-postgresql',
              StorageEncrypted: true,
              Status: 'available',
            },
          ],
        },
        'rds:DescribeDBClusterSnapshotAttributes': {
          DBClusterSnapshotAttributesResult: { DBClusterSnapshotIdentifier: 'reporting-final', DBClusterSnapshotAttributes: [{ AttributeName: 'restore', AttributeValues: [] }] },
        },
      };

export default fake;
