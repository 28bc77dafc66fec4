/** A two-region fake account (ap-south-1, ap-south-2) for the collector tests. */
import type { FakeAccount } from '../helpers/mock-account.js';
import { REPORT_HEADER } from '../helpers/snapshot.js';

export const ACCOUNT = '333344445555';
const A = 'ap-south-1';
const B = 'ap-south-2';
export const TRAIL_ARN = `arn:aws:cloudtrail:${A}:${ACCOUNT}:trail/org-audit`;
const KEY = (r: string, id: string) => `arn:aws:kms:${r}:${ACCOUNT}:key/${id}`;

const csv = [
  REPORT_HEADER,
  `<root_account>,arn:aws:iam::${ACCOUNT}:root,2021-04-01T00:00:00+00:00,not_supported,2026-10-01T00:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
  `ops-admin,arn:aws:iam::${ACCOUNT}:user/ops-admin,2024-02-01T00:00:00+00:00,true,2026-11-19T00:00:00+00:00,2026-09-01T00:00:00+00:00,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
].join('\n');

const trail = {
  Name: 'org-audit',
  S3BucketName: 'audit-logs-333344445555',
  IncludeGlobalServiceEvents: true,
  IsMultiRegionTrail: true,
  HomeRegion: A,
  TrailARN: TRAIL_ARN,
  LogFileValidationEnabled: true,
  KmsKeyId: KEY(A, '1111aaaa-0000-0000-0000-000000000001'),
  HasCustomEventSelectors: false,
  HasInsightSelectors: false,
  IsOrganizationTrail: false,
};

function region(r: string, open: boolean): Record<string, object> {
  const vpc = `vpc-0${r === A ? 'a' : 'b'}00000000000001`;
  const keyId = `${r === A ? '1111aaaa' : '2222bbbb'}-0000-0000-0000-000000000001`;
  return {
    'ec2:DescribeVpcs': { Vpcs: [{ VpcId: vpc, CidrBlock: '10.20.0.0/16', IsDefault: false, OwnerId: ACCOUNT, State: 'available' }] },
    'ec2:DescribeSubnets': {
      Subnets: [{ SubnetId: `subnet-0${r === A ? 'a' : 'b'}1`, VpcId: vpc, CidrBlock: '10.20.1.0/24', AvailabilityZone: `${r}a`, MapPublicIpOnLaunch: false }],
    },
    'ec2:DescribeRouteTables': { RouteTables: [] },
    'ec2:DescribeInternetGateways': { InternetGateways: [] },
    'ec2:DescribeSecurityGroups': {
      SecurityGroups: [
        {
          GroupId: `sg-0${r === A ? 'a' : 'b'}web`,
          GroupName: 'web',
          VpcId: vpc,
          OwnerId: ACCOUNT,
          Description: 'web tier',
          IpPermissions: [
            { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] },
            ...(open
              ? [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [], Ipv6Ranges: [], PrefixListIds: [{ PrefixListId: 'pl-0vendor' }], UserIdGroupPairs: [] }]
              : []),
          ],
          IpPermissionsEgress: [],
        },
      ],
    },
    'ec2:GetManagedPrefixListEntries': { Entries: [{ Cidr: '0.0.0.0/0', Description: 'vendor, temporarily everything' }] },
    'ec2:DescribeNetworkAcls': {
      NetworkAcls: [
        {
          NetworkAclId: `acl-0${r === A ? 'a' : 'b'}1`,
          VpcId: vpc,
          IsDefault: true,
          OwnerId: ACCOUNT,
          Associations: [{ NetworkAclAssociationId: 'aclassoc-1', NetworkAclId: `acl-0${r === A ? 'a' : 'b'}1`, SubnetId: `subnet-0${r === A ? 'a' : 'b'}1` }],
          Entries: [
            { CidrBlock: '0.0.0.0/0', Egress: false, PortRange: { From: 22, To: 22 }, Protocol: '6', RuleAction: 'deny', RuleNumber: 50 },
            { CidrBlock: '0.0.0.0/0', Egress: false, PortRange: { From: 3389, To: 3389 }, Protocol: '6', RuleAction: 'deny', RuleNumber: 60 },
            { CidrBlock: '0.0.0.0/0', Egress: false, Protocol: '-1', RuleAction: 'allow', RuleNumber: 100 },
            { CidrBlock: '0.0.0.0/0', Egress: false, Protocol: '-1', RuleAction: 'deny', RuleNumber: 32767 },
          ],
        },
      ],
    },
    'ec2:DescribeFlowLogs': { FlowLogs: [{ FlowLogId: `fl-0${r === A ? 'a' : 'b'}1`, ResourceId: vpc, TrafficType: 'ALL', FlowLogStatus: 'ACTIVE', LogDestinationType: 'cloud-watch-logs' }] },
    'ec2:DescribeInstances': { Reservations: [] },
    'ec2:DescribeVolumes': {
      Volumes: [{ VolumeId: `vol-0${r === A ? 'a' : 'b'}1`, Encrypted: r === A, Size: 100, State: 'in-use', AvailabilityZone: `${r}a`, CreateTime: new Date('2025-03-01T00:00:00Z'), Attachments: [] }],
    },
    'ec2:GetEbsEncryptionByDefault': { EbsEncryptionByDefault: r === A, SseType: 'sse-ebs' },
    'kms:ListKeys': { Keys: [{ KeyId: keyId, KeyArn: KEY(r, keyId) }] },
    'kms:ListAliases': { Aliases: [{ AliasName: 'alias/data', AliasArn: `arn:aws:kms:${r}:${ACCOUNT}:alias/data`, TargetKeyId: keyId }] },
    'kms:DescribeKey': {
      KeyMetadata: {
        AWSAccountId: ACCOUNT, KeyId: keyId, Arn: KEY(r, keyId), CreationDate: new Date('2024-01-01T00:00:00Z'), Enabled: true,
        KeyUsage: 'ENCRYPT_DECRYPT', KeyState: 'Enabled', Origin: 'AWS_KMS', KeyManager: 'CUSTOMER', KeySpec: 'SYMMETRIC_DEFAULT', MultiRegion: false,
      },
    },
    'kms:GetKeyRotationStatus': { KeyRotationEnabled: r === A, KeyId: KEY(r, keyId), RotationPeriodInDays: 365 },
    'cloudtrail:DescribeTrails': { trailList: [trail] },
    'cloudtrail:GetTrailStatus': { IsLogging: true, LatestDeliveryTime: new Date('2026-11-20T05:55:00Z') },
    'cloudtrail:GetEventSelectors': { TrailARN: TRAIL_ARN, EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [] }] },
    'guardduty:ListDetectors': { DetectorIds: [`${r === A ? 'a' : 'b'}0c0ffee`] },
    'guardduty:GetDetector': { Status: 'ENABLED', ServiceRole: 'arn:aws:iam::333344445555:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty', FindingPublishingFrequency: 'SIX_HOURS' },
    'config:DescribeConfigurationRecorders': {
      ConfigurationRecorders: [{ name: 'default', roleARN: `arn:aws:iam::${ACCOUNT}:role/config`, recordingGroup: { allSupported: true, includeGlobalResourceTypes: r === A } }],
    },
    'config:DescribeConfigurationRecorderStatus': { ConfigurationRecordersStatus: [{ name: 'default', recording: true, lastStatus: 'SUCCESS' }] },
    'config:DescribeDeliveryChannels': { DeliveryChannels: [{ name: 'default', s3BucketName: 'config-333344445555' }] },
    'kms:GetKeyPolicy': {
      PolicyName: 'default',
      Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'root', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }] }),
    },
    'ec2:DescribeSnapshots': { Snapshots: [] },
    'ec2:DescribeImages': { Images: [{ ImageId: `ami-0${r === A ? 'a' : 'b'}1`, Name: 'golden-base', Public: false, State: 'available', OwnerId: ACCOUNT }] },
    'elasticloadbalancing:DescribeLoadBalancers': {
      LoadBalancers: [
        {
          LoadBalancerArn: `arn:aws:elasticloadbalancing:${r}:${ACCOUNT}:loadbalancer/app/web/0${r === A ? 'a' : 'b'}`,
          LoadBalancerName: 'web', Scheme: 'internet-facing', Type: 'application', VpcId: vpc,
          AvailabilityZones: [{ ZoneName: `${r}a` }, { ZoneName: `${r}b` }],
        },
      ],
    },
    'elasticloadbalancing:DescribeListeners': (input: Record<string, unknown>) => ({
      Listeners: [
        { ListenerArn: `${String(input['LoadBalancerArn'])}/l443`, Port: 443, Protocol: 'HTTPS', SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06', DefaultActions: [{ Type: 'forward' }] },
        { ListenerArn: `${String(input['LoadBalancerArn'])}/l80`, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }] },
      ],
    }),
    'wafv2:ListWebACLs': { WebACLs: [{ Name: 'web-acl', Id: 'w1', ARN: `arn:aws:wafv2:${r}:${ACCOUNT}:regional/webacl/web-acl/w1` }] },
    'wafv2:ListResourcesForWebACL': { ResourceArns: [`arn:aws:elasticloadbalancing:${r}:${ACCOUNT}:loadbalancer/app/web/0${r === A ? 'a' : 'b'}`] },
    'apigateway:GetRestApis': { items: [{ id: `api${r === A ? 'a' : 'b'}`, name: 'payments', endpointConfiguration: { types: ['REGIONAL'] } }] },
    'apigateway:GetStages': { item: [{ stageName: 'prod', webAclArn: `arn:aws:wafv2:${r}:${ACCOUNT}:regional/webacl/web-acl/w1` }] },
    'rds:DescribeDBInstances': {
      DBInstances: [
        {
          DBInstanceIdentifier: 'ledger', DBInstanceArn: `arn:aws:rds:${r}:${ACCOUNT}:db:ledger`, Engine: 'postgres', DBInstanceStatus: 'available',
          StorageEncrypted: true, PubliclyAccessible: false, MultiAZ: r === A, BackupRetentionPeriod: 7, AvailabilityZone: `${r}a`,
        },
      ],
    },
    'rds:DescribeDBClusters': { DBClusters: [] },
    'secretsmanager:ListSecrets': {
      SecretList: [{ ARN: `arn:aws:secretsmanager:${r}:${ACCOUNT}:secret:db-AbCdEf`, Name: 'db', RotationEnabled: true, RotationRules: { AutomaticallyAfterDays: 30 }, LastRotatedDate: new Date('2026-11-01T00:00:00Z') }],
    },
    'accessanalyzer:ListAnalyzers': { analyzers: [{ arn: `arn:aws:access-analyzer:${r}:${ACCOUNT}:analyzer/account`, name: 'account', type: 'ACCOUNT', status: 'ACTIVE', createdAt: new Date('2025-01-01T00:00:00Z') }] },
    'logs:DescribeMetricFilters': { metricFilters: [] },
    'cloudwatch:DescribeAlarms': { MetricAlarms: [] },
  };
}

export function fakeAccount(): FakeAccount {
  return {
    global: {
      'sts:GetCallerIdentity': { UserId: 'AROAEXAMPLE:auditor', Account: ACCOUNT, Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/ArchscanAudit/auditor` },
      'ec2:DescribeRegions': {
        Regions: [
          { RegionName: A, Endpoint: `ec2.${A}.amazonaws.com`, OptInStatus: 'opt-in-not-required' },
          { RegionName: B, Endpoint: `ec2.${B}.amazonaws.com`, OptInStatus: 'opted-in' },
          { RegionName: 'me-central-1', Endpoint: 'ec2.me-central-1.amazonaws.com', OptInStatus: 'not-opted-in' },
        ],
      },
      'iam:GenerateCredentialReport': { State: 'COMPLETE', Description: 'No report exists. Starting a new report generation task' },
      'iam:GetCredentialReport': { Content: new TextEncoder().encode(`${csv}\n`), ReportFormat: 'text/csv', GeneratedTime: new Date('2026-11-20T05:59:00Z') },
      'iam:GetAccountAuthorizationDetails': {
        UserDetailList: [{ UserName: 'ops-admin', Arn: `arn:aws:iam::${ACCOUNT}:user/ops-admin`, Path: '/', GroupList: ['operators'], AttachedManagedPolicies: [], UserPolicyList: [] }],
        GroupDetailList: [{ GroupName: 'operators', Arn: `arn:aws:iam::${ACCOUNT}:group/operators`, AttachedManagedPolicies: [{ PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }], GroupPolicyList: [] }],
        RoleDetailList: [
          {
            RoleName: 'support', Arn: `arn:aws:iam::${ACCOUNT}:role/support`, Path: '/',
            AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] })),
            AttachedManagedPolicies: [{ PolicyName: 'AWSSupportAccess', PolicyArn: 'arn:aws:iam::aws:policy/AWSSupportAccess' }], RolePolicyList: [],
          },
        ],
        Policies: [],
      },
      's3:ListBuckets': { Buckets: [{ Name: 'audit-logs-333344445555', CreationDate: new Date('2024-01-01T00:00:00Z') }], Owner: { ID: 'owner' } },
      's3control:GetPublicAccessBlock': { PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } },
      's3:GetBucketLocation': { LocationConstraint: 'ap-south-1' },
      's3:GetPublicAccessBlock': { PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } },
      's3:GetBucketEncryption': { ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'alias/logs' }, BucketKeyEnabled: true }] } },
      's3:GetBucketPolicy': {
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Sid: 'TLSOnly', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::audit-logs-333344445555/*'], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }],
        }),
      },
      's3:GetBucketPolicyStatus': { PolicyStatus: { IsPublic: false } },
      's3:GetBucketAcl': { Owner: { ID: 'owner' }, Grants: [{ Grantee: { Type: 'CanonicalUser', ID: 'owner' }, Permission: 'FULL_CONTROL' }] },
      'cloudfront:ListDistributions': { DistributionList: { Marker: '', MaxItems: 100, IsTruncated: false, Quantity: 0, Items: [] } },
      'iam:GetAccountPasswordPolicy': {
        PasswordPolicy: {
          MinimumPasswordLength: 14, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true,
          AllowUsersToChangePassword: true, ExpirePasswords: true, MaxPasswordAge: 90, PasswordReusePrevention: 24,
        },
      },
    },
    [A]: region(A, true),
    [B]: region(B, false),
  };
}
