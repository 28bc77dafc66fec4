// A seeded synthetic account of N resources, shaped as the AWS SDK answers
// (what `archscan collect` writes), with a realistic mix: networks with
// security groups and NACLs, instances and volumes, keys, databases, secrets,
// load balancers, buckets with their per-bucket answers, IAM users, groups,
// roles and customer policies. Deterministic for a given (resources, seed).
// Generated data is written under the system temp directory, never committed.

// The service modules (built): every operation the generator does not model is answered as an account
// with nothing in that service answers, so no check reads NotCollected (the bench measures a complete scan).
const { SERVICES } = await import('../dist/services/registry.js');

/** mulberry32: a small seeded PRNG. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const ACCOUNT = '999999999999';
export const REGIONS = ['ap-south-1', 'ap-south-2', 'ap-southeast-1', 'us-east-1'];

/** Shares of the resources, per kind (they add up to 1). */
const MIX = {
  vpc: 0.01,
  subnet: 0.06,
  routeTable: 0.02,
  igw: 0.005,
  sg: 0.2,
  nacl: 0.03,
  instance: 0.14,
  volume: 0.2,
  image: 0.015,
  key: 0.04,
  db: 0.02,
  secret: 0.03,
  lb: 0.015,
  bucket: 0.04,
  user: 0.03,
  role: 0.05,
  group: 0.005,
  policy: 0.02,
  flowLog: 0.01,
};

const PORTS = [22, 80, 443, 3389, 5432, 3306, 8080, 8443, 1433, 6379, 27017];
const hex = (rand, n) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
const tags = (name, tier) => [
  { Key: 'Name', Value: name },
  ...(tier ? [{ Key: 'Tier', Value: tier }] : []),
];
const policyDoc = (statements) => encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: statements }));

function regionData(rand, region, n, regionIndex) {
  const count = (kind) => Math.max(1, Math.round(n * MIX[kind]));
  const id = (prefix, i) => `${prefix}-${regionIndex}${String(i).padStart(16, '0')}`.slice(0, prefix.length + 18);
  const vpcs = Array.from({ length: count('vpc') }, (_, i) => id('vpc', i));
  const subnets = Array.from({ length: count('subnet') }, (_, i) => ({ id: id('subnet', i), vpc: vpcs[i % vpcs.length], tier: ['public', 'app', 'data'][i % 3], az: `${region}${'abc'[i % 3]}` }));
  const sgs = Array.from({ length: count('sg') }, (_, i) => id('sg', i));
  const perm = (proto, from, to, cidrs) => ({ IpProtocol: proto, FromPort: from, ToPort: to, UserIdGroupPairs: [], IpRanges: cidrs.map((c) => ({ CidrIp: c })), Ipv6Ranges: [], PrefixListIds: [] });
  const calls = {
    'ec2:DescribeVpcs': { Vpcs: vpcs.map((v, i) => ({ VpcId: v, CidrBlock: `10.${i % 250}.0.0/16`, IsDefault: i === 0, State: 'available', OwnerId: ACCOUNT, Tags: tags(`vpc-${i}`) })) },
    'ec2:DescribeSubnets': {
      Subnets: subnets.map((s, i) => ({ SubnetId: s.id, VpcId: s.vpc, CidrBlock: `10.${i % 250}.${i % 250}.0/24`, AvailabilityZone: s.az, MapPublicIpOnLaunch: s.tier === 'public', Tags: tags(`subnet-${i}`, s.tier) })),
    },
    'ec2:DescribeRouteTables': {
      RouteTables: Array.from({ length: count('routeTable') }, (_, i) => ({
        RouteTableId: id('rtb', i),
        VpcId: vpcs[i % vpcs.length],
        Associations: [{ Main: i < vpcs.length, RouteTableId: id('rtb', i), ...(i >= vpcs.length ? { SubnetId: subnets[i % subnets.length].id } : {}) }],
        Routes: [
          { DestinationCidrBlock: '10.0.0.0/8', GatewayId: 'local', State: 'active' },
          { DestinationCidrBlock: '0.0.0.0/0', GatewayId: i % 3 === 0 ? id('igw', i % count('igw')) : undefined, NatGatewayId: i % 3 === 0 ? undefined : id('nat', i), State: 'active' },
        ].map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined))),
        Tags: [],
      })),
    },
    'ec2:DescribeInternetGateways': { InternetGateways: Array.from({ length: count('igw') }, (_, i) => ({ InternetGatewayId: id('igw', i), Attachments: [{ VpcId: vpcs[i % vpcs.length], State: 'available' }], Tags: [] })) },
    'ec2:DescribeSecurityGroups': {
      SecurityGroups: sgs.map((g, i) => {
        const rules = 2 + Math.floor(rand() * 5);
        return {
          GroupId: g,
          GroupName: i < vpcs.length ? 'default' : `app-${i}`,
          Description: `group ${i}`,
          VpcId: vpcs[i % vpcs.length],
          OwnerId: ACCOUNT,
          IpPermissions:
            i < vpcs.length
              ? []
              : Array.from({ length: rules }, (_, k) => {
                  const port = PORTS[Math.floor(rand() * PORTS.length)];
                  return perm('tcp', port, port, [rand() < 0.05 ? '0.0.0.0/0' : `10.${k}.0.0/16`]);
                }),
          IpPermissionsEgress: [perm('-1', undefined, undefined, ['0.0.0.0/0'])].map((p) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined))),
          Tags: tags(`sg-${i}`),
        };
      }),
    },
    'ec2:DescribeNetworkAcls': {
      NetworkAcls: Array.from({ length: count('nacl') }, (_, i) => ({
        NetworkAclId: id('acl', i),
        VpcId: vpcs[i % vpcs.length],
        IsDefault: i < vpcs.length,
        Associations: [{ NetworkAclAssociationId: id('aclassoc', i), NetworkAclId: id('acl', i), SubnetId: subnets[i % subnets.length].id }],
        Entries: [
          { RuleNumber: 90, Protocol: '6', RuleAction: rand() < 0.1 ? 'allow' : 'deny', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 22, To: 22 } },
          { RuleNumber: 95, Protocol: '6', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 3389, To: 3389 } },
          { RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0' },
          { RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: true, CidrBlock: '0.0.0.0/0' },
          { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0' },
          { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: true, CidrBlock: '0.0.0.0/0' },
        ],
        Tags: [],
      })),
    },
    'ec2:DescribeFlowLogs': {
      FlowLogs: vpcs
        .filter(() => rand() < 0.9)
        .map((v, i) => ({ FlowLogId: id('fl', i), ResourceId: v, TrafficType: 'ALL', FlowLogStatus: 'ACTIVE', LogDestinationType: 'cloud-watch-logs', LogGroupName: '/vpc/flow', Tags: [] })),
    },
    'ec2:DescribeInstances': {
      Reservations: Array.from({ length: Math.ceil(count('instance') / 4) }, (_, r) => ({
        ReservationId: id('r', r),
        OwnerId: ACCOUNT,
        Instances: Array.from({ length: 4 }, (_, k) => {
          const i = r * 4 + k;
          const s = subnets[i % subnets.length];
          return {
            InstanceId: id('i', i),
            SubnetId: s.id,
            VpcId: s.vpc,
            State: { Code: 16, Name: 'running' },
            MetadataOptions: { State: 'applied', HttpTokens: rand() < 0.3 ? 'optional' : 'required', HttpEndpoint: 'enabled' },
            SecurityGroups: [{ GroupId: sgs[i % sgs.length], GroupName: `app-${i % sgs.length}` }],
            ...(s.tier === 'public' || rand() < 0.02 ? { PublicIpAddress: `54.${i % 250}.${(i >> 8) % 250}.${regionIndex + 1}` } : {}),
            Tags: tags(`host-${i}`),
          };
        }),
      })),
    },
    'ec2:DescribeVolumes': {
      Volumes: Array.from({ length: count('volume') }, (_, i) => ({
        VolumeId: id('vol', i),
        Encrypted: rand() > 0.1,
        State: 'in-use',
        Size: 100,
        AvailabilityZone: `${region}a`,
        Attachments: [{ InstanceId: id('i', i), State: 'attached' }],
        Tags: [],
      })),
    },
    'ec2:GetEbsEncryptionByDefault': { EbsEncryptionByDefault: regionIndex % 2 === 0, SseType: 'sse-ebs' },
    'ec2:DescribeSnapshots': { Snapshots: [] },
    'ec2:DescribeImages': { Images: Array.from({ length: count('image') }, (_, i) => ({ ImageId: id('ami', i), Name: `golden-${i}`, Public: rand() < 0.01, State: 'available', OwnerId: ACCOUNT, Tags: [] })) },
    'kms:ListKeys': { Keys: Array.from({ length: count('key') }, (_, i) => ({ KeyId: `${regionIndex}${hex(rand, 7)}-0000-4000-8000-${String(i).padStart(12, '0')}` })) },
    'rds:DescribeDBInstances': {
      DBInstances: Array.from({ length: count('db') }, (_, i) => ({
        DBInstanceIdentifier: `db-${i}`,
        DBInstanceArn: `arn:aws:rds:${region}:${ACCOUNT}:db:db-${i}`,
        Engine: 'postgres',
        DBInstanceStatus: 'available',
        StorageEncrypted: rand() > 0.05,
        PubliclyAccessible: rand() < 0.02,
        MultiAZ: rand() > 0.3,
        BackupRetentionPeriod: rand() < 0.1 ? 0 : 7,
        AutoMinorVersionUpgrade: rand() > 0.1,
        DeletionProtection: rand() > 0.2,
        IAMDatabaseAuthenticationEnabled: rand() > 0.5,
        EngineVersion: '16.4',
        EnabledCloudwatchLogsExports: rand() > 0.3 ? ['postgresql'] : [],
        AvailabilityZone: `${region}a`,
        TagList: [],
      })),
    },
    'rds:DescribeDBClusters': { DBClusters: [] },
    'secretsmanager:ListSecrets': {
      SecretList: Array.from({ length: count('secret') }, (_, i) => ({
        ARN: `arn:aws:secretsmanager:${region}:${ACCOUNT}:secret:s-${i}-${hex(rand, 6)}`,
        Name: `s-${i}`,
        ...(rand() > 0.3 ? { RotationEnabled: true, RotationRules: { AutomaticallyAfterDays: 30 }, LastRotatedDate: '2026-11-01T00:00:00.000Z' } : {}),
        Tags: [],
      })),
    },
    'elasticloadbalancing:DescribeLoadBalancers': {
      LoadBalancers: Array.from({ length: count('lb') }, (_, i) => ({
        LoadBalancerArn: `arn:aws:elasticloadbalancing:${region}:${ACCOUNT}:loadbalancer/app/lb-${i}/${hex(rand, 16)}`,
        LoadBalancerName: `lb-${i}`,
        Scheme: i % 2 ? 'internal' : 'internet-facing',
        Type: 'application',
        VpcId: vpcs[i % vpcs.length],
        AvailabilityZones: [{ ZoneName: `${region}a` }, { ZoneName: `${region}b` }],
      })),
    },
    'wafv2:ListWebACLs': { WebACLs: [] },
    'apigateway:GetRestApis': { items: [] },
    'accessanalyzer:ListAnalyzers': { analyzers: [{ arn: `arn:aws:access-analyzer:${region}:${ACCOUNT}:analyzer/a`, name: 'a', type: 'ACCOUNT', status: 'ACTIVE' }] },
    'logs:DescribeMetricFilters': { metricFilters: [] },
    'cloudwatch:DescribeAlarms': { MetricAlarms: [] },
    'cloudtrail:DescribeTrails': {
      trailList: [
        {
          Name: 'org',
          TrailARN: `arn:aws:cloudtrail:ap-south-1:${ACCOUNT}:trail/org`,
          HomeRegion: 'ap-south-1',
          S3BucketName: 'bucket-0',
          IsMultiRegionTrail: true,
          IsOrganizationTrail: false,
          LogFileValidationEnabled: true,
          IncludeGlobalServiceEvents: true,
          KmsKeyId: `arn:aws:kms:ap-south-1:${ACCOUNT}:key/trail`,
        },
      ],
    },
    'guardduty:ListDetectors': { DetectorIds: [`d${regionIndex}`] },
    'config:DescribeConfigurationRecorders': { ConfigurationRecorders: [{ name: 'default', recordingGroup: { allSupported: true, includeGlobalResourceTypes: regionIndex === 0 } }] },
    'config:DescribeConfigurationRecorderStatus': { ConfigurationRecordersStatus: [{ name: 'default', recording: true, lastStatus: 'SUCCESS' }] },
    'config:DescribeDeliveryChannels': { DeliveryChannels: [{ name: 'default' }] },
  };
  calls['kms:ListAliases'] = { Aliases: calls['kms:ListKeys'].Keys.filter((_, i) => i % 2 === 0).map((k, i) => ({ AliasName: `alias/k${i}`, AliasArn: `arn:aws:kms:${region}:${ACCOUNT}:alias/k${i}`, TargetKeyId: k.KeyId })) };
  for (const k of calls['kms:ListKeys'].Keys) k.KeyArn = `arn:aws:kms:${region}:${ACCOUNT}:key/${k.KeyId}`;
  const keys = calls['kms:ListKeys'].Keys;
  const perResource = {
    'kms:DescribeKey': Object.fromEntries(
      keys.map((k, i) => [k.KeyId, { KeyMetadata: { KeyId: k.KeyId, Arn: k.KeyArn, AWSAccountId: ACCOUNT, KeyManager: i % 3 ? 'CUSTOMER' : 'AWS', KeyState: 'Enabled', KeySpec: 'SYMMETRIC_DEFAULT', KeyUsage: 'ENCRYPT_DECRYPT', Origin: 'AWS_KMS', Enabled: true } }]),
    ),
    'kms:GetKeyRotationStatus': Object.fromEntries(keys.filter((_, i) => i % 3).map((k, i) => [k.KeyId, { KeyRotationEnabled: i % 4 !== 0 }])),
    'kms:GetKeyPolicy': Object.fromEntries(keys.filter((_, i) => i % 3).map((k) => [k.KeyId, { PolicyName: 'default', Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }] }) }])),
    'elasticloadbalancing:DescribeListeners': Object.fromEntries(
      calls['elasticloadbalancing:DescribeLoadBalancers'].LoadBalancers.map((lb) => [
        lb.LoadBalancerArn,
        {
          Listeners: [
            { ListenerArn: `${lb.LoadBalancerArn}/443`, Port: 443, Protocol: 'HTTPS', SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06', DefaultActions: [{ Type: 'forward' }] },
            { ListenerArn: `${lb.LoadBalancerArn}/80`, Port: 80, Protocol: 'HTTP', DefaultActions: [rand() < 0.8 ? { Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } } : { Type: 'forward' }] },
          ],
        },
      ]),
    ),
    'guardduty:GetDetector': { [`d${regionIndex}`]: { Status: 'ENABLED', FindingPublishingFrequency: 'SIX_HOURS' } },
    // A standalone detector: no administrator, no members.
    'guardduty:GetAdministratorAccount': { [`d${regionIndex}`]: {} },
    'guardduty:ListMembers': { [`d${regionIndex}`]: { Members: [] } },
    'elasticloadbalancing:DescribeLoadBalancerAttributes': Object.fromEntries(
      calls['elasticloadbalancing:DescribeLoadBalancers'].LoadBalancers.map((lb, i) => [
        lb.LoadBalancerArn,
        { Attributes: [{ Key: 'access_logs.s3.enabled', Value: String(i % 3 !== 0) }, { Key: 'deletion_protection.enabled', Value: 'true' }] },
      ]),
    ),
  };
  // Each instance's primary network interface (what DescribeNetworkInterfaces lists beside the instance).
  const instances = calls['ec2:DescribeInstances'].Reservations.flatMap((r) => r.Instances);
  calls['ec2:DescribeNetworkInterfaces'] = {
    NetworkInterfaces: instances.map((inst, i) => ({
      NetworkInterfaceId: id('eni', i),
      SubnetId: inst.SubnetId,
      VpcId: inst.VpcId,
      InterfaceType: 'interface',
      Status: 'in-use',
      Attachment: { InstanceId: inst.InstanceId, DeviceIndex: 0, Status: 'attached' },
      Groups: inst.SecurityGroups,
      PrivateIpAddress: `10.${regionIndex}.${(i >> 8) % 250}.${i % 250}`,
      PrivateIpAddresses: [{ PrivateIpAddress: `10.${regionIndex}.${(i >> 8) % 250}.${i % 250}`, Primary: true }],
      Ipv6Addresses: [],
      ...(inst.PublicIpAddress ? { Association: { PublicIp: inst.PublicIpAddress } } : {}),
    })),
  };
  // Systems Manager manages most instances; a few have missing patches or a stale scan.
  const managed = instances.filter(() => rand() < 0.85);
  calls['ssm:DescribeInstanceInformation'] = {
    InstanceInformationList: managed.map((inst) => ({ InstanceId: inst.InstanceId, PingStatus: 'Online', ResourceType: 'EC2Instance', PlatformType: 'Linux' })),
  };
  perResource['ssm:DescribeInstancePatchStates'] = Object.fromEntries(
    managed.map((inst) => [
      inst.InstanceId,
      {
        InstancePatchStates: [
          {
            InstanceId: inst.InstanceId,
            PatchGroup: '',
            BaselineId: 'pb-0',
            Operation: 'Scan',
            OperationStartTime: '2026-11-19T02:00:00.000Z',
            OperationEndTime: '2026-11-19T02:10:00.000Z',
            InstalledCount: 120,
            MissingCount: rand() < 0.1 ? 3 : 0,
            FailedCount: 0,
            InstalledPendingRebootCount: 0,
            InstalledRejectedCount: 0,
            NotApplicableCount: 40,
          },
        ],
      },
    ]),
  );
  calls['logs:DescribeLogGroups'] = {
    logGroups: Array.from({ length: count('flowLog') }, (_, i) => ({
      logGroupName: `/app/${i}`,
      arn: `arn:aws:logs:${region}:${ACCOUNT}:log-group:/app/${i}:*`,
      creationTime: 1700000000000,
      ...(rand() < 0.7 ? { retentionInDays: 400 } : {}),
      storedBytes: 0,
    })),
  };
  if (regionIndex === 0) {
    perResource['cloudtrail:GetTrailStatus'] = { [calls['cloudtrail:DescribeTrails'].trailList[0].TrailARN]: { IsLogging: true } };
    perResource['cloudtrail:GetEventSelectors'] = { [calls['cloudtrail:DescribeTrails'].trailList[0].TrailARN]: { EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [] }] } };
  }
  return { calls, perResource };
}

const REPORT_HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';

function globalData(rand, n) {
  const count = (kind) => Math.max(1, Math.round(n * MIX[kind]));
  const users = Array.from({ length: count('user') }, (_, i) => `u${i}`);
  const groups = Array.from({ length: count('group') }, (_, i) => `g${i}`);
  const policies = Array.from({ length: count('policy') }, (_, i) => `arn:aws:iam::${ACCOUNT}:policy/p${i}`);
  const root = `<root_account>,arn:aws:iam::${ACCOUNT}:root,2020-01-01T00:00:00+00:00,not_supported,2026-10-01T00:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`;
  const rows = users.map(
    (u, i) =>
      `${u},arn:aws:iam::${ACCOUNT}:user/${u},2024-01-01T00:00:00+00:00,${i % 2 === 0},2026-11-01T00:00:00+00:00,2026-09-01T00:00:00+00:00,N/A,${rand() > 0.2},true,2026-${String(1 + (i % 11)).padStart(2, '0')}-01T00:00:00+00:00,2026-11-10T00:00:00+00:00,ap-south-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
  );
  const buckets = Array.from({ length: count('bucket') }, (_, i) => `bucket-${i}`);
  const allow = (action) => [{ Effect: 'Allow', Action: action, Resource: '*' }];
  const calls = {
    'iam:GetCredentialReport': { Content: Buffer.from([REPORT_HEADER, root, ...rows].join('\n')).toString('base64'), ReportFormat: 'text/csv' },
    'iam:GetAccountPasswordPolicy': {
      PasswordPolicy: { MinimumPasswordLength: 14, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true, ExpirePasswords: true, MaxPasswordAge: 90, PasswordReusePrevention: 24, AllowUsersToChangePassword: true },
    },
    'iam:GetAccountAuthorizationDetails': {
      UserDetailList: users.map((u, i) => ({
        UserName: u,
        Arn: `arn:aws:iam::${ACCOUNT}:user/${u}`,
        Path: '/',
        GroupList: [groups[i % groups.length]],
        AttachedManagedPolicies: rand() < 0.05 ? [{ PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }] : [],
        UserPolicyList: rand() < 0.05 ? [{ PolicyName: 'inline', PolicyDocument: policyDoc(allow('s3:*')) }] : [],
      })),
      GroupDetailList: groups.map((g, i) => ({ GroupName: g, Arn: `arn:aws:iam::${ACCOUNT}:group/${g}`, Path: '/', AttachedManagedPolicies: [{ PolicyName: `p${i % policies.length}`, PolicyArn: policies[i % policies.length] }], GroupPolicyList: [] })),
      RoleDetailList: Array.from({ length: count('role') }, (_, i) => ({
        RoleName: `r${i}`,
        Arn: `arn:aws:iam::${ACCOUNT}:role/r${i}`,
        Path: '/',
        AssumeRolePolicyDocument: policyDoc([{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }]),
        AttachedManagedPolicies: [{ PolicyName: `p${i % policies.length}`, PolicyArn: policies[i % policies.length] }],
        RolePolicyList: [],
        Tags: [],
      })),
      // The AWS managed policy some users carry is listed with its document (GetAccountAuthorizationDetails lists attached AWS managed policies too).
      Policies: [
        {
          PolicyName: 'AdministratorAccess',
          Arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
          DefaultVersionId: 'v1',
          AttachmentCount: 1,
          PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: policyDoc(allow('*')) }],
        },
      ].concat(policies.map((arn, i) => ({
        PolicyName: `p${i}`,
        Arn: arn,
        DefaultVersionId: 'v1',
        AttachmentCount: 1,
        PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: policyDoc(allow(i % 50 === 0 ? '*' : ['ec2:Describe*', 's3:GetObject'])) }],
      }))),
    },
    // The enabled regions, kept by the collector: exactly the four scanned (residency needs to know none was left out).
    'ec2:DescribeRegions': { Regions: REGIONS.map((r) => ({ RegionName: r, Endpoint: `ec2.${r}.amazonaws.com`, OptInStatus: 'opt-in-not-required' })) },
    's3:ListBuckets': { Buckets: buckets.map((b) => ({ Name: b, CreationDate: '2024-01-01T00:00:00.000Z' })), Owner: { ID: 'owner' } },
    's3control:GetPublicAccessBlock': { PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } },
    'cloudfront:ListDistributions': { DistributionList: { Marker: '', MaxItems: 100, IsTruncated: false, Quantity: 0 } },
  };
  const per = (f) => Object.fromEntries(buckets.map((b, i) => [b, f(b, i)]));
  const perResource = {
    's3:GetBucketLocation': per((_, i) => ({ LocationConstraint: REGIONS[i % REGIONS.length] === 'us-east-1' ? '' : REGIONS[i % REGIONS.length] })),
    's3:GetPublicAccessBlock': per(() => ({ PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: rand() > 0.05, RestrictPublicBuckets: true } })),
    's3:GetBucketEncryption': per(() => ({ ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: rand() < 0.5 ? 'aws:kms' : 'AES256' }, BucketKeyEnabled: true }] } })),
    's3:GetBucketPolicyStatus': per(() => ({ PolicyStatus: { IsPublic: false } })),
    's3:GetBucketAcl': per(() => ({ Owner: { ID: 'owner' }, Grants: [{ Grantee: { Type: 'CanonicalUser', ID: 'owner' }, Permission: 'FULL_CONTROL' }] })),
    's3:GetBucketVersioning': per(() => (rand() < 0.6 ? { Status: 'Enabled' } : {})),
    's3:GetBucketLogging': per((b, i) => (i % 2 ? { LoggingEnabled: { TargetBucket: buckets[0], TargetPrefix: `${b}/` } } : {})),
    's3:GetBucketTagging': per(() => ({ TagSet: [] })),
    's3:GetObjectLockConfiguration': per(() => ({ ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled' } })),
    's3:GetBucketPolicy': per((b) => ({ Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${b}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] }) })),
  };
  return { calls, perResource };
}

/** Settings, not lists: what an account with the service on and nothing in it answers. */
const SETTINGS = {
  'ecr:GetRegistryScanningConfiguration': { registryId: ACCOUNT, scanningConfiguration: { scanType: 'ENHANCED', rules: [{ scanFrequency: 'CONTINUOUS_SCAN', repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }] }] } },
  'inspector2:BatchGetAccountStatus': {
    accounts: [{ accountId: ACCOUNT, state: { status: 'ENABLED' }, resourceState: { ec2: { status: 'ENABLED' }, ecr: { status: 'ENABLED' }, lambda: { status: 'ENABLED' }, lambdaCode: { status: 'DISABLED' } } }],
    failedAccounts: [],
  },
  'securityhub:DescribeHub': { HubArn: `arn:aws:securityhub:ap-south-1:${ACCOUNT}:hub/default`, SubscribedAt: '2026-01-05T04:00:00.000Z', AutoEnableControls: true },
};
/** Answered with a "not set up" error code, as AWS does for an account in no organization. */
const NOT_SET_UP = { 'organizations:DescribeOrganization': { code: 'AWSOrganizationsNotInUseException', message: 'Your account is not a member of an organization.' } };

/** Every account-wide operation the generator does not model: an answer listing nothing. */
function fillUnmodelled(scope, kind, errors, region) {
  for (const module of SERVICES) {
    for (const op of module.operations) {
      if (op.scope !== kind || op.perResource || op.support !== undefined || op.plan !== undefined || op.key in scope.calls) continue;
      if (op.key in NOT_SET_UP) {
        const [service, operation] = op.key.split(':');
        errors.push({ service, operation, region, ...NOT_SET_UP[op.key] });
        continue;
      }
      if (op.key in SETTINGS) {
        scope.calls[op.key] = structuredClone(SETTINGS[op.key]);
        continue;
      }
      const output = module.shapes.outputs[op.key];
      const members = module.shapes.structures[output];
      scope.calls[op.key] = Object.fromEntries((op.needs?.[output] ?? []).map((m) => [m, Array.isArray(members[m]) ? [] : {}]));
    }
  }
}

/** A snapshot of about `resources` resources over four regions. */
export function generateSnapshot(resources, seed = 20261201) {
  const rand = prng(seed);
  const perRegion = Math.floor((resources * 0.88) / REGIONS.length);
  const global = globalData(rand, resources);
  const regions = Object.fromEntries(REGIONS.map((r, i) => [r, regionData(rand, r, perRegion, i)]));
  const errors = [];
  fillUnmodelled(global, 'global', errors, 'global');
  for (const [region, scope] of Object.entries(regions)) fillUnmodelled(scope, 'regional', errors, region);
  return {
    metadata: { format: 'archscan-snapshot', formatVersion: 1, accountId: ACCOUNT, partition: 'aws', regions: REGIONS, collectedAt: '2026-11-20T06:00:00Z', collectorVersion: 'bench' },
    global,
    regions,
    errors,
  };
}
