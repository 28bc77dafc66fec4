/**
 * Builders for the resources of the issue-12 (part A) modules: log groups,
 * DynamoDB tables, AWS Backup, Data Lifecycle Manager, ElastiCache, EFS,
 * RDS snapshots, Organizations and the account's enabled regions. Kept
 * beside check-harness.ts (which they build on) so that check tests stay
 * tiny inventories.
 */
import type {
  AccountRegions,
  BackupPlan,
  BackupRegion,
  BackupVault,
  CacheCluster,
  CacheSubnetGroup,
  DbSnapshot,
  DlmPolicy,
  DlmPolicyDetails,
  DynamoTable,
  DynamoTableDetails,
  EfsFileSystem,
  LogGroup,
  Observed,
  OrganizationDetails,
  OrganizationMembership,
  ProtectedResource,
  RouteTable,
  Subnet,
} from '../../src/inventory/types.js';
import { ACCOUNT, REGION, failedCall } from './check-harness.js';

export const ok = <T>(value: T): Observed<T> => ({ ok: true, value });

export function logGroup(name: string, o: Partial<Omit<LogGroup, 'type'>> = {}): LogGroup {
  return { type: 'AWS::Logs::LogGroup', arn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${name}`, id: name, name, account: ACCOUNT, region: REGION, tags: {}, logGroupClass: 'STANDARD', ...o };
}

export function dynamoTable(
  name: string,
  o: { details?: Partial<DynamoTableDetails> | 'failed'; pitr?: boolean | 'failed'; recoveryPeriodDays?: number; region?: string } = {},
): DynamoTable {
  const region = o.region ?? REGION;
  return {
    type: 'AWS::DynamoDB::Table',
    arn: `arn:aws:dynamodb:${region}:${ACCOUNT}:table/${name}`,
    id: name,
    name,
    account: ACCOUNT,
    region,
    tags: {},
    details:
      o.details === 'failed'
        ? failedCall('dynamodb:DescribeTable', name, region)
        : ok({ status: 'ACTIVE', encryption: { type: 'AWS_OWNED' }, replicaRegions: [], deletionProtection: false, ...o.details }),
    pointInTimeRecovery:
      o.pitr === 'failed'
        ? failedCall('dynamodb:DescribeContinuousBackups', name, region)
        : ok({ enabled: o.pitr ?? true, ...(o.recoveryPeriodDays !== undefined ? { recoveryPeriodDays: o.recoveryPeriodDays } : {}) }),
  };
}

export function protectedResource(resourceArn: string, lastBackupTime: string, resourceType = 'EBS', listedIn = REGION): ProtectedResource {
  return { resourceArn, resourceType, lastBackupTime, listedIn, lastBackupVaultArn: `arn:aws:backup:${listedIn}:${ACCOUNT}:backup-vault:Default` };
}

export function backupRegion(resources: ProtectedResource[] | 'failed', region = REGION): BackupRegion {
  return { region, protectedResources: resources === 'failed' ? failedCall('backup:ListProtectedResources', undefined, region) : ok(resources) };
}

export function backupVault(name: string, o: Partial<Omit<BackupVault, 'type'>> = {}): BackupVault {
  const region = o.region ?? REGION;
  return { type: 'AWS::Backup::BackupVault', arn: `arn:aws:backup:${region}:${ACCOUNT}:backup-vault:${name}`, id: name, name, account: ACCOUNT, region, tags: {}, locked: false, ...o };
}

export function backupPlan(id: string, copyDestinations: string[] | 'failed', region = REGION): BackupPlan {
  return {
    type: 'AWS::Backup::BackupPlan',
    arn: `arn:aws:backup:${region}:${ACCOUNT}:backup-plan:${id}`,
    id,
    name: id,
    account: ACCOUNT,
    region,
    tags: {},
    rules: copyDestinations === 'failed' ? failedCall('backup:GetBackupPlan', id, region) : ok([{ name: 'daily', targetVault: 'Default', copyDestinations }]),
  };
}

export function dlmPolicy(id: string, details: Partial<DlmPolicyDetails> | 'failed', state = 'ENABLED', region = REGION): DlmPolicy {
  return {
    type: 'AWS::DLM::LifecyclePolicy',
    arn: `arn:aws:dlm:${region}:${ACCOUNT}:policy/${id}`,
    id,
    account: ACCOUNT,
    region,
    tags: {},
    state,
    details:
      details === 'failed'
        ? failedCall('dlm:GetLifecyclePolicy', id, region)
        : ok({
            policyType: 'EBS_SNAPSHOT_MANAGEMENT',
            defaultPolicy: false,
            resourceTypes: ['VOLUME'],
            targetTags: [],
            hasSchedules: true,
            excludeBootVolumes: false,
            excludeVolumeTypes: [],
            excludeTags: [],
            copyRegions: [],
            ...details,
          }),
  };
}

export function cacheCluster(id: string, o: Partial<Omit<CacheCluster, 'type'>> = {}): CacheCluster {
  return {
    type: 'AWS::ElastiCache::CacheCluster',
    arn: `arn:aws:elasticache:${REGION}:${ACCOUNT}:cluster:${id}`,
    id,
    account: ACCOUNT,
    region: REGION,
    tags: {},
    engine: 'redis',
    transitEncryption: true,
    atRestEncryption: true,
    subnetGroupName: 'private',
    ...o,
  };
}

export function cacheSubnetGroup(name: string, subnetIds: string[]): CacheSubnetGroup {
  return { type: 'AWS::ElastiCache::SubnetGroup', arn: `arn:aws:elasticache:${REGION}:${ACCOUNT}:subnetgroup:${name}`, id: name, account: ACCOUNT, region: REGION, tags: {}, vpcId: 'vpc-00000001', subnetIds };
}

export function subnet(id: string, routeTableId?: string): Subnet {
  return {
    type: 'AWS::EC2::Subnet',
    arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:subnet/${id}`,
    id,
    account: ACCOUNT,
    region: REGION,
    tags: {},
    vpcId: 'vpc-00000001',
    ipv6CidrBlocks: [],
    mapPublicIpOnLaunch: false,
    ...(routeTableId !== undefined ? { routeTableId } : {}),
  };
}

export function routeTable(id: string, routes: { destination: string; target: string; state?: string }[]): RouteTable {
  return { type: 'AWS::EC2::RouteTable', arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:route-table/${id}`, id, account: ACCOUNT, region: REGION, tags: {}, vpcId: 'vpc-00000001', isMain: false, subnetIds: [], routes };
}

export function efsFileSystem(id: string, o: Partial<Omit<EfsFileSystem, 'type'>> = {}): EfsFileSystem {
  return { type: 'AWS::EFS::FileSystem', arn: `arn:aws:elasticfilesystem:${REGION}:${ACCOUNT}:file-system/${id}`, id, account: ACCOUNT, region: REGION, tags: {}, encrypted: true, state: 'available', ...o };
}

export function dbSnapshot(id: string, restorableBy: string[] | 'failed' | null, o: Partial<Omit<DbSnapshot, 'restorableBy'>> = {}): DbSnapshot {
  const type = o.type ?? 'AWS::RDS::DBSnapshot';
  const kind = type === 'AWS::RDS::DBClusterSnapshot' ? 'cluster-snapshot' : 'snapshot';
  return {
    type,
    arn: `arn:aws:rds:${REGION}:${ACCOUNT}:${kind}:${id}`,
    id,
    account: ACCOUNT,
    region: REGION,
    tags: {},
    snapshotType: restorableBy === null ? 'automated' : 'manual',
    encrypted: true,
    restorableBy:
      restorableBy === null
        ? null
        : restorableBy === 'failed'
          ? failedCall(type === 'AWS::RDS::DBClusterSnapshot' ? 'rds:DescribeDBClusterSnapshotAttributes' : 'rds:DescribeDBSnapshotAttributes', id)
          : ok(restorableBy),
    ...o,
  };
}

export const ORG_ARN = `arn:aws:organizations::${ACCOUNT}:organization`;

/** The account's organization membership: `null` for none, or the organization managed from `managementAccountId` (default: this account). */
export function organization(
  org: { id?: string; managementAccountId?: string } | null | 'failed',
  details?: Partial<OrganizationDetails>,
): OrganizationMembership {
  const base = { type: 'AWS::Organizations::Organization' as const, arn: ORG_ARN, id: 'organization', account: ACCOUNT, region: 'global', tags: {} };
  if (org === 'failed') return { ...base, organization: failedCall('organizations:DescribeOrganization', undefined, 'global') };
  if (org === null) return { ...base, organization: ok(null) };
  const m: OrganizationMembership = { ...base, organization: ok({ id: org.id ?? 'o-test000001', managementAccountId: org.managementAccountId ?? ACCOUNT, featureSet: 'ALL' }) };
  if (details !== undefined) m.details = { roots: ok([{ id: 'r-root', scpEnabled: true }]), scps: ok([]), delegatedAdministrators: ok([]), ...details };
  return m;
}

/** DescribeRegions as the inventory keeps it: each region `enabled` or not opted in. */
export function accountRegions(regions: Record<string, 'opt-in-not-required' | 'opted-in' | 'not-opted-in'> | 'failed'): AccountRegions {
  if (regions === 'failed') return { listed: failedCall('ec2:DescribeRegions', undefined, 'global') };
  return {
    listed: ok(
      Object.entries(regions)
        .map(([name, optInStatus]) => ({ name, optInStatus, enabled: optInStatus !== 'not-opted-in' }))
        .sort((a, b) => (a.name < b.name ? -1 : 1)),
    ),
  };
}
