import type {
  DescribeDBClusterSnapshotAttributesCommandOutput,
  DescribeDBClusterSnapshotsCommandOutput,
  DescribeDBClustersCommandOutput,
  DescribeDBInstancesCommandOutput,
  DescribeDBSnapshotAttributesCommandOutput,
  DescribeDBSnapshotsCommandOutput,
} from '@aws-sdk/client-rds';
import type { Observed, Raw } from '../../inventory/base.js';
import { defineService } from '../define.js';
import type { ServiceSource } from '../source.js';
import { OPERATIONS } from './operations.js';
import { SHAPES } from './shapes.generated.js';
import type { DbCluster, DbInstance, DbSnapshot } from './types.js';

type Item<T> = NonNullable<T> extends readonly (infer U)[] ? U : never;
const RDS_ARN = /^arn:[^:]+:rds:[^:]+:\d{12}:(db|cluster):.+$/;
const SNAPSHOT_ARN = /^arn:[^:]+:rds:[^:]+:\d{12}:(snapshot|cluster-snapshot):.+$/;
const sortedList = (l: string[] | undefined) => [...(l ?? [])].sort();

/** Who may restore a manual snapshot: the values of its `restore` attribute (`all` = public). */
function restorableBy(attrs: { AttributeName?: string; AttributeValues?: string[] }[]): string[] {
  return [...new Set(attrs.filter((a) => a.AttributeName === 'restore').flatMap((a) => a.AttributeValues ?? []))].sort();
}
const tags = (list: { Key?: string; Value?: string }[] | undefined) => Object.fromEntries((list ?? []).map((t) => [t.Key!, t.Value ?? '']));

type RdsCollections = { dbInstances: DbInstance[]; dbClusters: DbCluster[]; dbSnapshots: DbSnapshot[] };

function buildRds(src: ServiceSource, region: string): RdsCollections {
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
        autoMinorVersionUpgrade: d.AutoMinorVersionUpgrade!,
        deletionProtection: d.DeletionProtection!,
        iamAuthentication: d.IAMDatabaseAuthenticationEnabled!,
        logExports: sortedList(d.EnabledCloudwatchLogsExports),
      };
      if (d.Engine !== undefined) db.engine = d.Engine;
      if (d.EngineVersion !== undefined) db.engineVersion = d.EngineVersion;
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
        deletionProtection: c.DeletionProtection!,
        iamAuthentication: c.IAMDatabaseAuthenticationEnabled === true,
        logExports: sortedList(c.EnabledCloudwatchLogsExports),
      };
      if (c.Engine !== undefined) cluster.engine = c.Engine;
      return cluster;
    },
  );
  return { dbInstances, dbClusters, dbSnapshots: buildSnapshots(src, region) };
}

function buildSnapshots(src: ServiceSource, region: string): DbSnapshot[] {
  const base = (arn: string, id: string, tagList: { Key?: string; Value?: string }[] | undefined) => ({ arn, id, account: src.accountId, region, tags: tags(tagList) });
  const attributes = <T>(key: string, id: string, manual: boolean, at: string, read: (r: T) => { AttributeName?: string; AttributeValues?: string[] }[]): Observed<string[]> | null => {
    if (!manual) return null;
    const got = src.perResource<T>(region, key, id);
    if (!got.ok) return got;
    const attrs = read(got.value);
    // `restore` holds account ids or `all`; anything else cannot say who may restore (an emptied `all` would read as private).
    for (const [i, a] of attrs.entries()) {
      if (a.AttributeName !== 'restore') continue;
      const bad = (a.AttributeValues ?? []).findIndex((v) => v !== 'all' && !/^\d{12}$/.test(v));
      if (bad >= 0) return { ok: false, error: src.unusableResource(key, region, id, `${at}/${i}/AttributeValues/${bad}`, 'an AWS account id or all') };
    }
    return { ok: true, value: restorableBy(attrs) };
  };
  const instanceSnapshots = src.records<Item<Raw<DescribeDBSnapshotsCommandOutput>['DBSnapshots']>, DbSnapshot>(region, 'rds:DescribeDBSnapshots', 'DBSnapshots/*', (d, at) => {
    at.expect(SNAPSHOT_ARN.test(d.DBSnapshotArn!), '/DBSnapshotArn', 'an RDS DB snapshot ARN');
    const id = d.DBSnapshotIdentifier!;
    const snap: DbSnapshot = {
      type: 'AWS::RDS::DBSnapshot',
      ...base(d.DBSnapshotArn!, id, d.TagList),
      snapshotType: d.SnapshotType!,
      encrypted: d.Encrypted!,
      restorableBy: attributes<Raw<DescribeDBSnapshotAttributesCommandOutput>>('rds:DescribeDBSnapshotAttributes', id, d.SnapshotType === 'manual', '/DBSnapshotAttributesResult/DBSnapshotAttributes', (r) => r.DBSnapshotAttributesResult!.DBSnapshotAttributes!),
    };
    if (d.Engine !== undefined) snap.engine = d.Engine;
    if (d.DBInstanceIdentifier) snap.sourceId = d.DBInstanceIdentifier;
    return snap;
  });
  const clusterSnapshots = src.records<Item<Raw<DescribeDBClusterSnapshotsCommandOutput>['DBClusterSnapshots']>, DbSnapshot>(
    region,
    'rds:DescribeDBClusterSnapshots',
    'DBClusterSnapshots/*',
    (d, at) => {
      at.expect(SNAPSHOT_ARN.test(d.DBClusterSnapshotArn!), '/DBClusterSnapshotArn', 'an RDS DB cluster snapshot ARN');
      const id = d.DBClusterSnapshotIdentifier!;
      const snap: DbSnapshot = {
        type: 'AWS::RDS::DBClusterSnapshot',
        ...base(d.DBClusterSnapshotArn!, id, d.TagList),
        snapshotType: d.SnapshotType!,
        encrypted: d.StorageEncrypted!,
        restorableBy: attributes<Raw<DescribeDBClusterSnapshotAttributesCommandOutput>>(
          'rds:DescribeDBClusterSnapshotAttributes',
          id,
          d.SnapshotType === 'manual',
          '/DBClusterSnapshotAttributesResult/DBClusterSnapshotAttributes',
          (r) => r.DBClusterSnapshotAttributesResult!.DBClusterSnapshotAttributes!,
        ),
      };
      if (d.Engine !== undefined) snap.engine = d.Engine;
      if (d.DBClusterIdentifier) snap.sourceId = d.DBClusterIdentifier;
      return snap;
    },
  );
  return [...instanceSnapshots, ...clusterSnapshots];
}

export default defineService<RdsCollections>({
  name: 'rds',
  title: 'Amazon RDS',
  operations: OPERATIONS,
  shapes: SHAPES,
  build: (src) => {
    const out: RdsCollections = { dbInstances: [], dbClusters: [], dbSnapshots: [] };
    for (const r of src.regions) {
      const b = buildRds(src, r);
      out.dbInstances.push(...b.dbInstances);
      out.dbClusters.push(...b.dbClusters);
      out.dbSnapshots.push(...b.dbSnapshots);
    }
    return out;
  },
  empty: () => ({ dbInstances: [], dbClusters: [], dbSnapshots: [] }),
  collector: async () => (await import('./collect.js')).default,
});
