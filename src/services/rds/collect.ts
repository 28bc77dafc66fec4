/** How RDS's operations are sent (loaded only for a live collection). */
import {
  DescribeDBClusterSnapshotAttributesCommand,
  DescribeDBClusterSnapshotsCommand,
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotAttributesCommand,
  DescribeDBSnapshotsCommand,
  paginateDescribeDBClusterSnapshots,
  paginateDescribeDBClusters,
  paginateDescribeDBInstances,
  paginateDescribeDBSnapshots,
  RDSClient,
  type DescribeDBClusterSnapshotsCommandOutput,
  type DescribeDBSnapshotsCommandOutput,
} from '@aws-sdk/client-rds';
import type { ServiceCollector } from '../define.js';

const collector: ServiceCollector = {
  bindings: {
    'rds:DescribeDBInstances': { client: RDSClient, command: DescribeDBInstancesCommand, paginator: paginateDescribeDBInstances, pageSize: 100 },
    'rds:DescribeDBClusters': { client: RDSClient, command: DescribeDBClustersCommand, paginator: paginateDescribeDBClusters, pageSize: 100 },
    'rds:DescribeDBSnapshots': { client: RDSClient, command: DescribeDBSnapshotsCommand, paginator: paginateDescribeDBSnapshots, pageSize: 100 },
    'rds:DescribeDBClusterSnapshots': { client: RDSClient, command: DescribeDBClusterSnapshotsCommand, paginator: paginateDescribeDBClusterSnapshots, pageSize: 100 },
    // Only manual snapshots can be shared (automated ones are copied first), so only theirs are asked.
    'rds:DescribeDBSnapshotAttributes': {
      client: RDSClient,
      command: DescribeDBSnapshotAttributesCommand,
      ids: (feed) =>
        ((feed as DescribeDBSnapshotsCommandOutput | undefined)?.DBSnapshots ?? []).flatMap((s) => (s.SnapshotType === 'manual' && s.DBSnapshotIdentifier ? [s.DBSnapshotIdentifier] : [])),
      input: (DBSnapshotIdentifier) => ({ DBSnapshotIdentifier }),
    },
    'rds:DescribeDBClusterSnapshotAttributes': {
      client: RDSClient,
      command: DescribeDBClusterSnapshotAttributesCommand,
      ids: (feed) =>
        ((feed as DescribeDBClusterSnapshotsCommandOutput | undefined)?.DBClusterSnapshots ?? []).flatMap((s) =>
          s.SnapshotType === 'manual' && s.DBClusterSnapshotIdentifier ? [s.DBClusterSnapshotIdentifier] : [],
        ),
      input: (DBClusterSnapshotIdentifier) => ({ DBClusterSnapshotIdentifier }),
    },
  },
};

export default collector;
