/**
 * A fake AWS account behind aws-sdk-client-mock: every command the collectors
 * can send is answered per region from plain data, or fails on demand.
 */
import * as CloudTrail from '@aws-sdk/client-cloudtrail';
import * as ConfigService from '@aws-sdk/client-config-service';
import * as EC2 from '@aws-sdk/client-ec2';
import * as GuardDuty from '@aws-sdk/client-guardduty';
import * as IAM from '@aws-sdk/client-iam';
import * as KMS from '@aws-sdk/client-kms';
import * as STS from '@aws-sdk/client-sts';
import * as S3 from '@aws-sdk/client-s3';
import * as S3Control from '@aws-sdk/client-s3-control';
import * as CloudFront from '@aws-sdk/client-cloudfront';
import * as ELB from '@aws-sdk/client-elastic-load-balancing-v2';
import * as WAF from '@aws-sdk/client-wafv2';
import * as APIGW from '@aws-sdk/client-api-gateway';
import * as RDS from '@aws-sdk/client-rds';
import * as Secrets from '@aws-sdk/client-secrets-manager';
import * as AccessAnalyzer from '@aws-sdk/client-accessanalyzer';
import * as Logs from '@aws-sdk/client-cloudwatch-logs';
import * as CloudWatch from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';

/** The slice of aws-sdk-client-mock's stub this helper uses. */
interface AnyStub {
  on(command: unknown): { callsFake(fn: (input: Record<string, unknown>, getClient: () => { config: { region: () => Promise<string> } }) => unknown): unknown };
  restore(): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyClient = new (...args: any[]) => unknown;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyCommand = new (...args: any[]) => unknown;

/** service:Operation -> the client and command that send it. */
export const COMMANDS: Record<string, [AnyClient, AnyCommand]> = {
  'sts:GetCallerIdentity': [STS.STSClient, STS.GetCallerIdentityCommand],
  'ec2:DescribeRegions': [EC2.EC2Client, EC2.DescribeRegionsCommand],
  'ec2:DescribeVpcs': [EC2.EC2Client, EC2.DescribeVpcsCommand],
  'ec2:DescribeSubnets': [EC2.EC2Client, EC2.DescribeSubnetsCommand],
  'ec2:DescribeRouteTables': [EC2.EC2Client, EC2.DescribeRouteTablesCommand],
  'ec2:DescribeInternetGateways': [EC2.EC2Client, EC2.DescribeInternetGatewaysCommand],
  'ec2:DescribeSecurityGroups': [EC2.EC2Client, EC2.DescribeSecurityGroupsCommand],
  'ec2:GetManagedPrefixListEntries': [EC2.EC2Client, EC2.GetManagedPrefixListEntriesCommand],
  'ec2:DescribeNetworkAcls': [EC2.EC2Client, EC2.DescribeNetworkAclsCommand],
  'ec2:DescribeFlowLogs': [EC2.EC2Client, EC2.DescribeFlowLogsCommand],
  'ec2:DescribeInstances': [EC2.EC2Client, EC2.DescribeInstancesCommand],
  'ec2:DescribeVolumes': [EC2.EC2Client, EC2.DescribeVolumesCommand],
  'ec2:GetEbsEncryptionByDefault': [EC2.EC2Client, EC2.GetEbsEncryptionByDefaultCommand],
  'iam:GenerateCredentialReport': [IAM.IAMClient, IAM.GenerateCredentialReportCommand],
  'iam:GetCredentialReport': [IAM.IAMClient, IAM.GetCredentialReportCommand],
  'iam:GetAccountPasswordPolicy': [IAM.IAMClient, IAM.GetAccountPasswordPolicyCommand],
  'kms:ListKeys': [KMS.KMSClient, KMS.ListKeysCommand],
  'kms:ListAliases': [KMS.KMSClient, KMS.ListAliasesCommand],
  'kms:DescribeKey': [KMS.KMSClient, KMS.DescribeKeyCommand],
  'kms:GetKeyRotationStatus': [KMS.KMSClient, KMS.GetKeyRotationStatusCommand],
  'cloudtrail:DescribeTrails': [CloudTrail.CloudTrailClient, CloudTrail.DescribeTrailsCommand],
  'cloudtrail:GetTrailStatus': [CloudTrail.CloudTrailClient, CloudTrail.GetTrailStatusCommand],
  'cloudtrail:GetEventSelectors': [CloudTrail.CloudTrailClient, CloudTrail.GetEventSelectorsCommand],
  'guardduty:ListDetectors': [GuardDuty.GuardDutyClient, GuardDuty.ListDetectorsCommand],
  'guardduty:GetDetector': [GuardDuty.GuardDutyClient, GuardDuty.GetDetectorCommand],
  'config:DescribeConfigurationRecorders': [ConfigService.ConfigServiceClient, ConfigService.DescribeConfigurationRecordersCommand],
  'config:DescribeConfigurationRecorderStatus': [ConfigService.ConfigServiceClient, ConfigService.DescribeConfigurationRecorderStatusCommand],
  'config:DescribeDeliveryChannels': [ConfigService.ConfigServiceClient, ConfigService.DescribeDeliveryChannelsCommand],
  'iam:GetAccountAuthorizationDetails': [IAM.IAMClient, IAM.GetAccountAuthorizationDetailsCommand],
  's3:ListBuckets': [S3.S3Client, S3.ListBucketsCommand],
  's3control:GetPublicAccessBlock': [S3Control.S3ControlClient, S3Control.GetPublicAccessBlockCommand],
  's3:GetBucketLocation': [S3.S3Client, S3.GetBucketLocationCommand],
  's3:GetPublicAccessBlock': [S3.S3Client, S3.GetPublicAccessBlockCommand],
  's3:GetBucketEncryption': [S3.S3Client, S3.GetBucketEncryptionCommand],
  's3:GetBucketPolicy': [S3.S3Client, S3.GetBucketPolicyCommand],
  's3:GetBucketPolicyStatus': [S3.S3Client, S3.GetBucketPolicyStatusCommand],
  's3:GetBucketAcl': [S3.S3Client, S3.GetBucketAclCommand],
  'cloudfront:ListDistributions': [CloudFront.CloudFrontClient, CloudFront.ListDistributionsCommand],
  'ec2:DescribeSnapshots': [EC2.EC2Client, EC2.DescribeSnapshotsCommand],
  'ec2:DescribeImages': [EC2.EC2Client, EC2.DescribeImagesCommand],
  'elasticloadbalancing:DescribeLoadBalancers': [ELB.ElasticLoadBalancingV2Client, ELB.DescribeLoadBalancersCommand],
  'elasticloadbalancing:DescribeListeners': [ELB.ElasticLoadBalancingV2Client, ELB.DescribeListenersCommand],
  'wafv2:ListWebACLs': [WAF.WAFV2Client, WAF.ListWebACLsCommand],
  'wafv2:ListResourcesForWebACL': [WAF.WAFV2Client, WAF.ListResourcesForWebACLCommand],
  'apigateway:GetRestApis': [APIGW.APIGatewayClient, APIGW.GetRestApisCommand],
  'apigateway:GetStages': [APIGW.APIGatewayClient, APIGW.GetStagesCommand],
  'rds:DescribeDBInstances': [RDS.RDSClient, RDS.DescribeDBInstancesCommand],
  'rds:DescribeDBClusters': [RDS.RDSClient, RDS.DescribeDBClustersCommand],
  'secretsmanager:ListSecrets': [Secrets.SecretsManagerClient, Secrets.ListSecretsCommand],
  'accessanalyzer:ListAnalyzers': [AccessAnalyzer.AccessAnalyzerClient, AccessAnalyzer.ListAnalyzersCommand],
  'logs:DescribeMetricFilters': [Logs.CloudWatchLogsClient, Logs.DescribeMetricFiltersCommand],
  'cloudwatch:DescribeAlarms': [CloudWatch.CloudWatchClient, CloudWatch.DescribeAlarmsCommand],
  'kms:GetKeyPolicy': [KMS.KMSClient, KMS.GetKeyPolicyCommand],
};

/** An AWS SDK-style service error. */
export function awsError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: 400 } });
}

/** A response, a function of the input, or an error to throw. */
export type Answer = object | ((input: Record<string, unknown>) => object) | Error;
/** Per region (or `global`): service:Operation -> answer. Missing operations answer an empty object. */
export type FakeAccount = Record<string, Record<string, Answer>>;

export interface MockedAccount {
  /** Every command sent, as service:Operation with the client's region. */
  sent: { key: string; region: string; input: Record<string, unknown> }[];
  restore(): void;
}

const GLOBAL_OPS = new Set([
  'sts:GetCallerIdentity', 'ec2:DescribeRegions', 'iam:GenerateCredentialReport', 'iam:GetCredentialReport', 'iam:GetAccountPasswordPolicy',
  'iam:GetAccountAuthorizationDetails', 's3:ListBuckets', 's3control:GetPublicAccessBlock', 's3:GetBucketLocation', 's3:GetPublicAccessBlock',
  's3:GetBucketEncryption', 's3:GetBucketPolicy', 's3:GetBucketPolicyStatus', 's3:GetBucketAcl', 'cloudfront:ListDistributions',
]);

export function mockAccount(account: FakeAccount): MockedAccount {
  const stubs = new Map<AnyClient, AnyStub>();
  const sent: MockedAccount['sent'] = [];
  for (const [key, [Client, Command]] of Object.entries(COMMANDS)) {
    let stub = stubs.get(Client);
    if (!stub) {
      stub = mockClient(Client as never) as unknown as AnyStub;
      stubs.set(Client, stub);
    }
    stub.on(Command).callsFake(async (input, getClient) => {
      const region = GLOBAL_OPS.has(key) ? 'global' : await getClient().config.region();
      sent.push({ key, region, input: { ...input } }); // paginators reuse the input object
      const answer = account[region]?.[key] ?? {};
      if (answer instanceof Error) throw answer;
      return typeof answer === 'function' ? answer(input) : structuredClone(answer);
    });
  }
  return {
    sent,
    restore: () => {
      for (const stub of stubs.values()) stub.restore();
    },
  };
}
