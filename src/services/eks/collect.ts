/** How EKS's operations are sent (loaded only for a live collection). */
import { DescribeClusterCommand, EKSClient, ListClustersCommand, paginateListClusters, type ListClustersCommandOutput } from '@aws-sdk/client-eks';
import type { ServiceCollector } from '../define.js';

const collector: ServiceCollector = {
  bindings: {
    'eks:ListClusters': { client: EKSClient, command: ListClustersCommand, paginator: paginateListClusters, pageSize: 100 },
    'eks:DescribeCluster': {
      client: EKSClient,
      command: DescribeClusterCommand,
      ids: (feed) => (feed as ListClustersCommandOutput | undefined)?.clusters ?? [],
      input: (name) => ({ name }),
    },
  },
};

export default collector;
