import type { GetLifecyclePoliciesCommandOutput, GetLifecyclePolicyCommandOutput } from '@aws-sdk/client-dlm';
import type { Observed, Raw } from '../../inventory/base.js';
import { defineService } from '../define.js';
import type { ServiceSource } from '../source.js';
import { OPERATIONS } from './operations.js';
import { SHAPES } from './shapes.generated.js';
import type { DlmPolicy, DlmPolicyDetails } from './types.js';

type Item<T> = NonNullable<T> extends readonly (infer U)[] ? U : never;
const tagText = (tags: { Key?: string; Value?: string }[] | undefined) => (tags ?? []).map((t) => `${t.Key}=${t.Value}`).sort();

function details(src: ServiceSource, region: string, id: string): Observed<DlmPolicyDetails> {
  const got = src.perResource<Raw<GetLifecyclePolicyCommandOutput>>(region, 'dlm:GetLifecyclePolicy', id);
  if (!got.ok) return got;
  const p = got.value.Policy!;
  const d = p.PolicyDetails!;
  const defaultPolicy = p.DefaultPolicy === true;
  const policyType = d.PolicyType || 'EBS_SNAPSHOT_MANAGEMENT';
  // A snapshot or AMI policy always says what it snapshots (ResourceTypes, or a default policy's ResourceType);
  // without it, or with an empty one, "targets nothing" would fail volumes a real policy covers.
  const blank = (d.ResourceTypes ?? []).findIndex((t) => String(t) === '');
  if (blank >= 0) return { ok: false, error: src.unusableResource('dlm:GetLifecyclePolicy', region, id, `/Policy/PolicyDetails/ResourceTypes/${blank}`, 'VOLUME or INSTANCE') };
  if (policyType !== 'EVENT_BASED_POLICY' && (d.ResourceTypes ?? []).length === 0 && !d.ResourceType) {
    return { ok: false, error: src.unusableResource('dlm:GetLifecyclePolicy', region, id, '/Policy/PolicyDetails', 'ResourceTypes (or a default policy\'s ResourceType)') };
  }
  return {
    ok: true,
    value: {
      policyType,
      defaultPolicy,
      resourceTypes: [...new Set([...(d.ResourceTypes ?? []), ...(d.ResourceType ? [d.ResourceType] : [])])].sort(),
      targetTags: tagText(d.TargetTags),
      hasSchedules: defaultPolicy || (d.Schedules ?? []).length > 0,
      excludeBootVolumes: d.Exclusions?.ExcludeBootVolumes === true || d.Parameters?.ExcludeBootVolume === true,
      excludeVolumeTypes: [...(d.Exclusions?.ExcludeVolumeTypes ?? [])].sort(),
      excludeTags: [...tagText(d.Exclusions?.ExcludeTags), ...tagText(d.Parameters?.ExcludeDataVolumeTags)].sort(),
      copyRegions: [
        ...new Set([
          ...(d.Schedules ?? []).flatMap((sc) => (sc.CrossRegionCopyRules ?? []).flatMap((r) => (r.TargetRegion ? [r.TargetRegion] : []))),
          ...(d.Actions ?? []).flatMap((a) => (a.CrossRegionCopy ?? []).map((c) => c.Target!)),
          ...(d.CrossRegionCopyTargets ?? []).flatMap((t) => (t.TargetRegion ? [t.TargetRegion] : [])),
        ]),
      ].sort(),
    },
  };
}

function buildPolicies(src: ServiceSource, region: string): DlmPolicy[] {
  return src.records<Item<Raw<GetLifecyclePoliciesCommandOutput>['Policies']>, DlmPolicy>(region, 'dlm:GetLifecyclePolicies', 'Policies/*', (p) => ({
    type: 'AWS::DLM::LifecyclePolicy',
    arn: `arn:${src.partition}:dlm:${region}:${src.accountId}:policy/${p.PolicyId!}`,
    id: p.PolicyId!,
    ...(p.Description ? { name: p.Description } : {}),
    account: src.accountId,
    region,
    tags: {},
    state: p.State!,
    details: details(src, region, p.PolicyId!),
  }));
}

export default defineService<{ dlmPolicies: DlmPolicy[] }>({
  name: 'dlm',
  title: 'Amazon Data Lifecycle Manager',
  operations: OPERATIONS,
  shapes: SHAPES,
  build: (src) => ({ dlmPolicies: src.regions.flatMap((r) => buildPolicies(src, r)) }),
  empty: () => ({ dlmPolicies: [] }),
  collector: async () => (await import('./collect.js')).default,
});
