import { paginateDescribeDBClusters, paginateDescribeDBInstances, RDSClient } from '@aws-sdk/client-rds';
import type { ClientConfig } from './clients.js';
import { allPages } from './paginate.js';
import type { Recorder } from './recorder.js';

/** RDS instances and clusters of one region. */
export async function collectRds(rec: Recorder, region: string, config: ClientConfig): Promise<void> {
  const client = new RDSClient(config);
  await rec.record(region, [
    ['rds:DescribeDBInstances', () => allPages(paginateDescribeDBInstances({ client, pageSize: 100 }, {}))],
    ['rds:DescribeDBClusters', () => allPages(paginateDescribeDBClusters({ client, pageSize: 100 }, {}))],
  ]);
  client.destroy();
}
