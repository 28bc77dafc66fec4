/**
 * AWS Security Finding Format (ASFF) for Security Hub: a JSON array with one
 * finding per (check, resource) that was decided or could not be: FAILED for
 * a failure, WARNING for an `error` (information was missing), PASSED for a
 * pass, so that a re-import after a fix updates the finding instead of
 * leaving it open. Not-applicable results are not findings. The `Id` is the
 * finding identity of src/assess/identity.ts (check id + ARN), so importing
 * a later scan updates the same findings, never duplicates them. Field limits
 * are the AwsSecurityFinding model's (the SDK's own documentation); every
 * string is cut to fit, never rejected.
 */
import type { AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { findingFingerprint } from '../assess/identity.js';
import type { AssessedResult, Assessment, Evaluation } from '../assess/types.js';
import type { Severity, Status } from '../checks/types.js';
import { rendered } from './stream.js';
import type { Reporter } from './types.js';

export const ASFF_SCHEMA_VERSION = '2018-10-08';

/** Limits documented on the AwsSecurityFinding model (SDK dist-types, API reference). */
export const ASFF_LIMITS = {
  id: 512,
  generatorId: 512,
  title: 256,
  description: 1024,
  recommendationText: 512,
  resourceType: 256,
  region: 16,
  /** Compliance.RelatedRequirements: items, and characters per item. */
  relatedRequirements: 32,
  requirementChars: 256,
  /** ProductFields and Resources[].Details.Other: pairs, key and value characters. */
  productFields: 50,
  productFieldKey: 128,
  productFieldValue: 2048,
  otherValue: 1023,
  types: 50,
  resources: 32,
} as const;

export const ASFF_FINDING_TYPE = 'Software and Configuration Checks/Industry and Regulatory Standards';

/**
 * CloudFormation-style resource types to ASFF `Resources[].Type` (the names
 * of the ResourceDetails members in ASFF's documented list). A type with no
 * ASFF equivalent is `Other`, with the CloudFormation type kept in
 * `Details.Other`.
 */
export const ASFF_RESOURCE_TYPES = {
  'AWS::ApiGateway::RestApi': 'AwsApiGatewayRestApi',
  'AWS::ApiGateway::Stage': 'AwsApiGatewayStage',
  'AWS::ApiGatewayV2::Api': 'AwsApiGatewayV2Api',
  'AWS::ApiGatewayV2::Stage': 'AwsApiGatewayV2Stage',
  'AWS::AutoScaling::AutoScalingGroup': 'AwsAutoScalingAutoScalingGroup',
  'AWS::AutoScaling::LaunchConfiguration': 'AwsAutoScalingLaunchConfiguration',
  'AWS::Backup::BackupPlan': 'AwsBackupBackupPlan',
  'AWS::Backup::BackupVault': 'AwsBackupBackupVault',
  'AWS::CertificateManager::Certificate': 'AwsCertificateManagerCertificate',
  'AWS::CloudFormation::Stack': 'AwsCloudFormationStack',
  'AWS::CloudFront::Distribution': 'AwsCloudFrontDistribution',
  'AWS::CloudTrail::Trail': 'AwsCloudTrailTrail',
  'AWS::CloudWatch::Alarm': 'AwsCloudWatchAlarm',
  'AWS::CodeBuild::Project': 'AwsCodeBuildProject',
  'AWS::DynamoDB::Table': 'AwsDynamoDbTable',
  'AWS::EC2::EIP': 'AwsEc2Eip',
  'AWS::EC2::Instance': 'AwsEc2Instance',
  'AWS::EC2::LaunchTemplate': 'AwsEc2LaunchTemplate',
  'AWS::EC2::NetworkAcl': 'AwsEc2NetworkAcl',
  'AWS::EC2::NetworkInterface': 'AwsEc2NetworkInterface',
  'AWS::EC2::RouteTable': 'AwsEc2RouteTable',
  'AWS::EC2::SecurityGroup': 'AwsEc2SecurityGroup',
  'AWS::EC2::Subnet': 'AwsEc2Subnet',
  'AWS::EC2::TransitGateway': 'AwsEc2TransitGateway',
  'AWS::EC2::VPC': 'AwsEc2Vpc',
  'AWS::EC2::VPCEndpointService': 'AwsEc2VpcEndpointService',
  'AWS::EC2::VPCPeeringConnection': 'AwsEc2VpcPeeringConnection',
  'AWS::EC2::VPNConnection': 'AwsEc2VpnConnection',
  'AWS::EC2::Volume': 'AwsEc2Volume',
  'AWS::ECR::Repository': 'AwsEcrRepository',
  'AWS::ECS::Cluster': 'AwsEcsCluster',
  'AWS::ECS::Service': 'AwsEcsService',
  'AWS::ECS::TaskDefinition': 'AwsEcsTaskDefinition',
  'AWS::EFS::AccessPoint': 'AwsEfsAccessPoint',
  'AWS::EKS::Cluster': 'AwsEksCluster',
  'AWS::ElasticBeanstalk::Environment': 'AwsElasticBeanstalkEnvironment',
  'AWS::ElasticLoadBalancing::LoadBalancer': 'AwsElbLoadBalancer',
  'AWS::ElasticLoadBalancingV2::LoadBalancer': 'AwsElbv2LoadBalancer',
  'AWS::Elasticsearch::Domain': 'AwsElasticsearchDomain',
  'AWS::GuardDuty::Detector': 'AwsGuardDutyDetector',
  'AWS::IAM::AccessKey': 'AwsIamAccessKey',
  'AWS::IAM::Group': 'AwsIamGroup',
  'AWS::IAM::ManagedPolicy': 'AwsIamPolicy',
  'AWS::IAM::Policy': 'AwsIamPolicy',
  'AWS::IAM::Role': 'AwsIamRole',
  'AWS::IAM::User': 'AwsIamUser',
  'AWS::Kinesis::Stream': 'AwsKinesisStream',
  'AWS::KMS::Key': 'AwsKmsKey',
  'AWS::Lambda::Function': 'AwsLambdaFunction',
  'AWS::Lambda::LayerVersion': 'AwsLambdaLayerVersion',
  'AWS::NetworkFirewall::Firewall': 'AwsNetworkFirewallFirewall',
  'AWS::OpenSearchService::Domain': 'AwsOpenSearchServiceDomain',
  'AWS::RDS::DBCluster': 'AwsRdsDbCluster',
  'AWS::RDS::DBClusterSnapshot': 'AwsRdsDbClusterSnapshot',
  'AWS::RDS::DBInstance': 'AwsRdsDbInstance',
  'AWS::RDS::DBSnapshot': 'AwsRdsDbSnapshot',
  'AWS::RDS::EventSubscription': 'AwsRdsEventSubscription',
  'AWS::Redshift::Cluster': 'AwsRedshiftCluster',
  'AWS::Route53::HostedZone': 'AwsRoute53HostedZone',
  'AWS::S3::AccessPoint': 'AwsS3AccessPoint',
  'AWS::S3::AccountPublicAccessBlock': 'AwsS3AccountPublicAccessBlock',
  'AWS::S3::Bucket': 'AwsS3Bucket',
  'AWS::SageMaker::NotebookInstance': 'AwsSageMakerNotebookInstance',
  'AWS::SecretsManager::Secret': 'AwsSecretsManagerSecret',
  'AWS::SNS::Topic': 'AwsSnsTopic',
  'AWS::SQS::Queue': 'AwsSqsQueue',
  'AWS::StepFunctions::StateMachine': 'AwsStepFunctionStateMachine',
  'AWS::WAF::WebACL': 'AwsWafWebAcl',
  'AWS::WAFRegional::WebACL': 'AwsWafRegionalWebAcl',
  'AWS::WAFv2::WebACL': 'AwsWafv2WebAcl',
} as const satisfies Record<string, string>;

export function asffResourceType(type: string): string {
  return Object.hasOwn(ASFF_RESOURCE_TYPES, type) ? ASFF_RESOURCE_TYPES[type as keyof typeof ASFF_RESOURCE_TYPES] : 'Other';
}

/** Partitions the Resource.Partition member accepts. */
const PARTITIONS = new Set(['aws', 'aws-cn', 'aws-us-gov']);

const LABEL = { critical: 'CRITICAL', high: 'HIGH', medium: 'MEDIUM', low: 'LOW', info: 'INFORMATIONAL' } as const satisfies Record<Severity, string>;

/** Cut to `max` characters, saying so at the end (never mid-surrogate). */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const mark = ' [cut]';
  let end = max - mark.length;
  if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end--;
  return `${text.slice(0, end)}${mark}`;
}

/**
 * The region a finding is filed in: the resource's own, or for a global
 * resource (IAM, account settings) the first scanned region in sorted order,
 * since Security Hub findings live in a region.
 */
export function findingRegion(a: Assessment, region: string): string {
  return region === 'global' ? (a.snapshot.regions[0] ?? 'us-east-1') : region;
}

/** `arn:<partition>:securityhub:<region>:<account>:product/<account>/default`: the account's own product, for custom findings. */
export function productArn(partition: string, region: string, account: string): string {
  return `arn:${partition}:securityhub:${region}:${account}:product/${account}/default`;
}

/** One (check, resource): the evaluations that decided it and the worst status among them. */
export interface Merged {
  status: Status;
  result: AssessedResult;
  evaluations: string[];
  /** The evaluations that gave the merged status: their controls are the finding's requirements. */
  deciding: string[];
  /** Every merged failure is waived everywhere. */
  waived: boolean;
  waiverRefs: Set<string>;
}

const RANK: Record<Status, number> = { fail: 0, error: 1, pass: 2, not_applicable: 3 };

/** `framework title/control id` of each control an evaluation evidences. */
export function requirementsByEvaluation(a: Assessment): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const f of a.frameworks) {
    for (const c of f.controls) {
      for (const key of c.evaluations) {
        const list = map.get(key);
        const req = cut(`${f.title}/${c.id}`, ASFF_LIMITS.requirementChars);
        if (list) list.push(req);
        else map.set(key, [req]);
      }
    }
  }
  return map;
}

/** The (check, resource) pairs of one check's evaluations, merged, in ARN order. */
function* mergedOf(evaluations: Evaluation[]): Generator<Merged> {
  const byArn = new Map<string, Merged>();
  for (const ev of evaluations) {
    for (const r of ev.results) {
      if (r.status === 'not_applicable') continue;
      const m = byArn.get(r.resource.arn);
      const waived = r.status === 'fail' && r.waiver?.everywhere === true;
      if (!m) {
        byArn.set(r.resource.arn, { status: r.status, result: r, evaluations: [ev.key], deciding: [ev.key], waived: r.status !== 'fail' || waived, waiverRefs: new Set(r.waiver?.refs ?? []) });
        continue;
      }
      m.evaluations.push(ev.key);
      for (const ref of r.waiver?.refs ?? []) m.waiverRefs.add(ref);
      if (r.status === 'fail') m.waived &&= waived;
      if (RANK[r.status] < RANK[m.status]) [m.status, m.result, m.deciding] = [r.status, r, [ev.key]];
      else if (r.status === m.status) m.deciding.push(ev.key);
    }
  }
  for (const arn of [...byArn.keys()].sort()) yield byArn.get(arn)!;
}

/**
 * Every (check, resource) that was decided or could not be, streamed: by
 * check id, then resource ARN; the shared walk of the ASFF and OCSF reporters.
 */
export function* checkResources(a: Assessment): Generator<{ check: Assessment['checks'][number]; m: Merged }> {
  const checks = new Map(a.checks.map((c) => [c.id, c]));
  // Evaluations are sorted by key, and a check's keys (`id`, `id#params`) sort together.
  let group: Evaluation[] = [];
  const flush = function* () {
    if (group.length === 0) return;
    const check = checks.get(group[0]!.checkId)!;
    for (const m of mergedOf(group)) yield { check, m };
    group = [];
  };
  for (const ev of a.evaluations) {
    if (group.length > 0 && group[0]!.checkId !== ev.checkId) yield* flush();
    group.push(ev);
  }
  yield* flush();
}

/** The finding id both ASFF and OCSF use: check id and the finding identity, so a re-import updates it. */
export const findingId = (checkId: string, arn: string): string => cut(`archscan/${checkId}/${findingFingerprint(checkId, arn)}`, ASFF_LIMITS.id);

/** Every ASFF finding of the assessment, streamed: by check id, then resource ARN. */
export function* asffFindings(a: Assessment): Generator<AwsSecurityFinding> {
  const requirements = requirementsByEvaluation(a);
  const filter = a.filters ? cut(a.filters.statement, ASFF_LIMITS.productFieldValue) : undefined;
  for (const { check, m } of checkResources(a)) yield finding(a, check, m, requirements, filter);
}

function finding(a: Assessment, check: Assessment['checks'][number], m: Merged, requirements: Map<string, string[]>, filter: string | undefined): AwsSecurityFinding {
  const r = m.result;
  const region = findingRegion(a, r.resource.region);
  const account = r.resource.account;
  const reqs = [...new Set(m.deciding.flatMap((k) => requirements.get(k) ?? []))].sort();
  const fields: Record<string, string> = {
    'archscan/CheckId': check.id,
    'archscan/Status': m.status,
    'archscan/Severity': check.severity,
    'archscan/Evaluations': cut([...new Set(m.evaluations)].sort().join(','), ASFF_LIMITS.productFieldValue),
    'archscan/ResourceType': r.resource.type,
    'archscan/ResourceId': cut(r.resource.id, ASFF_LIMITS.productFieldValue),
    'archscan/Evidence': cut(JSON.stringify(r.evidence), ASFF_LIMITS.productFieldValue),
    'archscan/ToolVersion': a.tool.version,
  };
  if (m.waiverRefs.size > 0) fields['archscan/Waivers'] = cut([...m.waiverRefs].sort().join(','), ASFF_LIMITS.productFieldValue);
  if (reqs.length > ASFF_LIMITS.relatedRequirements) fields['archscan/RelatedRequirements'] = `${ASFF_LIMITS.relatedRequirements} of ${reqs.length} listed in Compliance.RelatedRequirements (the JSON report has all)`;
  if (filter !== undefined) fields['archscan/Filter'] = filter;
  const status = m.status === 'fail' ? 'FAILED' : m.status === 'error' ? 'WARNING' : 'PASSED';
  const waived = m.status === 'fail' && m.waived;
  const resource: NonNullable<AwsSecurityFinding['Resources']>[number] = {
    Type: asffResourceType(r.resource.type),
    Id: r.resource.arn,
    ...(PARTITIONS.has(a.snapshot.partition) ? { Partition: a.snapshot.partition as 'aws' } : {}),
    Region: region,
  };
  if (resource.Type === 'Other') {
    resource.Details = { Other: { 'archscan/ResourceType': r.resource.type, ...(r.resource.name ? { Name: cut(r.resource.name, ASFF_LIMITS.otherValue) } : {}) } };
  }
  const severity = { Label: m.status === 'pass' ? 'INFORMATIONAL' : LABEL[check.severity], Original: check.severity } as const;
  const description =
    m.status === 'error' ? `Could not be decided: ${r.message}` : waived ? `${r.message} (accepted risk: waived by ${[...m.waiverRefs].sort().join(', ')})` : r.message;
  return {
    SchemaVersion: ASFF_SCHEMA_VERSION,
    Id: findingId(check.id, r.resource.arn),
    ProductArn: productArn(a.snapshot.partition, region, account),
    GeneratorId: cut(`archscan/${check.id}`, ASFF_LIMITS.generatorId),
    AwsAccountId: account,
    Region: region,
    Types: [ASFF_FINDING_TYPE],
    // The snapshot's time, never the clock: the same snapshot gives the same bytes.
    CreatedAt: a.snapshot.collectedAt,
    UpdatedAt: a.snapshot.collectedAt,
    // A pass is informational (as Security Hub's own controls report it); a failure or an undecided result keeps the check's severity.
    Severity: severity,
    // Security Hub takes a provider's later severity and types from here (BatchImportFindings ignores updates of the top-level ones).
    FindingProviderFields: { Severity: severity, Types: [ASFF_FINDING_TYPE] },
    Title: cut(check.title, ASFF_LIMITS.title),
    Description: cut(description || check.title, ASFF_LIMITS.description),
    Remediation: { Recommendation: { Text: cut(check.remediation, ASFF_LIMITS.recommendationText) } },
    ProductFields: fields,
    Resources: [resource],
    Compliance: { Status: status, ...(reqs.length > 0 ? { RelatedRequirements: reqs.slice(0, ASFF_LIMITS.relatedRequirements) } : {}) },
    Workflow: { Status: m.status === 'pass' ? 'RESOLVED' : waived ? 'SUPPRESSED' : 'NEW' },
    RecordState: 'ACTIVE',
  };
}

/** The findings as a JSON array, one finding per line (the shape `aws securityhub batch-import-findings --findings` reads). */
export const renderAsff: Reporter = (a) =>
  rendered(function* () {
    let first = true;
    yield '[';
    for (const f of asffFindings(a)) {
      yield `${first ? '\n' : ',\n'}  ${JSON.stringify(f)}`;
      first = false;
    }
    yield first ? ']\n' : '\n]\n';
  });
