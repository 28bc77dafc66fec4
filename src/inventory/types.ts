/**
 * The typed inventory: every resource archscan knows, built once from a
 * snapshot by build.ts. Checks read only this, never raw API JSON.
 */
import type { CallError } from '../snapshot/types.js';

export type { CallError };

/** A value that was either observed, or whose call failed (or was never made). */
export type Observed<T> = { ok: true; value: T } | { ok: false; error: CallError };

export type ResourceType =
  | 'AWS::EC2::VPC'
  | 'AWS::EC2::Subnet'
  | 'AWS::EC2::RouteTable'
  | 'AWS::EC2::InternetGateway'
  | 'AWS::EC2::SecurityGroup'
  | 'AWS::EC2::NetworkAcl'
  | 'AWS::EC2::PrefixList'
  | 'AWS::EC2::FlowLog'
  | 'AWS::EC2::Instance'
  | 'AWS::EC2::Volume'
  | 'AWS::EC2::EBSEncryptionByDefault'
  | 'AWS::KMS::Key'
  | 'AWS::CloudTrail::Trail'
  | 'AWS::CloudTrail::Account'
  | 'AWS::GuardDuty::RegionSettings'
  | 'AWS::Config::RegionSettings'
  | 'AWS::IAM::User'
  | 'AWS::IAM::Root'
  | 'AWS::IAM::PasswordPolicy'
  | 'AWS::IAM::Role'
  | 'AWS::IAM::Group'
  | 'AWS::IAM::Account'
  | 'AWS::AccessAnalyzer::RegionSettings'
  | 'AWS::S3::Bucket'
  | 'AWS::S3::AccountPublicAccessBlock'
  | 'AWS::CloudWatch::SecurityEventAlarm'
  | 'AWS::EC2::SnapshotPublicAccess'
  | 'AWS::EC2::Image'
  | 'AWS::ElasticLoadBalancingV2::LoadBalancer'
  | 'AWS::ApiGateway::Stage'
  | 'AWS::CloudFront::Distribution'
  | 'AWS::RDS::DBInstance'
  | 'AWS::RDS::DBCluster'
  | 'AWS::SecretsManager::Secret'
  | 'AWS::EC2::SubnetTier'
  | 'AWS::Region';

/** What every resource carries: enough to name it in a finding. */
export interface Resource {
  type: ResourceType;
  arn: string;
  /** The short id a person would search for (sg-..., a key id, a user name). */
  id: string;
  account: string;
  /** A region name, or `global` for IAM. */
  region: string;
  name?: string;
  tags: Record<string, string>;
}

export interface Vpc extends Resource {
  type: 'AWS::EC2::VPC';
  cidrBlocks: string[];
  ipv6CidrBlocks: string[];
  isDefault: boolean;
}

export interface Subnet extends Resource {
  type: 'AWS::EC2::Subnet';
  vpcId: string;
  cidrBlock?: string;
  ipv6CidrBlocks: string[];
  availabilityZone?: string;
  mapPublicIpOnLaunch: boolean;
  /** The route table that governs it: its explicit association, else the VPC's main table. */
  routeTableId?: string;
  /** The NACL associated with it. */
  networkAclId?: string;
}

export interface Route {
  destination: string;
  /** igw-, nat-, tgw-, pcx-, vgw-, eni-, local, ... */
  target: string;
  state?: string;
}

export interface RouteTable extends Resource {
  type: 'AWS::EC2::RouteTable';
  vpcId: string;
  isMain: boolean;
  subnetIds: string[];
  routes: Route[];
}

export interface InternetGateway extends Resource {
  type: 'AWS::EC2::InternetGateway';
  vpcIds: string[];
}

/** Where a security-group rule lets traffic come from (or go to). */
export type RulePeer =
  | { kind: 'cidr4'; value: string }
  | { kind: 'cidr6'; value: string }
  /** `cidrs` resolved from the prefix list's entries, or undefined if they could not be read. */
  | { kind: 'prefixList'; value: string; cidrs: Observed<string[]> }
  | { kind: 'securityGroup'; value: string };

/** One security-group permission, one peer each (an IpPermission expanded). */
export interface SecurityGroupRule {
  direction: 'ingress' | 'egress';
  /** `tcp`, `udp`, `icmp`, `icmpv6`, `-1` (all) or an IANA number as a string. */
  protocol: string;
  /** Undefined when the rule covers all ports (protocol -1, or -1 in the API). */
  fromPort?: number;
  toPort?: number;
  peer: RulePeer;
  description?: string;
}

export interface SecurityGroup extends Resource {
  type: 'AWS::EC2::SecurityGroup';
  vpcId?: string;
  groupName: string;
  isDefault: boolean;
  ingress: SecurityGroupRule[];
  egress: SecurityGroupRule[];
}

export interface NetworkAclEntry {
  ruleNumber: number;
  egress: boolean;
  action: 'allow' | 'deny';
  /** `-1` (all) or an IANA protocol number as a string (`6` tcp, `17` udp). */
  protocol: string;
  cidr: string;
  ipv6: boolean;
  /** Undefined when the entry covers all ports. */
  portRange?: { from: number; to: number };
}

export interface NetworkAcl extends Resource {
  type: 'AWS::EC2::NetworkAcl';
  vpcId: string;
  isDefault: boolean;
  /** Sorted by rule number, ingress and egress together (filter on `egress`). */
  entries: NetworkAclEntry[];
  subnetIds: string[];
}

export interface FlowLog extends Resource {
  type: 'AWS::EC2::FlowLog';
  resourceId: string;
  trafficType?: 'ACCEPT' | 'REJECT' | 'ALL';
  status?: string;
  deliverLogsStatus?: string;
  destinationType?: string;
  destination?: string;
}

export interface Instance extends Resource {
  type: 'AWS::EC2::Instance';
  subnetId?: string;
  vpcId?: string;
  publicIp?: string;
  state?: string;
  /** `required` means IMDSv2 only. */
  httpTokens?: string;
  securityGroupIds: string[];
}

export interface Volume extends Resource {
  type: 'AWS::EC2::Volume';
  encrypted: boolean;
  kmsKeyId?: string;
  state?: string;
  sizeGiB?: number;
  availabilityZone?: string;
  attachedInstanceIds: string[];
}

/** The per-region EBS encryption-by-default setting. */
export interface EbsEncryptionByDefault extends Resource {
  type: 'AWS::EC2::EBSEncryptionByDefault';
  enabled: Observed<boolean>;
}

export interface KmsKeyMetadata {
  manager: 'AWS' | 'CUSTOMER';
  state?: string;
  spec?: string;
  usage?: string;
  origin?: string;
  deletionDate?: string;
  multiRegion?: boolean;
}

export interface KmsKey extends Resource {
  type: 'AWS::KMS::Key';
  aliases: string[];
  metadata: Observed<KmsKeyMetadata>;
  /** Only meaningful for customer-managed symmetric keys; AWS may refuse it for others. */
  rotation: Observed<{ enabled: boolean; periodDays?: number }>;
  /** The key policy (collected for customer-managed keys). */
  policy: Observed<PolicyDocument>;
}

export interface Trail extends Resource {
  type: 'AWS::CloudTrail::Trail';
  homeRegion: string;
  isMultiRegion: boolean;
  isOrganizationTrail: boolean;
  logFileValidation: boolean;
  kmsKeyId?: string;
  cloudWatchLogGroupArn?: string;
  s3BucketName?: string;
  includeGlobalServiceEvents: boolean;
  status: Observed<{ isLogging: boolean }>;
  /** Which management events the trail records, from basic or advanced selectors. */
  managementEvents: Observed<{ read: boolean; write: boolean }>;
}

export interface GuardDutyDetector {
  id: string;
  status: Observed<'ENABLED' | 'DISABLED'>;
}

/** GuardDuty as seen in one region. */
export interface GuardDutyRegion extends Resource {
  type: 'AWS::GuardDuty::RegionSettings';
  detectors: GuardDutyDetector[];
}

export interface ConfigRecorder {
  name: string;
  allSupported: boolean;
  includeGlobalResourceTypes: boolean;
  recording: boolean;
  lastStatus?: string;
}

/** AWS Config as seen in one region. */
export interface ConfigRegion extends Resource {
  type: 'AWS::Config::RegionSettings';
  recorders: ConfigRecorder[];
  deliveryChannels: string[];
}

export interface AccessKeyInfo {
  /** 1 or 2, as in the credential report. */
  slot: 1 | 2;
  active: boolean;
  lastRotated?: string;
  lastUsed?: string;
}

/** One statement of an IAM policy, normalised: single values become lists. */
export interface PolicyStatement {
  effect: 'Allow' | 'Deny';
  actions: string[];
  notActions: string[];
  resources: string[];
  notResources: string[];
  /** Principals of a resource policy: `*`, or `{type: values}` flattened to `type:value` strings. */
  principals: string[];
  hasCondition: boolean;
  /** Condition operator -> key -> values, keys as written. */
  conditions: Record<string, Record<string, string[]>>;
}

export interface PolicyDocument {
  statements: PolicyStatement[];
}

/** A managed policy attached to a user, group or role. */
export interface AttachedPolicy {
  arn: string;
  name: string;
  /** AWS managed (arn:aws:iam::aws:policy/...): its document is not collected, its name is known. */
  awsManaged: boolean;
  /** The default version's document, for customer-managed policies. */
  document?: PolicyDocument;
}

export interface InlinePolicy {
  name: string;
  document: PolicyDocument;
}

/** What IAM grants a principal directly (GetAccountAuthorizationDetails). */
export interface Grants {
  attached: AttachedPolicy[];
  inline: InlinePolicy[];
}

/** A row of the IAM credential report, joined with the user's policies. */
export interface IamUser extends Resource {
  type: 'AWS::IAM::User';
  createdAt?: string;
  passwordEnabled: boolean;
  passwordLastUsed?: string;
  passwordLastChanged?: string;
  mfaActive: boolean;
  accessKeys: AccessKeyInfo[];
  /** Policies attached to or embedded in the user itself, and its groups' names. */
  grants: Observed<Grants & { groups: string[] }>;
}

export interface IamRole extends Resource {
  type: 'AWS::IAM::Role';
  path: string;
  grants: Grants;
  trustPolicy?: PolicyDocument;
}

export interface IamGroup extends Resource {
  type: 'AWS::IAM::Group';
  grants: Grants;
}

/** The root user's credential-report row. */
export interface RootUser extends Resource {
  type: 'AWS::IAM::Root';
  /** False when the root password was removed (centralised root access). */
  passwordEnabled: boolean;
  passwordLastUsed?: string;
  mfaActive: boolean;
  accessKeys: AccessKeyInfo[];
}

export interface PasswordPolicySettings {
  minimumLength?: number;
  requireSymbols: boolean;
  requireNumbers: boolean;
  requireUppercase: boolean;
  requireLowercase: boolean;
  maxAgeDays?: number;
  reusePrevention?: number;
  expirePasswords: boolean;
}

export interface PasswordPolicy extends Resource {
  type: 'AWS::IAM::PasswordPolicy';
  /** null: the account has no password policy (IAM answered NoSuchEntity). */
  policy: Observed<PasswordPolicySettings | null>;
}

/** IAM Access Analyzer as seen in one region. */
export interface AccessAnalyzerRegion extends Resource {
  type: 'AWS::AccessAnalyzer::RegionSettings';
  analyzers: { name: string; type: string; status: string }[];
}

export interface PublicAccessBlockSettings {
  blockPublicAcls: boolean;
  ignorePublicAcls: boolean;
  blockPublicPolicy: boolean;
  restrictPublicBuckets: boolean;
}

/** The account-level S3 Block Public Access setting. */
export interface S3AccountPublicAccessBlock extends Resource {
  type: 'AWS::S3::AccountPublicAccessBlock';
  /** null: never configured (nothing blocked). */
  settings: Observed<PublicAccessBlockSettings | null>;
}

export interface S3Bucket extends Resource {
  type: 'AWS::S3::Bucket';
  createdAt?: string;
  publicAccessBlock: Observed<PublicAccessBlockSettings | null>;
  /** Default encryption: the algorithm (AES256, aws:kms, aws:kms:dsse) and key, or null when none. */
  encryption: Observed<{ algorithm: string; kmsKeyId?: string } | null>;
  /** The bucket policy, or null when the bucket has none. */
  policy: Observed<PolicyDocument | null>;
  /** S3's own verdict on the policy (GetBucketPolicyStatus); null when there is no policy. */
  policyIsPublic: Observed<boolean | null>;
  /** ACL grants to everyone or to any authenticated AWS user. */
  publicAclGrants: Observed<string[]>;
  /** Trails that deliver their logs here. */
  logSourceTrails: string[];
}

/** CloudWatch Logs metric filter. */
export interface MetricFilter {
  name: string;
  logGroupName: string;
  pattern: string;
  metrics: { name: string; namespace: string }[];
}

export interface MetricAlarm {
  name: string;
  arn: string;
  metricName?: string;
  namespace?: string;
  actionsEnabled: boolean;
  alarmActions: string[];
}

/** CloudWatch monitoring of one region: metric filters and alarms. */
export interface CloudWatchRegion {
  region: string;
  metricFilters: Observed<MetricFilter[]>;
  alarms: Observed<MetricAlarm[]>;
}

/** Public EBS snapshots of one region (the collector asks only for those). */
export interface SnapshotPublicAccess extends Resource {
  type: 'AWS::EC2::SnapshotPublicAccess';
  publicSnapshots: Observed<string[]>;
}

export interface Image extends Resource {
  type: 'AWS::EC2::Image';
  public: boolean;
  state?: string;
}

export interface Listener {
  arn: string;
  port?: number;
  protocol?: string;
  sslPolicy?: string;
  /** The default action types, e.g. forward, redirect; and where a redirect goes. */
  defaultActions: { type: string; redirectProtocol?: string }[];
}

export interface LoadBalancer extends Resource {
  type: 'AWS::ElasticLoadBalancingV2::LoadBalancer';
  lbType: string;
  scheme: string;
  vpcId?: string;
  availabilityZones: string[];
  listeners: Observed<Listener[]>;
  /** Web ACL protecting it, when known (ALBs only). */
  webAcl: Observed<string | null>;
}

export interface ApiStage extends Resource {
  type: 'AWS::ApiGateway::Stage';
  restApiId: string;
  stageName: string;
  /** The web ACL ARN on the stage, or null. */
  webAclArn: string | null;
  endpointTypes: string[];
}

export interface Distribution extends Resource {
  type: 'AWS::CloudFront::Distribution';
  domainName?: string;
  enabled: boolean;
  /** Web ACL id or ARN, or null. */
  webAclId: string | null;
  minimumProtocolVersion?: string;
  viewerProtocolPolicy?: string;
}

export interface DbInstance extends Resource {
  type: 'AWS::RDS::DBInstance';
  engine?: string;
  clusterId?: string;
  storageEncrypted: boolean;
  publiclyAccessible: boolean;
  multiAz: boolean;
  backupRetentionDays: number;
  status?: string;
  availabilityZone?: string;
}

export interface DbCluster extends Resource {
  type: 'AWS::RDS::DBCluster';
  engine?: string;
  storageEncrypted: boolean;
  multiAz: boolean;
  backupRetentionDays: number;
  availabilityZones: string[];
  members: string[];
}

export interface Secret extends Resource {
  type: 'AWS::SecretsManager::Secret';
  rotationEnabled: boolean;
  rotationDays?: number;
  lastRotated?: string;
  lastChanged?: string;
  createdAt?: string;
}

export interface Inventory {
  accountId: string;
  partition: string;
  /** The scanned regions, sorted. */
  regions: string[];
  /** ISO 8601: the "now" for ages, from the snapshot, never the wall clock. */
  collectedAt: string;

  vpcs: Vpc[];
  subnets: Subnet[];
  routeTables: RouteTable[];
  internetGateways: InternetGateway[];
  securityGroups: SecurityGroup[];
  networkAcls: NetworkAcl[];
  flowLogs: FlowLog[];
  instances: Instance[];
  volumes: Volume[];
  ebsEncryptionByDefault: EbsEncryptionByDefault[];
  kmsKeys: KmsKey[];
  /** Deduplicated by ARN: a multi-region trail appears once, in its home region. */
  trails: Trail[];
  guardDuty: GuardDutyRegion[];
  config: ConfigRegion[];
  /** Undefined when the credential report could not be read (see `failures`). */
  root?: RootUser;
  iamUsers: IamUser[];
  passwordPolicy: PasswordPolicy;
  /** Undefined entries mean GetAccountAuthorizationDetails failed (see `failures`). */
  iamRoles: IamRole[];
  iamGroups: IamGroup[];
  accessAnalyzer: AccessAnalyzerRegion[];
  s3AccountPublicAccessBlock: S3AccountPublicAccessBlock;
  s3Buckets: S3Bucket[];
  cloudWatch: CloudWatchRegion[];
  snapshotPublicAccess: SnapshotPublicAccess[];
  images: Image[];
  loadBalancers: LoadBalancer[];
  apiStages: ApiStage[];
  distributions: Distribution[];
  dbInstances: DbInstance[];
  dbClusters: DbCluster[];
  secrets: Secret[];

  /** Every resource by ARN. */
  byArn: ReadonlyMap<string, Resource>;
  /**
   * Account-wide calls that failed or were never collected:
   * `service:Operation` -> region (or `global`) -> the error.
   */
  failures: ReadonlyMap<string, ReadonlyMap<string, CallError>>;
}

/** Collections a check can iterate, for typing `resourceType` against data. */
export type InventoryCollections = Omit<
  Inventory,
  'accountId' | 'partition' | 'regions' | 'collectedAt' | 'byArn' | 'failures' | 'root' | 'passwordPolicy' | 's3AccountPublicAccessBlock' | 'cloudWatch'
>;
