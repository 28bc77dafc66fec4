import type { JSONSchemaType } from 'ajv';
import { defineCheck, fail, pass } from './define.js';

interface Params {
  allowPreferredMode: boolean;
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['allowPreferredMode'],
  properties: { allowPreferredMode: { type: 'boolean' } },
};

export default defineCheck<Params>({
  id: 'elasticache-in-transit-encryption',
  title: 'ElastiCache clusters require TLS between clients and cache nodes',
  severity: 'medium',
  resourceType: 'AWS::ElastiCache::CacheCluster',
  requires: ['elasticache:DescribeCacheClusters'],
  rationale:
    'A cache holds what the application reads most: sessions, tokens, customer and coupon records. Without in-transit encryption anyone who can see the VPC traffic (a compromised instance, a mirrored ENI) reads them; ' +
    'Memcached (1.6.12 and later), Redis OSS and Valkey support TLS (PCI DSS 4.2.1 where cardholder data crosses, MAS TRM 11.1.1(a)).',
  remediation:
    'Create the cluster with --transit-encryption-enabled (Memcached needs engine 1.6.12+; Redis OSS 7+ and Valkey can switch an existing replication group through TransitEncryptionMode preferred, then required), update the clients to connect with TLS, and retire the plaintext cluster.',
  schema,
  defaults: { allowPreferredMode: false },
  paramDocs: { allowPreferredMode: 'Whether TransitEncryptionMode "preferred" (TLS offered, plaintext still accepted during a migration) passes; default false' },
  evaluate(inv, { allowPreferredMode }) {
    return inv.cacheClusters.map((c) => {
      const evidence = { engine: c.engine, engineVersion: c.engineVersion ?? null, transitEncryptionEnabled: c.transitEncryption, transitEncryptionMode: c.transitEncryptionMode ?? null };
      if (!c.transitEncryption) return fail(c, `ElastiCache ${c.engine} cluster ${c.id} accepts clients without TLS.`, evidence);
      if (c.transitEncryptionMode === 'preferred' && !allowPreferredMode) return fail(c, `ElastiCache cluster ${c.id} offers TLS but still accepts plaintext clients (TransitEncryptionMode preferred).`, evidence);
      return pass(c, `ElastiCache ${c.engine} cluster ${c.id} encrypts client traffic with TLS.`, evidence);
    });
  },
});
