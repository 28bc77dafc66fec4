/** Amazon Data Lifecycle Manager: lifecycle policies and, per policy, what it targets (EBS snapshot automation). */
import type { OperationSpec } from '../spec.js';

export const SDK = { dlm: '@aws-sdk/client-dlm' } as const;

export const OPERATIONS = [
  {
    key: 'dlm:GetLifecyclePolicies',
    scope: 'regional',
    records: [{ path: 'Policies/*', type: 'AWS::DLM::LifecyclePolicy', id: 'PolicyId', arnOf: (id, at) => `arn:${at.partition}:dlm:${at.region}:${at.accountId}:policy/${id}` }],
    needs: { GetLifecyclePoliciesResponse: ['Policies'], LifecyclePolicySummary: ['PolicyId', 'State'] },
  },
  {
    key: 'dlm:GetLifecyclePolicy',
    scope: 'regional',
    perResource: { from: 'dlm:GetLifecyclePolicies', id: 'lifecycle policy id' },
    // Default policies (PolicyLanguage SIMPLIFIED) name a ResourceType and exclusions; custom ones ResourceTypes and TargetTags.
    unset: {
      LifecyclePolicy: ['DefaultPolicy'],
      PolicyDetails: ['PolicyType', 'ResourceTypes', 'TargetTags', 'PolicyLanguage', 'ResourceType', 'Exclusions', 'Parameters', 'Schedules', 'Actions', 'CrossRegionCopyTargets'],
      Exclusions: ['ExcludeBootVolumes', 'ExcludeVolumeTypes', 'ExcludeTags'],
      Parameters: ['ExcludeBootVolume', 'ExcludeDataVolumeTags'],
      // Copies to other regions: TargetRegion of a schedule's rule (Target is an Outpost), a default policy's targets.
      Schedule: ['CrossRegionCopyRules'],
      CrossRegionCopyRule: ['TargetRegion', 'Target'],
      CrossRegionCopyTarget: ['TargetRegion'],
    },
    needs: { GetLifecyclePolicyResponse: ['Policy'], LifecyclePolicy: ['PolicyId', 'State', 'PolicyDetails'], Tag: ['Key', 'Value'], CrossRegionCopyAction: ['Target'] },
  },
] as const satisfies readonly OperationSpec[];
