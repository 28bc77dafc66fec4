import { describe, expect, it } from 'vitest';
import check from '../../src/checks/elasticache-in-transit-encryption.js';
import type { Status } from '../../src/checks/types.js';
import type { CacheCluster } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, runCheck, type Failure } from '../helpers/check-harness.js';
import { cacheCluster } from '../helpers/data-stores.js';

const arn = (id: string) => `arn:aws:elasticache:${REGION}:${ACCOUNT}:cluster:${id}`;
type Case = { name: string; clusters: CacheCluster[]; params?: { allowPreferredMode: boolean }; failed?: Failure[]; expected: { status: Status; arn: string; evidence?: unknown }[] };

const cases: Case[] = [
  { name: 'Redis with TLS required', clusters: [cacheCluster('tokens', { transitEncryptionMode: 'required' })], expected: [{ status: 'pass', arn: arn('tokens'), evidence: { engine: 'redis', engineVersion: null, transitEncryptionEnabled: true, transitEncryptionMode: 'required' } }] },
  {
    name: 'Memcached without TLS',
    clusters: [cacheCluster('sessions', { engine: 'memcached', engineVersion: '1.4.34', transitEncryption: false, atRestEncryption: false })],
    expected: [{ status: 'fail', arn: arn('sessions'), evidence: { engine: 'memcached', engineVersion: '1.4.34', transitEncryptionEnabled: false, transitEncryptionMode: null } }],
  },
  { name: 'preferred mode still accepts plaintext ...', clusters: [cacheCluster('tokens', { transitEncryptionMode: 'preferred' })], expected: [{ status: 'fail', arn: arn('tokens') }] },
  { name: '... unless allowed during a migration', clusters: [cacheCluster('tokens', { transitEncryptionMode: 'preferred' })], params: { allowPreferredMode: true }, expected: [{ status: 'pass', arn: arn('tokens') }] },
  { name: 'DescribeCacheClusters denied', clusters: [], failed: ['elasticache:DescribeCacheClusters'], expected: [{ status: 'error', arn: `arn:aws:elasticache:${REGION}:${ACCOUNT}:*` }] },
  { name: 'no cache', clusters: [], expected: [{ status: 'not_applicable', arn: `arn:aws:elasticache::${ACCOUNT}:*` }] },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ clusters, params, failed, expected }) => {
    const results = runCheck(check, { cacheClusters: clusters, ...(failed ? { failed } : {}) }, params);
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });
});
