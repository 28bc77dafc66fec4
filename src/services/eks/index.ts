import type { DescribeClusterCommandOutput, ListClustersCommandOutput } from '@aws-sdk/client-eks';
import type { Raw } from '../../inventory/base.js';
import { isCidr4, isCidr6 } from '../../inventory/net.js';
import { defineService } from '../define.js';
import type { ServiceSource } from '../source.js';
import { OPERATIONS } from './operations.js';
import { SHAPES } from './shapes.generated.js';
import type { EksCluster, EksClusterDetail } from './types.js';

const DESCRIBE = 'eks:DescribeCluster';

function detailOf(src: ServiceSource, region: string, name: string): EksCluster['detail'] {
  const got = src.perResource<Raw<DescribeClusterCommandOutput>>(region, DESCRIBE, name);
  if (!got.ok) return got;
  const c = got.value.cluster!;
  // Asked for one cluster: an answer about another is no answer.
  if (c.name !== name) return { ok: false, error: src.unusableResource(DESCRIBE, region, name, '/cluster/name', `the cluster ${name} that was asked for`) };
  if (!/^\d+\.\d+$/.test(c.version!)) return { ok: false, error: src.unusableResource(DESCRIBE, region, name, '/cluster/version', 'a Kubernetes minor version such as 1.31') };
  const vpc = c.resourcesVpcConfig!;
  // A value no cluster can have is unreadable, not a setting: an empty CIDR would read as "nobody allowed",
  // an empty log type or encrypted resource as "that one is off".
  const badCidr = (vpc.publicAccessCidrs ?? []).findIndex((cidr) => !isCidr4(cidr) && !isCidr6(cidr));
  if (badCidr >= 0) return { ok: false, error: src.unusableResource(DESCRIBE, region, name, `/cluster/resourcesVpcConfig/publicAccessCidrs/${badCidr}`, 'an IPv4 or IPv6 CIDR') };
  for (const [i, setup] of c.logging!.clusterLogging!.entries()) {
    const bad = (setup.types ?? []).findIndex((t) => String(t) === '');
    if (bad >= 0) return { ok: false, error: src.unusableResource(DESCRIBE, region, name, `/cluster/logging/clusterLogging/${i}/types/${bad}`, 'a log type such as audit') };
  }
  for (const [i, e] of (c.encryptionConfig ?? []).entries()) {
    const bad = e.resources!.findIndex((r) => r === '');
    if (bad >= 0) return { ok: false, error: src.unusableResource(DESCRIBE, region, name, `/cluster/encryptionConfig/${i}/resources/${bad}`, 'a resource type such as secrets') };
  }
  const detail: EksClusterDetail = {
    version: c.version!,
    endpointPublicAccess: vpc.endpointPublicAccess!,
    endpointPrivateAccess: vpc.endpointPrivateAccess!,
    publicAccessCidrs: [...(vpc.publicAccessCidrs ?? [])].sort(),
    enabledLogTypes: [...new Set(c.logging!.clusterLogging!.flatMap((l) => (l.enabled ? (l.types ?? []).map(String) : [])))].sort(),
    encryption: (c.encryptionConfig ?? []).map((e) => ({ resources: [...e.resources!].sort(), keyArn: e.provider!.keyArn! })),
  };
  if (c.status) detail.status = String(c.status);
  if (c.platformVersion) detail.platformVersion = c.platformVersion;
  return { ok: true, value: detail };
}

function buildClusters(src: ServiceSource, region: string): EksCluster[] {
  const listed = src.call<Raw<ListClustersCommandOutput>>(region, 'eks:ListClusters');
  if (!listed.ok || listed.value === null) return [];
  const names = listed.value.clusters!;
  const empty = names.findIndex((n) => n === '');
  if (empty >= 0) {
    src.unusable('eks:ListClusters', region, `/clusters/${empty}`, 'a cluster name');
    return [];
  }
  return [...names].sort().map((name) => ({
    type: 'AWS::EKS::Cluster',
    arn: `arn:${src.partition}:eks:${region}:${src.accountId}:cluster/${name}`,
    id: name,
    name,
    account: src.accountId,
    region,
    tags: {},
    detail: detailOf(src, region, name),
  }));
}

export default defineService<{ eksClusters: EksCluster[] }>({
  name: 'eks',
  title: 'Amazon Elastic Kubernetes Service',
  operations: OPERATIONS,
  shapes: SHAPES,
  build: (src) => ({ eksClusters: src.regions.flatMap((r) => buildClusters(src, r)) }),
  empty: () => ({ eksClusters: [] }),
  collector: async () => (await import('./collect.js')).default,
});
