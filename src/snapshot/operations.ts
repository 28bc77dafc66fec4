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
  /** The IAM action the call needs, when it is not the key itself (S3, API Gateway, Access Analyzer). */
  iamAction?: string;
  /** How a per-resource key's ids are formed, when not a plain resource id. */
  idNote?: string;
}

export const OPERATIONS = [
  { key: 'iam:GetCredentialReport', scope: 'global', perResource: false },
  { key: 'iam:GetAccountPasswordPolicy', scope: 'global', perResource: false, absentCodes: ['NoSuchEntity'] },
  { key: 'iam:GetAccountAuthorizationDetails', scope: 'global', perResource: false },

  { key: 's3:ListBuckets', scope: 'global', perResource: false, iamAction: 's3:ListAllMyBuckets' },
  { key: 's3control:GetPublicAccessBlock', scope: 'global', perResource: false, iamAction: 's3:GetAccountPublicAccessBlock', absentCodes: ['NoSuchPublicAccessBlockConfiguration'] },
  { key: 's3:GetBucketLocation', scope: 'global', perResource: true, idNote: 'bucket name' },
  { key: 's3:GetPublicAccessBlock', scope: 'global', perResource: true, iamAction: 's3:GetBucketPublicAccessBlock', absentCodes: ['NoSuchPublicAccessBlockConfiguration'], idNote: 'bucket name' },
  { key: 's3:GetBucketEncryption', scope: 'global', perResource: true, iamAction: 's3:GetEncryptionConfiguration', absentCodes: ['ServerSideEncryptionConfigurationNotFoundError'], idNote: 'bucket name' },
  { key: 's3:GetBucketPolicy', scope: 'global', perResource: true, absentCodes: ['NoSuchBucketPolicy'], idNote: 'bucket name' },
  { key: 's3:GetBucketPolicyStatus', scope: 'global', perResource: true, absentCodes: ['NoSuchBucketPolicy'], idNote: 'bucket name' },
  { key: 's3:GetBucketAcl', scope: 'global', perResource: true, idNote: 'bucket name' },

  { key: 'cloudfront:ListDistributions', scope: 'global', perResource: false },

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
  // Only the account's own snapshots that anyone may restore (OwnerIds self, RestorableByUserIds all).
  { key: 'ec2:DescribeSnapshots', scope: 'regional', perResource: false, idNote: 'request: OwnerIds=[self], RestorableByUserIds=[all]' },
  { key: 'ec2:DescribeImages', scope: 'regional', perResource: false, idNote: 'request: Owners=[self]' },

  { key: 'elasticloadbalancing:DescribeLoadBalancers', scope: 'regional', perResource: false },
  { key: 'elasticloadbalancing:DescribeListeners', scope: 'regional', perResource: true, idNote: 'load balancer ARN' },
  { key: 'wafv2:ListWebACLs', scope: 'regional', perResource: false, idNote: 'request: Scope=REGIONAL' },
  { key: 'wafv2:ListResourcesForWebACL', scope: 'regional', perResource: true, idNote: 'web ACL ARN; request ResourceType=APPLICATION_LOAD_BALANCER (API Gateway stages carry their own web ACL)' },
  { key: 'apigateway:GetRestApis', scope: 'regional', perResource: false, iamAction: 'apigateway:GET' },
  { key: 'apigateway:GetStages', scope: 'regional', perResource: true, iamAction: 'apigateway:GET', idNote: 'REST API id' },

  { key: 'rds:DescribeDBInstances', scope: 'regional', perResource: false },
  { key: 'rds:DescribeDBClusters', scope: 'regional', perResource: false },
  { key: 'secretsmanager:ListSecrets', scope: 'regional', perResource: false },
  { key: 'accessanalyzer:ListAnalyzers', scope: 'regional', perResource: false, iamAction: 'access-analyzer:ListAnalyzers' },
  { key: 'logs:DescribeMetricFilters', scope: 'regional', perResource: false },
  { key: 'cloudwatch:DescribeAlarms', scope: 'regional', perResource: false },

  { key: 'kms:ListKeys', scope: 'regional', perResource: false },
  { key: 'kms:ListAliases', scope: 'regional', perResource: false },
  { key: 'kms:DescribeKey', scope: 'regional', perResource: true },
  { key: 'kms:GetKeyRotationStatus', scope: 'regional', perResource: true },
  { key: 'kms:GetKeyPolicy', scope: 'regional', perResource: true, idNote: 'request: PolicyName=default' },

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

/** The IAM action a snapshot key needs. */
export function iamActionFor(key: string): string {
  return OPERATION_BY_KEY.get(key)?.iamAction ?? key;
}
