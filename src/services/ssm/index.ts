import type { DescribeInstanceInformationCommandOutput, DescribeInstancePatchStatesCommandOutput } from '@aws-sdk/client-ssm';
import type { Observed, Raw } from '../../inventory/base.js';
import { defineService } from '../define.js';
import type { ServiceSource } from '../source.js';
import { OPERATIONS } from './operations.js';
import { SHAPES } from './shapes.generated.js';
import type { PatchState, SsmManagedInstance } from './types.js';

type Item<T> = NonNullable<T> extends readonly (infer U)[] ? U : never;
const PATCH_STATES = 'ssm:DescribeInstancePatchStates';

/** A node's patch state: the one entry DescribeInstancePatchStates answered for it, or null when it has none. */
function patchStateOf(src: ServiceSource, region: string, instanceId: string): Observed<PatchState | null> {
  const got = src.perResource<Raw<DescribeInstancePatchStatesCommandOutput>>(region, PATCH_STATES, instanceId);
  if (!got.ok) return got;
  const states = got.value.InstancePatchStates!;
  if (states.length === 0) return { ok: true, value: null };
  // Asked for one instance: one state, of that instance. Anything else is not an answer to the question.
  const other = states.findIndex((s) => s.InstanceId !== instanceId);
  if (states.length > 1 || other >= 0) {
    const at = states.length > 1 ? '/InstancePatchStates/1' : `/InstancePatchStates/${other}/InstanceId`;
    return { ok: false, error: src.unusableResource(PATCH_STATES, region, instanceId, at, `the patch state of ${instanceId} alone`) };
  }
  const s = states[0]!;
  const state: PatchState = {
    baselineId: s.BaselineId!,
    operation: String(s.Operation),
    operationEndTime: s.OperationEndTime!,
    missingCount: s.MissingCount!,
    failedCount: s.FailedCount!,
  };
  if (s.PatchGroup) state.patchGroup = s.PatchGroup;
  if (s.CriticalNonCompliantCount !== undefined) state.criticalNonCompliantCount = s.CriticalNonCompliantCount;
  if (s.SecurityNonCompliantCount !== undefined) state.securityNonCompliantCount = s.SecurityNonCompliantCount;
  if (s.InstalledPendingRebootCount !== undefined) state.installedPendingRebootCount = s.InstalledPendingRebootCount;
  return { ok: true, value: state };
}

function buildManagedInstances(src: ServiceSource, region: string): SsmManagedInstance[] {
  return src.records<Item<Raw<DescribeInstanceInformationCommandOutput>['InstanceInformationList']>, SsmManagedInstance>(
    region,
    'ssm:DescribeInstanceInformation',
    'InstanceInformationList/*',
    (i, at) => {
      const id = i.InstanceId!;
      at.expect(/^(i|mi)-[0-9a-f]+$/.test(id), '/InstanceId', 'an EC2 instance id (i-...) or a managed node id (mi-...)');
      const node: SsmManagedInstance = {
        type: 'AWS::SSM::ManagedInstance',
        arn: `arn:${src.partition}:ssm:${region}:${src.accountId}:managed-instance/${id}`,
        id,
        account: src.accountId,
        region,
        tags: {},
        instanceId: id,
        pingStatus: String(i.PingStatus),
        patchState: patchStateOf(src, region, id),
      };
      if (i.ComputerName) node.name = i.ComputerName;
      if (i.ResourceType) node.resourceType = String(i.ResourceType);
      if (i.LastPingDateTime) node.lastPing = i.LastPingDateTime;
      if (i.PlatformType) node.platformType = String(i.PlatformType);
      if (i.PlatformName) node.platformName = i.PlatformName;
      if (i.AgentVersion) node.agentVersion = i.AgentVersion;
      return node;
    },
  );
}

export default defineService<{ ssmManagedInstances: SsmManagedInstance[] }>({
  name: 'ssm',
  title: 'AWS Systems Manager',
  operations: OPERATIONS,
  shapes: SHAPES,
  build: (src) => ({ ssmManagedInstances: src.regions.flatMap((r) => buildManagedInstances(src, r)) }),
  empty: () => ({ ssmManagedInstances: [] }),
  collector: async () => (await import('./collect.js')).default,
});
