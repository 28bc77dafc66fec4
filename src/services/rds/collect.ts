/** How RDS's operations are sent (loaded only for a live collection). */
import { DescribeDBClustersCommand, DescribeDBInstancesCommand, paginateDescribeDBClusters, paginateDescribeDBInstances, RDSClient } from '@aws-sdk/client-rds';
import type { ServiceCollector } from '../define.js';

const collector: ServiceCollector = {
  bindings: {
    'rds:DescribeDBInstances': { client: RDSClient, command: DescribeDBInstancesCommand, paginator: paginateDescribeDBInstances, pageSize: 100 },
    'rds:DescribeDBClusters': { client: RDSClient, command: DescribeDBClustersCommand, paginator: paginateDescribeDBClusters, pageSize: 100 },
  },
};

export default collector;
