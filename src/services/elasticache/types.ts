/** Amazon ElastiCache in the typed inventory. */
import type { Resource } from '../../inventory/base.js';

export interface CacheCluster extends Resource {
  type: 'AWS::ElastiCache::CacheCluster';
  /** `memcached`, `redis`, `valkey`. */
  engine: string;
  engineVersion?: string;
  transitEncryption: boolean;
  /** `preferred` lets clients connect without TLS during a migration; `required` does not. */
  transitEncryptionMode?: string;
  atRestEncryption: boolean;
  replicationGroupId?: string;
  subnetGroupName?: string;
}

export interface CacheSubnetGroup extends Resource {
  type: 'AWS::ElastiCache::SubnetGroup';
  vpcId?: string;
  subnetIds: string[];
}
