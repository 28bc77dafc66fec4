import type { DescribeDBClustersCommandOutput, DescribeDBInstancesCommandOutput } from '@aws-sdk/client-rds';
import type { CallSource, Raw } from './source.js';
import type { DbCluster, DbInstance } from './types.js';

export function buildRds(src: CallSource, region: string): { instances: DbInstance[]; clusters: DbCluster[] } {
  const inst = src.call<Raw<DescribeDBInstancesCommandOutput>>(region, 'rds:DescribeDBInstances');
  const clus = src.call<Raw<DescribeDBClustersCommandOutput>>(region, 'rds:DescribeDBClusters');
  const instances = (inst.ok && inst.value ? (inst.value.DBInstances ?? []) : []).map((d) => {
    const db: DbInstance = {
      type: 'AWS::RDS::DBInstance',
      arn: d.DBInstanceArn!,
      id: d.DBInstanceIdentifier!,
      account: src.accountId,
      region,
      tags: Object.fromEntries((d.TagList ?? []).map((t) => [t.Key!, t.Value ?? ''])),
      storageEncrypted: d.StorageEncrypted === true,
      publiclyAccessible: d.PubliclyAccessible === true,
      multiAz: d.MultiAZ === true,
      backupRetentionDays: d.BackupRetentionPeriod ?? 0,
    };
    if (d.Engine !== undefined) db.engine = d.Engine;
    if (d.DBClusterIdentifier !== undefined) db.clusterId = d.DBClusterIdentifier;
    if (d.DBInstanceStatus !== undefined) db.status = d.DBInstanceStatus;
    if (d.AvailabilityZone !== undefined) db.availabilityZone = d.AvailabilityZone;
    return db;
  });
  const clusters = (clus.ok && clus.value ? (clus.value.DBClusters ?? []) : []).map((c) => {
    const cluster: DbCluster = {
      type: 'AWS::RDS::DBCluster',
      arn: c.DBClusterArn!,
      id: c.DBClusterIdentifier!,
      account: src.accountId,
      region,
      tags: Object.fromEntries((c.TagList ?? []).map((t) => [t.Key!, t.Value ?? ''])),
      storageEncrypted: c.StorageEncrypted === true,
      multiAz: c.MultiAZ === true,
      backupRetentionDays: c.BackupRetentionPeriod ?? 0,
      availabilityZones: [...(c.AvailabilityZones ?? [])].sort(),
      members: (c.DBClusterMembers ?? []).map((m) => m.DBInstanceIdentifier ?? '').filter(Boolean).sort(),
    };
    if (c.Engine !== undefined) cluster.engine = c.Engine;
    return cluster;
  });
  return { instances, clusters };
}
