import type { DescribeRepositoriesCommandOutput, GetRegistryScanningConfigurationCommandOutput, GetRepositoryPolicyCommandOutput } from '@aws-sdk/client-ecr';
import type { Observed, PolicyDocument, Raw } from '../../inventory/base.js';
import { parsePolicy } from '../../inventory/policy.js';
import { defineService } from '../define.js';
import type { ServiceSource } from '../source.js';
import { OPERATIONS } from './operations.js';
import { SHAPES } from './shapes.generated.js';
import type { EcrRegistryScanning, EcrRepository } from './types.js';

type Item<T> = NonNullable<T> extends readonly (infer U)[] ? U : never;

function policyOf(src: ServiceSource, region: string, name: string): Observed<PolicyDocument | null> {
  const got = src.perResourceOrAbsent<Raw<GetRepositoryPolicyCommandOutput>>(region, 'ecr:GetRepositoryPolicy', name);
  if (!got.ok) return got;
  if (got.value === null) return { ok: true, value: null };
  try {
    return { ok: true, value: parsePolicy(got.value.policyText!) };
  } catch {
    return { ok: false, error: src.unusableResource('ecr:GetRepositoryPolicy', region, name, '/policyText', 'a JSON repository policy') };
  }
}

function buildRepositories(src: ServiceSource, region: string): EcrRepository[] {
  return src.records<Item<Raw<DescribeRepositoriesCommandOutput>['repositories']>, EcrRepository>(region, 'ecr:DescribeRepositories', 'repositories/*', (r, at) => {
    at.expect(/^arn:[^:]+:ecr:[^:]+:\d{12}:repository\/.+$/.test(r.repositoryArn!), '/repositoryArn', 'an ECR repository ARN');
    return {
      type: 'AWS::ECR::Repository',
      arn: r.repositoryArn!,
      id: r.repositoryName!,
      name: r.repositoryName!,
      account: src.accountId,
      region,
      tags: {},
      tagMutability: String(r.imageTagMutability),
      scanOnPush: r.imageScanningConfiguration!.scanOnPush!,
      policy: policyOf(src, region, r.repositoryName!),
    };
  });
}

function buildRegistry(src: ServiceSource, region: string): EcrRegistryScanning | undefined {
  const got = src.call<Raw<GetRegistryScanningConfigurationCommandOutput>>(region, 'ecr:GetRegistryScanningConfiguration');
  if (!got.ok || got.value === null) return undefined;
  const c = got.value.scanningConfiguration!;
  return {
    type: 'AWS::ECR::RegistryScanningConfiguration',
    arn: `arn:${src.partition}:ecr:${region}:${src.accountId}:registry/scanning-configuration`,
    id: `ecr-registry-scanning/${region}`,
    account: src.accountId,
    region,
    tags: {},
    scanType: String(c.scanType),
    rules: (c.rules ?? []).map((rule) => ({
      frequency: String(rule.scanFrequency),
      filters: rule.repositoryFilters!.map((f) => ({ filter: f.filter!, type: String(f.filterType) })),
    })),
  };
}

export default defineService<{ ecrRepositories: EcrRepository[]; ecrRegistryScanning: EcrRegistryScanning[] }>({
  name: 'ecr',
  title: 'Amazon Elastic Container Registry',
  operations: OPERATIONS,
  shapes: SHAPES,
  build: (src) => ({
    ecrRepositories: src.regions.flatMap((r) => buildRepositories(src, r)),
    ecrRegistryScanning: src.regions.flatMap((r) => buildRegistry(src, r) ?? []),
  }),
  empty: () => ({ ecrRepositories: [], ecrRegistryScanning: [] }),
  collector: async () => (await import('./collect.js')).default,
});
