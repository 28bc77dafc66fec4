import type { JSONSchemaType } from 'ajv';
import { defineCheck, fail, notApplicable, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

export default defineCheck<Params>({
  id: 'elasticache-at-rest-encryption',
  title: 'ElastiCache Redis OSS and Valkey clusters encrypt data at rest',
  severity: 'medium',
  resourceType: 'AWS::ElastiCache::CacheCluster',
  requires: ['elasticache:DescribeCacheClusters'],
  rationale:
    'Redis OSS and Valkey write the cache to disk for backups, replication and swap; at-rest encryption (chosen at creation) keeps those copies and the snapshots exported from them unreadable outside the service. ' +
    'Node-based Memcached keeps nothing but memory and offers no at-rest encryption: it is not applicable.',
  remediation:
    'At-rest encryption cannot be added in place: create a replication group with --at-rest-encryption-enabled (and a KMS key), restore it from a backup of the old one, switch clients, delete the old group.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.cacheClusters.map((c) => {
      const evidence = { engine: c.engine, atRestEncryptionEnabled: c.atRestEncryption };
      if (c.engine === 'memcached') return notApplicable(c, `ElastiCache cluster ${c.id} runs Memcached, which holds data only in memory and has no at-rest encryption.`, evidence);
      return c.atRestEncryption
        ? pass(c, `ElastiCache ${c.engine} cluster ${c.id} encrypts data at rest.`, evidence)
        : fail(c, `ElastiCache ${c.engine} cluster ${c.id} does not encrypt data at rest.`, evidence);
    });
  },
});
