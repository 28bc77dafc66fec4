/** Amazon Data Lifecycle Manager policies in the typed inventory. */
import type { Observed, Resource } from '../../inventory/base.js';

/** What an EBS snapshot policy targets, read from GetLifecyclePolicy. */
export interface DlmPolicyDetails {
  /** `EBS_SNAPSHOT_MANAGEMENT` (the default), `IMAGE_MANAGEMENT`, `EVENT_BASED_POLICY`. */
  policyType: string;
  /** A default policy: every volume (or instance) of the region that has no recent snapshot, less its exclusions. */
  defaultPolicy: boolean;
  /** `VOLUME` and/or `INSTANCE` (a default policy's single ResourceType goes here too). */
  resourceTypes: string[];
  /** Custom policies: resources with any of these tags (`key=value`) are targeted. */
  targetTags: string[];
  /** Whether it schedules snapshots at all (custom policies list schedules; default policies always do). */
  hasSchedules: boolean;
  /** Exclusions: boot volumes, volume types and tags (`key=value`) the policy leaves out. */
  excludeBootVolumes: boolean;
  excludeVolumeTypes: string[];
  excludeTags: string[];
  /** Regions its snapshots (or AMIs) are copied to (cross-region copy rules and actions), sorted. */
  copyRegions: string[];
}

export interface DlmPolicy extends Resource {
  type: 'AWS::DLM::LifecyclePolicy';
  /** `ENABLED`, `DISABLED`, `ERROR`. */
  state: string;
  details: Observed<DlmPolicyDetails>;
}
