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
            },
          ],
        },
        'rds:DescribeDBClusters': { DBClusters: [] },
      };

export default fake;
