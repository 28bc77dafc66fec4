/** Amazon EKS: the clusters of each region, and per cluster its endpoint, encryption, logging and version. */
import type { OperationSpec } from '../spec.js';

export const SDK = { eks: '@aws-sdk/client-eks' } as const;

export const OPERATIONS = [
  { key: 'eks:ListClusters', scope: 'regional', needs: { ListClustersResponse: ['clusters'] } },
  {
    key: 'eks:DescribeCluster',
    scope: 'regional',
    perResource: { from: 'eks:ListClusters', id: 'cluster name' },
    // A cluster without envelope encryption has no encryptionConfig; EKS lists publicAccessCidrs only when the endpoint is public.
    unset: { Cluster: ['encryptionConfig', 'status', 'platformVersion'], VpcConfigResponse: ['publicAccessCidrs'], LogSetup: ['types'] },
    needs: {
      DescribeClusterResponse: ['cluster'],
      Cluster: ['name', 'arn', 'version', 'resourcesVpcConfig', 'logging'],
      VpcConfigResponse: ['endpointPublicAccess', 'endpointPrivateAccess'],
      Logging: ['clusterLogging'],
      LogSetup: ['enabled'],
      EncryptionConfig: ['resources', 'provider'],
      Provider: ['keyArn'],
    },
  },
] as const satisfies readonly OperationSpec[];
