import type { DescribeCacheClustersCommandOutput, DescribeCacheSubnetGroupsCommandOutput } from '@aws-sdk/client-elasticache';
import type { Raw } from '../../inventory/base.js';
import { defineService } from '../define.js';
import type { ServiceSource } from '../source.js';
import { OPERATIONS } from './operations.js';
import { SHAPES } from './shapes.generated.js';
import type { CacheCluster, CacheSubnetGroup } from './types.js';

type Item<T> = NonNullable<T> extends readonly (infer U)[] ? U : never;
type Collections = { cacheClusters: CacheCluster[]; cacheSubnetGroups: CacheSubnetGroup[] };
const CLUSTER_ARN = /^arn:[^:]+:elasticache:[^:]+:\d{12}:cluster:.+$/;

function buildRegion(src: ServiceSource, region: string): Collections {
  const cacheClusters = src.records<Item<Raw<DescribeCacheClustersCommandOutput>['CacheClusters']>, CacheCluster>(region, 'elasticache:DescribeCacheClusters', 'CacheClusters/*', (c, at) => {
    at.expect(CLUSTER_ARN.test(c.ARN!), '/ARN', 'an ElastiCache cluster ARN');
    const cluster: CacheCluster = {
      type: 'AWS::ElastiCache::CacheCluster',
      arn: c.ARN!,
      id: c.CacheClusterId!,
      account: src.accountId,
      region,
      tags: {},
      engine: c.Engine!,
      transitEncryption: c.TransitEncryptionEnabled === true,
      atRestEncryption: c.AtRestEncryptionEnabled === true,
    };
    if (c.EngineVersion) cluster.engineVersion = c.EngineVersion;
    if (c.TransitEncryptionMode) cluster.transitEncryptionMode = c.TransitEncryptionMode;
    if (c.ReplicationGroupId) cluster.replicationGroupId = c.ReplicationGroupId;
    if (c.CacheSubnetGroupName) cluster.subnetGroupName = c.CacheSubnetGroupName;
    return cluster;
  });
  const cacheSubnetGroups = src.records<Item<Raw<DescribeCacheSubnetGroupsCommandOutput>['CacheSubnetGroups']>, CacheSubnetGroup>(
    region,
    'elasticache:DescribeCacheSubnetGroups',
    'CacheSubnetGroups/*',
    (g) => {
      const name = g.CacheSubnetGroupName!;
      const group: CacheSubnetGroup = {
        type: 'AWS::ElastiCache::SubnetGroup',
        arn: `arn:${src.partition}:elasticache:${region}:${src.accountId}:subnetgroup:${name}`,
        id: name,
        account: src.accountId,
        region,
        tags: {},
        subnetIds: [...new Set(g.Subnets!.map((s) => s.SubnetIdentifier!))].sort(),
      };
      if (g.VpcId) group.vpcId = g.VpcId;
      return group;
    },
  );
  return { cacheClusters, cacheSubnetGroups };
}

export default defineService<Collections>({
  name: 'elasticache',
  title: 'Amazon ElastiCache',
  operations: OPERATIONS,
  shapes: SHAPES,
  build: (src) => {
    const out: Collections = { cacheClusters: [], cacheSubnetGroups: [] };
    for (const region of src.regions) {
      const r = buildRegion(src, region);
      out.cacheClusters.push(...r.cacheClusters);
      out.cacheSubnetGroups.push(...r.cacheSubnetGroups);
    }
    return out;
  },
  empty: () => ({ cacheClusters: [], cacheSubnetGroups: [] }),
  collector: async () => (await import('./collect.js')).default,
});
