import type { DescribeDBClustersCommandOutput, DescribeDBInstancesCommandOutput } from '@aws-sdk/client-rds';
import type { Raw } from '../../inventory/base.js';
import { defineService } from '../define.js';
import type { ServiceSource } from '../source.js';
import { OPERATIONS } from './operations.js';
import { SHAPES } from './shapes.generated.js';
import type { DbCluster, DbInstance } from './types.js';

type Item<T> = NonNullable<T> extends readonly (infer U)[] ? U : never;
const RDS_ARN = /^arn:[^:]+:rds:[^:]+:\d{12}:(db|cluster):.+$/;
const tags = (list: { Key?: string; Value?: string }[] | undefined) => Object.fromEntries((list ?? []).map((t) => [t.Key!, t.Value ?? '']));

function buildRds(src: ServiceSource, region: string): { dbInstances: DbInstance[]; dbClusters: DbCluster[] } {
  const dbInstances = src.records<Item<Raw<DescribeDBInstancesCommandOutput>['DBInstances']>, DbInstance>(
    region,
    'rds:DescribeDBInstances',
    'DBInstances/*',
    (d, at) => {
      at.expect(RDS_ARN.test(d.DBInstanceArn!), '/DBInstanceArn', 'an RDS DB instance ARN');
      const db: DbInstance = {
        type: 'AWS::RDS::DBInstance',
        arn: d.DBInstanceArn!,
        id: d.DBInstanceIdentifier!,
        account: src.accountId,
        region,
        tags: tags(d.TagList),
        storageEncrypted: d.StorageEncrypted!,
        publiclyAccessible: d.PubliclyAccessible!,
        multiAz: d.MultiAZ!,
        backupRetentionDays: d.BackupRetentionPeriod!,
      };
      if (d.Engine !== undefined) db.engine = d.Engine;
      if (d.DBClusterIdentifier) db.clusterId = d.DBClusterIdentifier;
      if (d.DBInstanceStatus !== undefined) db.status = d.DBInstanceStatus;
      if (d.AvailabilityZone !== undefined) db.availabilityZone = d.AvailabilityZone;
      return db;
    },
  );
  const dbClusters = src.records<Item<Raw<DescribeDBClustersCommandOutput>['DBClusters']>, DbCluster>(
    region,
    'rds:DescribeDBClusters',
    'DBClusters/*',
    (c, at) => {
      at.expect(RDS_ARN.test(c.DBClusterArn!), '/DBClusterArn', 'an RDS DB cluster ARN');
      const cluster: DbCluster = {
        type: 'AWS::RDS::DBCluster',
        arn: c.DBClusterArn!,
        id: c.DBClusterIdentifier!,
        account: src.accountId,
        region,
        tags: tags(c.TagList),
        storageEncrypted: c.StorageEncrypted!,
        multiAz: c.MultiAZ!,
        backupRetentionDays: c.BackupRetentionPeriod!,
        availabilityZones: [...(c.AvailabilityZones ?? [])].sort(),
        members: (c.DBClusterMembers ?? []).map((m) => m.DBInstanceIdentifier ?? '').filter(Boolean).sort(),
      };
      if (c.Engine !== undefined) cluster.engine = c.Engine;
      return cluster;
    },
  );
  return { dbInstances, dbClusters };
}

export default defineService<{ dbInstances: DbInstance[]; dbClusters: DbCluster[] }>({
  name: 'rds',
  title: 'Amazon RDS',
  operations: OPERATIONS,
  shapes: SHAPES,
  build: (src) => {
    const out = { dbInstances: [] as DbInstance[], dbClusters: [] as DbCluster[] };
    for (const r of src.regions) {
      const b = buildRds(src, r);
      out.dbInstances.push(...b.dbInstances);
      out.dbClusters.push(...b.dbClusters);
    }
    return out;
  },
  empty: () => ({ dbInstances: [], dbClusters: [] }),
  collector: async () => (await import('./collect.js')).default,
});
