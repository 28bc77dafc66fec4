// Speed and memory of an offline scan on a generated large account.
// Usage: npm run bench [-- RESOURCES]   (default 100000)
// Prints one line per stage with wall time and heap; targets live here, not in tests.
import { performance } from 'node:perf_hooks';
import { assess } from '../dist/assess/assess.js';
import { buildInventory } from '../dist/inventory/build.js';
import { renderJson } from '../dist/reporters/json.js';
import { loadBuiltinRuleSets } from '../dist/rules/load.js';
import { parseSnapshot } from '../dist/snapshot/read.js';

const total = Number(process.argv[2] ?? 100_000);
const ACCOUNT = '999999999999';
const REGIONS = ['ap-south-1', 'ap-south-2', 'ap-southeast-1', 'us-east-1'];

function region(r, n) {
  const vpcs = Math.max(1, Math.floor(n * 0.02));
  const sgs = Math.floor(n * 0.4);
  const vols = Math.floor(n * 0.3);
  const acls = Math.floor(n * 0.1);
  const keys = Math.floor(n * 0.05);
  const subnets = n - vpcs - sgs - vols - acls - keys;
  const vpcId = (i) => `vpc-${r}-${i % vpcs}`;
  const calls = {
    'ec2:DescribeVpcs': { Vpcs: Array.from({ length: vpcs }, (_, i) => ({ VpcId: vpcId(i), CidrBlock: '10.0.0.0/16', IsDefault: false, OwnerId: ACCOUNT })) },
    'ec2:DescribeSubnets': { Subnets: Array.from({ length: subnets }, (_, i) => ({ SubnetId: `subnet-${r}-${i}`, VpcId: vpcId(i), CidrBlock: '10.0.1.0/24', AvailabilityZone: `${r}a`, MapPublicIpOnLaunch: i % 7 === 0 })) },
    'ec2:DescribeRouteTables': { RouteTables: [] },
    'ec2:DescribeInternetGateways': { InternetGateways: [] },
    'ec2:DescribeSecurityGroups': {
      SecurityGroups: Array.from({ length: sgs }, (_, i) => ({
        GroupId: `sg-${r}-${i}`,
        GroupName: i < vpcs ? 'default' : `app-${i}`,
        VpcId: vpcId(i),
        OwnerId: ACCOUNT,
        IpPermissions: [
          { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] },
          { IpProtocol: 'tcp', FromPort: i % 50 === 0 ? 22 : 8080, ToPort: i % 50 === 0 ? 22 : 8080, IpRanges: [{ CidrIp: i % 50 === 0 ? '0.0.0.0/0' : '10.0.0.0/8' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] },
        ],
        IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }],
      })),
    },
    'ec2:DescribeNetworkAcls': {
      NetworkAcls: Array.from({ length: acls }, (_, i) => ({
        NetworkAclId: `acl-${r}-${i}`,
        VpcId: vpcId(i),
        IsDefault: i < vpcs,
        Associations: [{ SubnetId: `subnet-${r}-${i}` }],
        Entries: [
          { RuleNumber: 90, Protocol: '6', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 22, To: 22 } },
          { RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0' },
          { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0' },
        ],
      })),
    },
    'ec2:DescribeFlowLogs': { FlowLogs: Array.from({ length: vpcs }, (_, i) => ({ FlowLogId: `fl-${r}-${i}`, ResourceId: vpcId(i), TrafficType: 'ALL', FlowLogStatus: 'ACTIVE' })) },
    'ec2:DescribeInstances': { Reservations: [] },
    'ec2:DescribeVolumes': { Volumes: Array.from({ length: vols }, (_, i) => ({ VolumeId: `vol-${r}-${i}`, Encrypted: i % 10 !== 0, State: 'in-use', Size: 100, AvailabilityZone: `${r}a`, Attachments: [] })) },
    'ec2:GetEbsEncryptionByDefault': { EbsEncryptionByDefault: true },
    'kms:ListKeys': { Keys: Array.from({ length: keys }, (_, i) => ({ KeyId: `k-${r}-${i}`, KeyArn: `arn:aws:kms:${r}:${ACCOUNT}:key/k-${r}-${i}` })) },
    'kms:ListAliases': { Aliases: [] },
    'cloudtrail:DescribeTrails': { trailList: [] },
    'guardduty:ListDetectors': { DetectorIds: [] },
    'config:DescribeConfigurationRecorders': { ConfigurationRecorders: [] },
    'config:DescribeConfigurationRecorderStatus': { ConfigurationRecordersStatus: [] },
    'config:DescribeDeliveryChannels': { DeliveryChannels: [] },
  };
  const perResource = {
    'kms:DescribeKey': Object.fromEntries(calls['kms:ListKeys'].Keys.map((k, i) => [k.KeyId, { KeyMetadata: { KeyId: k.KeyId, Arn: k.KeyArn, KeyManager: i % 3 ? 'CUSTOMER' : 'AWS', KeyState: 'Enabled', KeySpec: 'SYMMETRIC_DEFAULT', Origin: 'AWS_KMS' } }])),
    'kms:GetKeyRotationStatus': Object.fromEntries(calls['kms:ListKeys'].Keys.map((k, i) => [k.KeyId, { KeyRotationEnabled: i % 4 !== 0 }])),
  };
  return { calls, perResource };
}

const header = 'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
const root = `<root_account>,arn:aws:iam::${ACCOUNT}:root,2020-01-01T00:00:00+00:00,not_supported,N/A,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`;
const users = Array.from({ length: 500 }, (_, i) => `u${i},arn:aws:iam::${ACCOUNT}:user/u${i},2024-01-01T00:00:00+00:00,true,2026-11-01T00:00:00+00:00,N/A,N/A,${i % 5 !== 0},true,2026-06-01T00:00:00+00:00,2026-11-10T00:00:00+00:00,ap-south-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`);

const snapshot = {
  metadata: { format: 'archscan-snapshot', formatVersion: 1, accountId: ACCOUNT, partition: 'aws', regions: REGIONS, collectedAt: '2026-11-20T06:00:00Z', collectorVersion: 'bench' },
  global: {
    calls: {
      'iam:GetCredentialReport': { Content: Buffer.from([header, root, ...users].join('\n')).toString('base64') },
      'iam:GetAccountPasswordPolicy': { PasswordPolicy: { MinimumPasswordLength: 14, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true, MaxPasswordAge: 90, PasswordReusePrevention: 24 } },
    },
    perResource: {},
  },
  regions: Object.fromEntries(REGIONS.map((r) => [r, region(r, Math.floor(total / REGIONS.length))])),
  errors: [],
};

const mb = () => (process.memoryUsage().heapUsed / 2 ** 20).toFixed(0);
const text = JSON.stringify(snapshot);
if (process.env.BENCH_DUMP) (await import("node:fs")).writeFileSync(process.env.BENCH_DUMP, text);
globalThis.gc?.();
console.log(`snapshot: ${total} resources in ${REGIONS.length} regions, ${(text.length / 2 ** 20).toFixed(1)} MiB JSON`);
let t = performance.now();
const stage = (name) => {
  const now = performance.now();
  console.log(`${name.padEnd(28)} ${(now - t).toFixed(0).padStart(6)} ms   heap ${mb()} MiB`);
  t = now;
};
const parsed = parseSnapshot(text, 'bench.json');
stage('parse + schema validation');
const inv = buildInventory(parsed);
stage(`inventory (${inv.byArn.size} resources)`);
const a = assess(parsed, inv, loadBuiltinRuleSets(), 'bench');
stage(`checks + assessment (${a.evaluations.reduce((n, e) => n + e.results.length, 0)} results)`);
const out = renderJson(a, { color: false }).text;
stage(`json report (${(out.length / 2 ** 20).toFixed(1)} MiB)`);
console.log(`peak rss ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
