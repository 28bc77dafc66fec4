/** AWS Systems Manager managed nodes and their patch state in the typed inventory. */
import type { Observed, Resource } from '../../inventory/base.js';

/** What Patch Manager last reported for a node (DescribeInstancePatchStates). */
export interface PatchState {
  baselineId: string;
  patchGroup?: string;
  /** `Scan` or `Install`. */
  operation: string;
  operationEndTime: string;
  missingCount: number;
  failedCount: number;
  /** Missing patches classified critical / security by the baseline (absent on old agents). */
  criticalNonCompliantCount?: number;
  securityNonCompliantCount?: number;
  installedPendingRebootCount?: number;
}

/** A node SSM manages: an EC2 instance (`i-...`) or a hybrid node (`mi-...`). */
export interface SsmManagedInstance extends Resource {
  type: 'AWS::SSM::ManagedInstance';
  instanceId: string;
  /** `Online`, `ConnectionLost` or `Inactive`. */
  pingStatus: string;
  /** `EC2Instance` or `ManagedInstance` (hybrid). */
  resourceType?: string;
  lastPing?: string;
  platformType?: string;
  platformName?: string;
  agentVersion?: string;
  /** The node's patch state, or null when Patch Manager never scanned it. */
  patchState: Observed<PatchState | null>;
}
