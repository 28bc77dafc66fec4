import { describe, expect, it } from 'vitest';
import check from '../../src/checks/elasticache-at-rest-encryption.js';
import type { Status } from '../../src/checks/types.js';
import type { CacheCluster } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, runCheck, type Failure } from '../helpers/check-harness.js';
import { cacheCluster } from '../helpers/data-stores.js';

const arn = (id: string) => `arn:aws:elasticache:${REGION}:${ACCOUNT}:cluster:${id}`;
type Case = { name: string; clusters: CacheCluster[]; failed?: Failure[]; expected: { status: Status; arn: string; evidence?: unknown }[] };

const cases: Case[] = [
  { name: 'Redis encrypted at rest', clusters: [cacheCluster('tokens')], expected: [{ status: 'pass', arn: arn('tokens'), evidence: { engine: 'redis', atRestEncryptionEnabled: true } }] },
  { name: 'Valkey not encrypted at rest', clusters: [cacheCluster('queue', { engine: 'valkey', atRestEncryption: false })], expected: [{ status: 'fail', arn: arn('queue'), evidence: { engine: 'valkey', atRestEncryptionEnabled: false } }] },
  { name: 'Memcached keeps nothing at rest: not applicable', clusters: [cacheCluster('sessions', { engine: 'memcached', atRestEncryption: false })], expected: [{ status: 'not_applicable', arn: arn('sessions') }] },
  { name: 'DescribeCacheClusters denied', clusters: [], failed: ['elasticache:DescribeCacheClusters'], expected: [{ status: 'error', arn: `arn:aws:elasticache:${REGION}:${ACCOUNT}:*` }] },
  { name: 'no cache', clusters: [], expected: [{ status: 'not_applicable', arn: `arn:aws:elasticache::${ACCOUNT}:*` }] },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ clusters, failed, expected }) => {
    const results = runCheck(check, { cacheClusters: clusters, ...(failed ? { failed } : {}) });
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });
});
