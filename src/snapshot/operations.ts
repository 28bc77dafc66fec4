/**
 * Every AWS call archscan reads, in one table: the snapshot keys, the
 * inventory's expectations, the collectors (later) and the generated IAM
 * policy all come from here. Keys are `service:Operation`, which is also the
 * IAM action each call needs.
 */

export interface Operation {
  key: `${string}:${string}`;
  /** `global` calls are made once (IAM); `regional` in every scanned region. */
  scope: 'global' | 'regional';
  /** Per-resource calls are stored under `perResource[key][resourceId]`. */
  perResource: boolean;
  /**
   * Error codes that mean "this feature is not set up" rather than "the call
   * failed": data, not an error (no password policy is a finding, not a gap).
   */
  absentCodes?: readonly string[];
}

export const OPERATIONS = [
  { key: 'iam:GetCredentialReport', scope: 'global', perResource: false },
  { key: 'iam:GetAccountPasswordPolicy', scope: 'global', perResource: false, absentCodes: ['NoSuchEntity'] },

  { key: 'ec2:DescribeVpcs', scope: 'regional', perResource: false },
  { key: 'ec2:DescribeSubnets', scope: 'regional', perResource: false },
  { key: 'ec2:DescribeRouteTables', scope: 'regional', perResource: false },
  { key: 'ec2:DescribeInternetGateways', scope: 'regional', perResource: false },
  { key: 'ec2:DescribeSecurityGroups', scope: 'regional', perResource: false },
  { key: 'ec2:DescribeNetworkAcls', scope: 'regional', perResource: false },
  { key: 'ec2:GetManagedPrefixListEntries', scope: 'regional', perResource: true },
  { key: 'ec2:DescribeFlowLogs', scope: 'regional', perResource: false },
  { key: 'ec2:DescribeInstances', scope: 'regional', perResource: false },
  { key: 'ec2:DescribeVolumes', scope: 'regional', perResource: false },
  { key: 'ec2:GetEbsEncryptionByDefault', scope: 'regional', perResource: false },

  { key: 'kms:ListKeys', scope: 'regional', perResource: false },
  { key: 'kms:ListAliases', scope: 'regional', perResource: false },
  { key: 'kms:DescribeKey', scope: 'regional', perResource: true },
  { key: 'kms:GetKeyRotationStatus', scope: 'regional', perResource: true },

  { key: 'cloudtrail:DescribeTrails', scope: 'regional', perResource: false },
  { key: 'cloudtrail:GetTrailStatus', scope: 'regional', perResource: true },
  { key: 'cloudtrail:GetEventSelectors', scope: 'regional', perResource: true },

  { key: 'guardduty:ListDetectors', scope: 'regional', perResource: false },
  { key: 'guardduty:GetDetector', scope: 'regional', perResource: true },

  { key: 'config:DescribeConfigurationRecorders', scope: 'regional', perResource: false },
  { key: 'config:DescribeConfigurationRecorderStatus', scope: 'regional', perResource: false },
  { key: 'config:DescribeDeliveryChannels', scope: 'regional', perResource: false },
] as const satisfies readonly Operation[];

export type OperationKey = (typeof OPERATIONS)[number]['key'];

export const OPERATION_BY_KEY: ReadonlyMap<string, Operation> = new Map(
  OPERATIONS.map((op) => [op.key, op as Operation]),
);
