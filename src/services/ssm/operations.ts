/**
 * AWS Systems Manager: the nodes SSM manages in each region, and per managed
 * EC2 instance its Patch Manager patch state (the last scan or install).
 */
import type { OperationSpec } from '../spec.js';

export const SDK = { ssm: '@aws-sdk/client-ssm' } as const;

export const OPERATIONS = [
  {
    key: 'ssm:DescribeInstanceInformation',
    scope: 'regional',
    records: [{ path: 'InstanceInformationList/*', type: 'AWS::SSM::ManagedInstance', id: 'InstanceId', arnOf: (id, at) => `arn:${at.partition}:ssm:${at.region}:${at.accountId}:managed-instance/${id}` }],
    // A node that never reported its platform or agent has none of these.
    unset: { InstanceInformation: ['PlatformType', 'PlatformName', 'AgentVersion', 'LastPingDateTime', 'ComputerName', 'ResourceType', 'IsLatestVersion'] },
    needs: { DescribeInstanceInformationResult: ['InstanceInformationList'], InstanceInformation: ['InstanceId', 'PingStatus'] },
  },
  {
    key: 'ssm:DescribeInstancePatchStates',
    scope: 'regional',
    perResource: { from: 'ssm:DescribeInstanceInformation', id: 'managed EC2 instance id' },
    request: 'InstanceIds=[id]',
    // An instance Patch Manager never scanned has no patch state: an empty list. Older agents report no security or pending-reboot counts.
    unset: {
      InstancePatchState: ['CriticalNonCompliantCount', 'SecurityNonCompliantCount', 'OtherNonCompliantCount', 'InstalledPendingRebootCount', 'InstalledRejectedCount', 'PatchGroup', 'RebootOption'],
    },
    needs: {
      DescribeInstancePatchStatesResult: ['InstancePatchStates'],
      InstancePatchState: ['InstanceId', 'BaselineId', 'Operation', 'OperationEndTime', 'MissingCount', 'FailedCount'],
    },
  },
] as const satisfies readonly OperationSpec[];
