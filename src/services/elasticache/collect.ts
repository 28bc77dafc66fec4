/** How ElastiCache's operations are sent (loaded only for a live collection). */
import {
  DescribeCacheClustersCommand,
  DescribeCacheSubnetGroupsCommand,
  ElastiCacheClient,
  paginateDescribeCacheClusters,
  paginateDescribeCacheSubnetGroups,
} from '@aws-sdk/client-elasticache';
import type { ServiceCollector } from '../define.js';

const collector: ServiceCollector = {
  bindings: {
    'elasticache:DescribeCacheClusters': { client: ElastiCacheClient, command: DescribeCacheClustersCommand, paginator: paginateDescribeCacheClusters, pageSize: 100 },
    'elasticache:DescribeCacheSubnetGroups': {
      client: ElastiCacheClient,
      command: DescribeCacheSubnetGroupsCommand,
      paginator: paginateDescribeCacheSubnetGroups,
      pageSize: 100,
    },
  },
};

export default collector;
