import type { ServiceFake } from '../define.js';

/** A Memcached session cache in ap-south-1's private subnet, without TLS. */
const fake: ServiceFake = (scope, account) => {
  if (scope === 'global') return {};
  if (scope !== 'ap-south-1') return { 'elasticache:DescribeCacheClusters': { CacheClusters: [] }, 'elasticache:DescribeCacheSubnetGroups': { CacheSubnetGroups: [] } };
  return {
    'elasticache:DescribeCacheClusters': {
      CacheClusters: [
        {
          CacheClusterId: 'sessions',
          ARN: `arn:aws:elasticache:${scope}:${account}:cluster:sessions`,
          Engine: 'memcached',
          EngineVersion: '1.6.22',
          CacheNodeType: 'cache.t4g.small',
          CacheClusterStatus: 'available',
          NumCacheNodes: 2,
          CacheSubnetGroupName: 'private',
          TransitEncryptionEnabled: false,
          AtRestEncryptionEnabled: false,
        },
      ],
    },
    'elasticache:DescribeCacheSubnetGroups': {
      CacheSubnetGroups: [{ CacheSubnetGroupName: 'private', VpcId: 'vpc-0a00000000000001', Subnets: [{ SubnetIdentifier: 'subnet-0a1', SubnetAvailabilityZone: { Name: `${scope}a` } }] }],
    },
  };
};

export default fake;
