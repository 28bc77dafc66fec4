/** Amazon ElastiCache: node-based cache clusters (Memcached, Redis OSS, Valkey) and their subnet groups. */
import type { OperationSpec } from '../spec.js';

export const SDK = { elasticache: '@aws-sdk/client-elasticache' } as const;

export const OPERATIONS = [
  {
    key: 'elasticache:DescribeCacheClusters',
    scope: 'regional',
    records: [{ path: 'CacheClusters/*', type: 'AWS::ElastiCache::CacheCluster', arn: 'ARN' }],
    // Encryption flags default to false and may be left out; a cluster outside a VPC names no subnet group.
    unset: { CacheCluster: ['TransitEncryptionEnabled', 'AtRestEncryptionEnabled', 'CacheSubnetGroupName', 'ReplicationGroupId', 'EngineVersion', 'TransitEncryptionMode'] },
    needs: { CacheClusterMessage: ['CacheClusters'], CacheCluster: ['CacheClusterId', 'ARN', 'Engine'] },
  },
  {
    key: 'elasticache:DescribeCacheSubnetGroups',
    scope: 'regional',
    records: [
      {
        path: 'CacheSubnetGroups/*',
        type: 'AWS::ElastiCache::SubnetGroup',
        id: 'CacheSubnetGroupName',
        arnOf: (id, at) => `arn:${at.partition}:elasticache:${at.region}:${at.accountId}:subnetgroup:${id}`,
      },
    ],
    needs: { CacheSubnetGroupMessage: ['CacheSubnetGroups'], CacheSubnetGroup: ['CacheSubnetGroupName', 'Subnets'], Subnet: ['SubnetIdentifier'] },
  },
] as const satisfies readonly OperationSpec[];
