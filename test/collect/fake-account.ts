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
