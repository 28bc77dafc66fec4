/**
 * Tiny inventories for check tests. Every inventory is deep-frozen, so a
 * check that mutates its input throws.
 */
import { describe, expect, it } from 'vitest';
import { emptyCollections, resourcesOf } from '../../src/inventory/build.js';
import { OPERATION_BY_KEY } from '../../src/services/operations.js';
import type { UnreadableRecord } from '../../src/services/source.js';
import { runCheck as runChecked } from '../../src/checks/run.js';
import type { Check, CheckResult, Status } from '../../src/checks/types.js';
import type {
  AccessAnalyzerRegion,
  ApiStage,
  AttachedPolicy,
  CallError,
  CloudWatchRegion,
  DbCluster,
  DbInstance,
  Distribution,
  Grants,
  IamGroup,
  IamRole,
  Image,
  Listener,
  LoadBalancer,
  PolicyDocument,
  PolicyStatement,
  PublicAccessBlockSettings,
  S3AccountPublicAccessBlock,
  S3Bucket,
  Secret,
  SnapshotPublicAccess,
  ConfigRegion,
  EbsEncryptionByDefault,
  FlowLog,
  GuardDutyRegion,
  IamUser,
  Inventory,
  KmsKey,
  NetworkAcl,
  NetworkAclEntry,
  Observed,
  PasswordPolicy,
  PasswordPolicySettings,
  Resource,
  RootUser,
  SecurityGroup,
  SecurityGroupRule,
  Trail,
  Volume,
  Vpc,
  Certificate,
  ClassicListener,
  ClassicLoadBalancer,
  ClassicWebAcl,
  ClassicWebAclRule,
  EcrRegistryScanning,
  EcrRepository,
  EksCluster,
  EksClusterDetail,
  InspectorRegion,
  Instance,
  LambdaFunction,
  PatchState,
  SecurityHubRegion,
  SsmManagedInstance,
  WebAcl,
  WebAclRule,
} from '../../src/inventory/types.js';

export const ACCOUNT = '123456789012';
export const REGION = 'ap-south-1';
export const NOW = '2026-11-20T00:00:00Z';

/** A failed call: `op` alone fails in REGION (or `global` for IAM). */
export type Failure = string | { op: string; region?: string; code?: string };

export interface InventoryInput extends Partial<Omit<Inventory, 'byArn' | 'failures' | 'unreadable' | 'dataErrors'>> {
  failed?: Failure[];
  /** Records that could not be read (as the adapters report them). */
  unreadable?: UnreadableRecord[];
}

export function callError(op: string, region: string, code = 'AccessDenied', resource?: string): CallError {
  const [service = '', operation = ''] = op.split(':');
  const e: CallError = { service, operation, region, code, message: `User is not authorized to perform: ${op}` };
  if (resource !== undefined) e.resource = resource;
  return e;
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

/**
 * A tiny inventory: every registered module's empty collections (so a new
 * module's collections appear here with no edit), overridden by `input`.
 */
export function inventory(input: InventoryInput = {}): Inventory {
  const { failed = [], unreadable = [], ...rest } = input;
  const failures = new Map<string, Map<string, CallError>>();
  for (const f of failed) {
    const op = typeof f === 'string' ? f : f.op;
    const scope = OPERATION_BY_KEY.get(op)?.scope;
    const region = (typeof f === 'string' ? undefined : f.region) ?? (scope === 'global' ? 'global' : REGION);
    const code = (typeof f === 'string' ? undefined : f.code) ?? 'AccessDenied';
    const byRegion = failures.get(op) ?? new Map<string, CallError>();
    byRegion.set(region, callError(op, region, code));
    failures.set(op, byRegion);
  }
  const unreadableMap = new Map<string, Map<string, UnreadableRecord[]>>();
  for (const u of unreadable) {
    const byRegion = unreadableMap.get(u.key) ?? new Map<string, UnreadableRecord[]>();
    byRegion.set(u.region, [...(byRegion.get(u.region) ?? []), u]);
    unreadableMap.set(u.key, byRegion);
  }
  const inv = {
    accountId: ACCOUNT,
    partition: 'aws',
    regions: [REGION],
    collectedAt: NOW,
    ...emptyCollections({ accountId: ACCOUNT, partition: 'aws', regions: [REGION] }),
    passwordPolicy: passwordPolicy(null),
    s3AccountPublicAccessBlock: accountPublicAccessBlock(null),
    ...rest,
  };
  const byArn = new Map<string, Resource>();
  for (const r of resourcesOf(inv)) byArn.set(r.arn, r);
  return deepFreeze({ ...inv, byArn, failures, unreadable: unreadableMap, dataErrors: unreadable.map((u) => u.error) } as unknown as Inventory);
}

/** Run a check on a tiny inventory, with its defaults merged under `params`. */
export function runCheck<P>(check: Check<P>, input: InventoryInput = {}, params?: Partial<P>): CheckResult[] {
  return runChecked(check, inventory(input), { ...check.defaults, ...params });
}

const ok = <T>(value: T): Observed<T> => ({ ok: true, value });
export const failedCall = <T>(op: string, resource?: string, region = REGION): Observed<T> => ({
  ok: false,
  error: callError(op, region, 'AccessDenied', resource),
});

function base<T extends Resource['type']>(type: T, service: string, kind: string, id: string, region = REGION) {
  const arnRegion = region === 'global' ? '' : region;
  return { type, arn: `arn:aws:${service}:${arnRegion}:${ACCOUNT}:${kind}/${id}`, id, account: ACCOUNT, region, tags: {} };
}

// --- EC2 ---------------------------------------------------------------

export function rule(
  protocol: string,
  fromPort: number | undefined,
  toPort: number | undefined,
  source: string,
  direction: 'ingress' | 'egress' = 'ingress',
): SecurityGroupRule {
  const peer: SecurityGroupRule['peer'] = source.startsWith('pl-')
    ? { kind: 'prefixList', value: source, cidrs: ok([]) }
    : source.startsWith('sg-')
      ? { kind: 'securityGroup', value: source }
      : source.includes(':')
        ? { kind: 'cidr6', value: source }
        : { kind: 'cidr4', value: source };
  const r: SecurityGroupRule = { direction, protocol, peer };
  if (fromPort !== undefined) r.fromPort = fromPort;
  if (toPort !== undefined) r.toPort = toPort;
  return r;
}

/** A prefix-list rule whose entries resolved to `cidrs` (or failed to resolve). */
export function prefixListRule(protocol: string, fromPort: number, toPort: number, id: string, cidrs: string[] | 'failed'): SecurityGroupRule {
  return {
    direction: 'ingress',
    protocol,
    fromPort,
    toPort,
    peer: { kind: 'prefixList', value: id, cidrs: cidrs === 'failed' ? failedCall('ec2:GetManagedPrefixListEntries', id) : ok(cidrs) },
  };
}

let sgCounter = 0;
export function sg(...rules: SecurityGroupRule[]): SecurityGroup {
  const id = `sg-${String(++sgCounter).padStart(8, '0')}`;
  return {
    ...base('AWS::EC2::SecurityGroup', 'ec2', 'security-group', id),
    groupName: `group-${id}`,
    name: `group-${id}`,
    vpcId: 'vpc-00000001',
    isDefault: false,
    ingress: rules.filter((r) => r.direction === 'ingress'),
    egress: rules.filter((r) => r.direction === 'egress'),
  };
}

export function defaultSg(...rules: SecurityGroupRule[]): SecurityGroup {
  return { ...sg(...rules), groupName: 'default', name: 'default', isDefault: true };
}

export function naclEntry(
  ruleNumber: number,
  action: 'allow' | 'deny',
  protocol: string,
  cidr: string,
  ports?: [number, number],
  egress = false,
): NetworkAclEntry {
  const e: NetworkAclEntry = { ruleNumber, egress, action, protocol, cidr, ipv6: cidr.includes(':') };
  if (ports) e.portRange = { from: ports[0], to: ports[1] };
  return e;
}

let naclCounter = 0;
export function nacl(entries: NetworkAclEntry[], subnetIds: string[] = ['subnet-00000001']): NetworkAcl {
  const id = `acl-${String(++naclCounter).padStart(8, '0')}`;
  return {
    ...base('AWS::EC2::NetworkAcl', 'ec2', 'network-acl', id),
    vpcId: 'vpc-00000001',
    isDefault: false,
    entries: [...entries].sort((a, b) => a.ruleNumber - b.ruleNumber),
    subnetIds,
  };
}

export function vpc(id = 'vpc-00000001', isDefault = false): Vpc {
  return { ...base('AWS::EC2::VPC', 'ec2', 'vpc', id), cidrBlocks: ['10.0.0.0/16'], ipv6CidrBlocks: [], isDefault };
}

export function flowLog(resourceId: string, trafficType: FlowLog['trafficType'] = 'ALL', status = 'ACTIVE', id = `fl-${resourceId}`): FlowLog {
  const f: FlowLog = { ...base('AWS::EC2::FlowLog', 'ec2', 'vpc-flow-log', id), resourceId, status, destinationType: 'cloud-watch-logs' };
  if (trafficType !== undefined) f.trafficType = trafficType;
  return f;
}

export function volume(id: string, encrypted: boolean, extra: Partial<Volume> = {}): Volume {
  return { ...base('AWS::EC2::Volume', 'ec2', 'volume', id), encrypted, attachedInstanceIds: [], state: 'in-use', ...extra };
}

export function ebsDefault(enabled: boolean | 'failed', region = REGION): EbsEncryptionByDefault {
  return {
    type: 'AWS::EC2::EBSEncryptionByDefault',
    arn: `arn:aws:ec2:${region}:${ACCOUNT}:ebs-encryption-by-default`,
    id: `ebs-encryption-by-default/${region}`,
    account: ACCOUNT,
    region,
    tags: {},
    enabled: enabled === 'failed' ? failedCall('ec2:GetEbsEncryptionByDefault', undefined, region) : ok(enabled),
  };
}

// --- KMS ---------------------------------------------------------------

export interface KeyOptions {
  manager?: 'AWS' | 'CUSTOMER';
  state?: string;
  spec?: string;
  origin?: string;
  deletionDate?: string;
  rotation?: boolean | 'failed';
  metadata?: 'failed';
  policy?: PolicyDocument | 'failed';
}

export function kmsKey(id: string, o: KeyOptions = {}): KmsKey {
  const meta: KmsKey['metadata'] =
    o.metadata === 'failed'
      ? failedCall('kms:DescribeKey', id)
      : ok({
          manager: o.manager ?? 'CUSTOMER',
          state: o.state ?? 'Enabled',
          spec: o.spec ?? 'SYMMETRIC_DEFAULT',
          usage: 'ENCRYPT_DECRYPT',
          origin: o.origin ?? 'AWS_KMS',
          ...(o.deletionDate ? { deletionDate: o.deletionDate } : {}),
        });
  return {
    ...base('AWS::KMS::Key', 'kms', 'key', id),
    aliases: [],
    metadata: meta,
    rotation: o.rotation === 'failed' ? failedCall('kms:GetKeyRotationStatus', id) : ok({ enabled: o.rotation ?? true }),
    policy: o.policy === 'failed' ? failedCall('kms:GetKeyPolicy', id) : ok(o.policy ?? policyDoc({ principals: [`AWS:arn:aws:iam::${ACCOUNT}:root`], actions: ['kms:*'] })),
  };
}

// --- CloudTrail --------------------------------------------------------

export interface TrailOptions {
  multiRegion?: boolean;
  logging?: boolean | 'failed';
  read?: boolean;
  write?: boolean;
  selectors?: 'failed';
  validation?: boolean;
  kmsKeyId?: string;
  cloudWatch?: string;
}

export function trail(name: string, o: TrailOptions = {}): Trail {
  const t: Trail = {
    ...base('AWS::CloudTrail::Trail', 'cloudtrail', 'trail', name),
    name,
    homeRegion: REGION,
    isMultiRegion: o.multiRegion ?? true,
    isOrganizationTrail: false,
    logFileValidation: o.validation ?? true,
    includeGlobalServiceEvents: true,
    status: o.logging === 'failed' ? failedCall('cloudtrail:GetTrailStatus', name) : ok({ isLogging: o.logging ?? true }),
    managementEvents: o.selectors === 'failed' ? failedCall('cloudtrail:GetEventSelectors', name) : ok({ read: o.read ?? true, write: o.write ?? true }),
  };
  if (o.kmsKeyId !== undefined) t.kmsKeyId = o.kmsKeyId;
  if (o.cloudWatch !== undefined) t.cloudWatchLogGroupArn = o.cloudWatch;
  return t;
}

// --- GuardDuty, Config --------------------------------------------------

export function guardDuty(detectors: { id: string; status: 'ENABLED' | 'DISABLED' | 'failed' }[], region = REGION): GuardDutyRegion {
  return {
    type: 'AWS::GuardDuty::RegionSettings',
    arn: `arn:aws:guardduty:${region}:${ACCOUNT}:detector`,
    id: `guardduty/${region}`,
    account: ACCOUNT,
    region,
    tags: {},
    detectors: detectors.map((d) => ({
      id: d.id,
      status: d.status === 'failed' ? failedCall('guardduty:GetDetector', d.id, region) : ok(d.status),
      features: d.status === 'failed' ? failedCall('guardduty:GetDetector', d.id, region) : ok({ EBS_MALWARE_PROTECTION: 'ENABLED' }),
      malwareProtection: d.status === 'failed' ? failedCall('guardduty:GetDetector', d.id, region) : ok({ feature: 'ENABLED' }),
      administrator: ok({ accountId: '999999999999', relationshipStatus: 'Enabled' }),
      members: ok([]),
    })),
  };
}

export function configRegion(recorders: ConfigRegion['recorders'], deliveryChannels: string[] = ['default'], region = REGION): ConfigRegion {
  return {
    type: 'AWS::Config::RegionSettings',
    arn: `arn:aws:config:${region}:${ACCOUNT}:configuration-recorder`,
    id: `config/${region}`,
    account: ACCOUNT,
    region,
    tags: {},
    recorders,
    deliveryChannels,
  };
}

// --- IAM ---------------------------------------------------------------

export function iamUser(name: string, o: Partial<Omit<IamUser, 'type'>> = {}): IamUser {
  return {
    type: 'AWS::IAM::User',
    arn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
    id: name,
    name,
    account: ACCOUNT,
    region: 'global',
    tags: {},
    createdAt: '2025-01-01T00:00:00Z',
    passwordEnabled: false,
    mfaActive: false,
    accessKeys: [
      { slot: 1, active: false },
      { slot: 2, active: false },
    ],
    grants: ok({ attached: [], inline: [], groups: [] }),
    ...o,
  };
}

export function rootUser(o: Partial<Omit<RootUser, 'type'>> = {}): RootUser {
  return {
    type: 'AWS::IAM::Root',
    arn: `arn:aws:iam::${ACCOUNT}:root`,
    id: 'root',
    name: '<root_account>',
    account: ACCOUNT,
    region: 'global',
    tags: {},
    passwordEnabled: true,
    mfaActive: true,
    accessKeys: [
      { slot: 1, active: false },
      { slot: 2, active: false },
    ],
    ...o,
  };
}

export function passwordPolicy(settings: Partial<PasswordPolicySettings> | null | 'failed'): PasswordPolicy {
  return {
    type: 'AWS::IAM::PasswordPolicy',
    arn: `arn:aws:iam::${ACCOUNT}:account-password-policy`,
    id: 'account-password-policy',
    account: ACCOUNT,
    region: 'global',
    tags: {},
    policy:
      settings === 'failed'
        ? failedCall('iam:GetAccountPasswordPolicy', undefined, 'global')
        : settings === null
          ? ok(null)
          : ok({
              requireSymbols: false,
              requireNumbers: false,
              requireUppercase: false,
              requireLowercase: false,
              expirePasswords: false,
              ...settings,
            }),
  };
}

// --- Policies --------------------------------------------------------------

/** A one-statement policy; `principals` only for resource policies. */
export function policyDoc(...statements: Partial<PolicyStatement>[]): PolicyDocument {
  return {
    statements: statements.map((st) => ({
      effect: 'Allow',
      actions: [],
      notActions: [],
      resources: ['*'],
      notResources: [],
      principals: [],
      hasCondition: Object.keys(st.conditions ?? {}).length > 0,
      conditions: {},
      ...st,
    })),
  };
}

export const ADMIN_POLICY: AttachedPolicy = { arn: 'arn:aws:iam::aws:policy/AdministratorAccess', name: 'AdministratorAccess', awsManaged: true };

export function grants(o: Partial<Grants> = {}): Grants {
  return { attached: [], inline: [], ...o };
}

export function iamRole(name: string, g: Grants = grants(), o: Partial<Omit<IamRole, 'type'>> = {}): IamRole {
  return { type: 'AWS::IAM::Role', arn: `arn:aws:iam::${ACCOUNT}:role/${name}`, id: name, name, account: ACCOUNT, region: 'global', tags: {}, path: '/', grants: g, ...o };
}

export function iamGroup(name: string, g: Grants = grants()): IamGroup {
  return { type: 'AWS::IAM::Group', arn: `arn:aws:iam::${ACCOUNT}:group/${name}`, id: name, name, account: ACCOUNT, region: 'global', tags: {}, grants: g };
}

// --- Access Analyzer, CloudWatch -------------------------------------------

export function accessAnalyzerRegion(analyzers: AccessAnalyzerRegion['analyzers'], region = REGION): AccessAnalyzerRegion {
  return { type: 'AWS::AccessAnalyzer::RegionSettings', arn: `arn:aws:access-analyzer:${region}:${ACCOUNT}:analyzer`, id: `access-analyzer/${region}`, account: ACCOUNT, region, tags: {}, analyzers };
}

export function cloudWatchRegion(o: Partial<CloudWatchRegion> = {}, region = REGION): CloudWatchRegion {
  return { region, metricFilters: ok([]), alarms: ok([]), ...o };
}

// --- S3 --------------------------------------------------------------------

export const ALL_BLOCKED: PublicAccessBlockSettings = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };

export function accountPublicAccessBlock(settings: PublicAccessBlockSettings | null | 'failed'): S3AccountPublicAccessBlock {
  return {
    type: 'AWS::S3::AccountPublicAccessBlock',
    arn: `arn:aws:s3:::account/${ACCOUNT}/public-access-block`,
    id: 'account-public-access-block',
    account: ACCOUNT,
    region: 'global',
    tags: {},
    settings: settings === 'failed' ? failedCall('s3control:GetPublicAccessBlock', undefined, 'global') : ok(settings),
  };
}

export function bucket(name: string, o: Partial<Omit<S3Bucket, 'type'>> = {}): S3Bucket {
  return {
    type: 'AWS::S3::Bucket',
    arn: `arn:aws:s3:::${name}`,
    id: name,
    name,
    account: ACCOUNT,
    region: REGION,
    tags: {},
    publicAccessBlock: ok(ALL_BLOCKED),
    encryption: ok({ algorithm: 'aws:kms', kmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1` }),
    policy: ok(null),
    policyIsPublic: ok(null),
    publicAclGrants: ok([]),
    logSourceTrails: [],
    ...o,
  };
}

// --- EC2 images and snapshots ----------------------------------------------

export function publicSnapshots(ids: string[] | 'failed', region = REGION): SnapshotPublicAccess {
  return {
    type: 'AWS::EC2::SnapshotPublicAccess',
    arn: `arn:aws:ec2:${region}:${ACCOUNT}:snapshot/*`,
    id: `public-snapshots/${region}`,
    account: ACCOUNT,
    region,
    tags: {},
    publicSnapshots: ids === 'failed' ? failedCall('ec2:DescribeSnapshots', undefined, region) : ok(ids),
  };
}

export function image(id: string, isPublic: boolean): Image {
  return { type: 'AWS::EC2::Image', arn: `arn:aws:ec2:${REGION}::image/${id}`, id, account: ACCOUNT, region: REGION, tags: {}, public: isPublic, state: 'available' };
}

// --- Load balancers, API Gateway, CloudFront --------------------------------

export function listener(protocol: string, port: number, o: Partial<Listener> = {}): Listener {
  return { arn: `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:listener/app/lb/1/${port}`, port, protocol, defaultActions: [{ type: 'forward' }], ...o };
}

export function loadBalancer(name: string, listeners: Listener[] | 'failed', o: Partial<Omit<LoadBalancer, 'type'>> = {}): LoadBalancer {
  return {
    type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    arn: `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/${name}/0123456789abcdef`,
    id: name,
    name,
    account: ACCOUNT,
    region: REGION,
    tags: {},
    lbType: 'application',
    scheme: 'internet-facing',
    vpcId: 'vpc-00000001',
    availabilityZones: [`${REGION}a`, `${REGION}b`],
    listeners: listeners === 'failed' ? failedCall('elasticloadbalancing:DescribeListeners', name) : ok(listeners),
    webAcl: ok(null),
    ...o,
  };
}

export function apiStage(apiId: string, stageName: string, webAclArn: string | null): ApiStage {
  return {
    type: 'AWS::ApiGateway::Stage',
    arn: `arn:aws:apigateway:${REGION}::/restapis/${apiId}/stages/${stageName}`,
    id: `${apiId}/${stageName}`,
    name: `${apiId}/${stageName}`,
    account: ACCOUNT,
    region: REGION,
    tags: {},
    restApiId: apiId,
    stageName,
    webAclArn,
    endpointTypes: ['REGIONAL'],
  };
}

export function distribution(id: string, webAclId: string | null, o: Partial<Omit<Distribution, 'type'>> = {}): Distribution {
  return { type: 'AWS::CloudFront::Distribution', arn: `arn:aws:cloudfront::${ACCOUNT}:distribution/${id}`, id, account: ACCOUNT, region: 'global', tags: {}, enabled: true, webAclId, ...o };
}

// --- RDS, Secrets Manager ---------------------------------------------------

export function dbInstance(id: string, o: Partial<Omit<DbInstance, 'type'>> = {}): DbInstance {
  return {
    type: 'AWS::RDS::DBInstance',
    arn: `arn:aws:rds:${REGION}:${ACCOUNT}:db:${id}`,
    id,
    account: ACCOUNT,
    region: REGION,
    tags: {},
    engine: 'postgres',
    storageEncrypted: true,
    publiclyAccessible: false,
    multiAz: true,
    backupRetentionDays: 7,
    status: 'available',
    ...o,
  };
}

export function dbCluster(id: string, o: Partial<Omit<DbCluster, 'type'>> = {}): DbCluster {
  return {
    type: 'AWS::RDS::DBCluster',
    arn: `arn:aws:rds:${REGION}:${ACCOUNT}:cluster:${id}`,
    id,
    account: ACCOUNT,
    region: REGION,
    tags: {},
    engine: 'aurora-postgresql',
    storageEncrypted: true,
    multiAz: true,
    backupRetentionDays: 7,
    availabilityZones: [`${REGION}a`, `${REGION}b`],
    members: [],
    ...o,
  };
}

export function secret(name: string, o: Partial<Omit<Secret, 'type'>> = {}): Secret {
  return {
    type: 'AWS::SecretsManager::Secret',
    arn: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${name}-AbCdEf`,
    id: name,
    name,
    account: ACCOUNT,
    region: REGION,
    tags: {},
    rotationEnabled: true,
    rotationDays: 30,
    lastRotated: '2026-11-01T00:00:00Z',
    createdAt: '2025-01-01T00:00:00Z',
    ...o,
  };
}

// --- Coverage II, part B: SSM, Security Hub, Inspector, Lambda, Classic ELB, ACM, WAF, EKS, ECR ---

export function ec2Instance(id: string, o: Partial<Omit<Instance, 'type'>> = {}): Instance {
  return { ...base('AWS::EC2::Instance', 'ec2', 'instance', id), state: 'running', securityGroupIds: [], ...o };
}

export function managedInstance(id: string, patchState: PatchState | null | 'failed', o: Partial<Omit<SsmManagedInstance, 'type'>> = {}): SsmManagedInstance {
  return {
    ...base('AWS::SSM::ManagedInstance', 'ssm', 'managed-instance', id),
    instanceId: id,
    pingStatus: 'Online',
    resourceType: 'EC2Instance',
    patchState: patchState === 'failed' ? failedCall('ssm:DescribeInstancePatchStates', id) : ok(patchState),
    ...o,
  };
}

export function patchState(o: Partial<PatchState> = {}): PatchState {
  return { baselineId: 'pb-0123456789abcdef0', operation: 'Scan', operationEndTime: '2026-11-19T02:00:00Z', missingCount: 0, failedCount: 0, ...o };
}

export function securityHub(hubArn: string | null, standards: SecurityHubRegion['standards'] = [], region = REGION): SecurityHubRegion {
  return {
    type: 'AWS::SecurityHub::Hub',
    arn: hubArn ?? `arn:aws:securityhub:${region}:${ACCOUNT}:hub/default`,
    id: `securityhub/${region}`,
    account: ACCOUNT,
    region,
    tags: {},
    hubArn,
    standards,
  };
}

export function inspectorStatus(resourceStatus: Record<string, string>, status = 'ENABLED', region = REGION): InspectorRegion {
  return { type: 'AWS::Inspector2::AccountStatus', arn: `arn:aws:inspector2:${region}:${ACCOUNT}:account-status`, id: `inspector2/${region}`, account: ACCOUNT, region, tags: {}, status, resourceStatus };
}

export function lambdaFunction(name: string, o: Partial<Omit<LambdaFunction, 'type'>> = {}): LambdaFunction {
  return {
    type: 'AWS::Lambda::Function',
    arn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`,
    id: name,
    name,
    account: ACCOUNT,
    region: REGION,
    tags: {},
    runtime: 'python3.12',
    packageType: 'Zip',
    subnetIds: [],
    policy: ok(null),
    ...o,
  };
}

export function classicListener(protocol: string, port: number, o: Partial<ClassicListener> = {}): ClassicListener {
  return { protocol, port, policyNames: [], ...o };
}

export function classicLoadBalancer(name: string, listeners: ClassicListener[], o: Partial<Omit<ClassicLoadBalancer, 'type'>> = {}): ClassicLoadBalancer {
  return {
    type: 'AWS::ElasticLoadBalancing::LoadBalancer',
    arn: `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/${name}`,
    id: name,
    name,
    account: ACCOUNT,
    region: REGION,
    tags: {},
    scheme: 'internet-facing',
    availabilityZones: [`${REGION}a`, `${REGION}b`],
    listeners,
    policies: ok([]),
    accessLog: ok({ enabled: true, bucket: 'elb-logs' }),
    ...o,
  };
}

export function certificate(id: string, o: Partial<Omit<Certificate, 'type'>> = {}): Certificate {
  return {
    ...base('AWS::CertificateManager::Certificate', 'acm', 'certificate', id),
    domainName: 'www.example.com',
    status: 'ISSUED',
    certificateType: 'AMAZON_ISSUED',
    keyAlgorithm: 'RSA_2048',
    inUse: true,
    notAfter: '2027-06-01T00:00:00Z',
    renewalEligibility: 'ELIGIBLE',
    ...o,
  };
}

export function webAcl(name: string, o: Partial<Omit<WebAcl, 'type'>> = {}): WebAcl {
  const arn = `arn:aws:wafv2:${REGION}:${ACCOUNT}:regional/webacl/${name}/11111111-2222-3333-4444-555555555555`;
  return {
    type: 'AWS::WAFv2::WebACL',
    arn,
    id: '11111111-2222-3333-4444-555555555555',
    name,
    account: ACCOUNT,
    region: REGION,
    tags: {},
    loadBalancerArns: ok([`arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/web/0123456789abcdef`]),
    detail: ok({ defaultAction: 'ALLOW', rules: [] }),
    logging: ok({ destinations: [`arn:aws:logs:${REGION}:${ACCOUNT}:log-group:aws-waf-logs-${name}`] }),
    ...o,
  };
}

export function managedRule(name: string, priority: number, countOnly = false): WebAclRule {
  return { name, priority, managedRuleGroup: { vendor: 'AWS', name }, countOnly };
}

export function classicWebAcl(id: string, name: string, rules: ClassicWebAclRule[] | 'failed' = []): ClassicWebAcl {
  return {
    type: 'AWS::WAF::WebACL',
    arn: `arn:aws:waf::${ACCOUNT}:webacl/${id}`,
    id,
    name,
    account: ACCOUNT,
    region: 'global',
    tags: {},
    detail: rules === 'failed' ? failedCall('waf:GetWebACL', id, 'global') : ok({ defaultAction: 'ALLOW', rules }),
  };
}

export function eksCluster(name: string, detail: Partial<EksClusterDetail> | 'failed' = {}): EksCluster {
  return {
    ...base('AWS::EKS::Cluster', 'eks', 'cluster', name),
    name,
    detail:
      detail === 'failed'
        ? failedCall('eks:DescribeCluster', name)
        : ok({
            version: '1.34',
            endpointPublicAccess: false,
            endpointPrivateAccess: true,
            publicAccessCidrs: [],
            enabledLogTypes: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'],
            encryption: [{ resources: ['secrets'], keyArn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/eks` }],
            ...detail,
          }),
  };
}

export function ecrRepository(name: string, o: Partial<Omit<EcrRepository, 'type'>> = {}): EcrRepository {
  return { ...base('AWS::ECR::Repository', 'ecr', 'repository', name), name, tagMutability: 'IMMUTABLE', scanOnPush: true, policy: ok(null), ...o };
}

export function ecrRegistry(scanType: string, rules: EcrRegistryScanning['rules'] = [], region = REGION): EcrRegistryScanning {
  return {
    type: 'AWS::ECR::RegistryScanningConfiguration',
    arn: `arn:aws:ecr:${region}:${ACCOUNT}:registry/scanning-configuration`,
    id: `ecr-registry-scanning/${region}`,
    account: ACCOUNT,
    region,
    tags: {},
    scanType,
    rules,
  };
}

// --- One table runner for check tests -----------------------------------------

export interface TableCase {
  name: string;
  input: InventoryInput;
  params?: object;
  /** Every result, in ARN order; a fail must say what decided it (evidence). */
  expected: { status: Status; arn: string; evidence?: unknown; message?: string }[];
}

/** The evidence of a call denied in REGION (on one resource, or region-wide), as a check or the runner quotes it. */
export function deniedCall(op: string, resource?: string, region: string = REGION): Record<string, unknown> {
  return { call: op, region, code: 'AccessDenied', message: `User is not authorized to perform: ${op}`, requiredPermission: op, ...(resource !== undefined ? { resource } : {}) };
}

/**
 * Run a check's table (after ESLint's RuleTester): case names are unique, every fail case names its evidence, and each
 * case's results equal the expected statuses, ARNs, evidence and messages.
 */
export function runTable<P>(check: Check<P>, cases: TableCase[], o: { neverNotApplicable?: string } = {}): void {
  describe(check.id, () => {
    it('has a well-formed table', () => {
      expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
      for (const c of cases) for (const e of c.expected) if (e.status === 'fail') expect(e.evidence, `${c.name}: a fail case names its evidence`).toBeDefined();
      const statuses = o.neverNotApplicable === undefined ? ['pass', 'fail', 'error', 'not_applicable'] : ['pass', 'fail', 'error'];
      for (const status of statuses) expect(cases.some((c) => c.expected.some((e) => e.status === status)), status).toBe(true);
    });
    it.each(cases)('$name', ({ input, params, expected }) => {
      const results = runCheck(check, input, params as Partial<P> | undefined);
      expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
      expected.forEach((e, i) => {
        if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
        if (e.message !== undefined) expect(results[i]?.message).toBe(e.message);
      });
    });
  });
}
