// Reachability at scale (issue 13): one region with 2,000 security groups, 500 subnets and
// 20,000 network interfaces in 10 VPCs (two peered), four tiers by subnet tag, against a
// profile; time and peak RSS of building the model, the tier analysis and the drift checks.
// Interfaces take their groups from a few roles per VPC, as autoscaling groups and services do.
// Target (issue 13, 2 cores): under 2 s and 300 MB. Figures only: no assertion. The CPU time beside the
// wall time tells a slow engine from a busy machine (`uptime`'s load).
//
//   node --expose-gc bench/reach.mjs [--interfaces 20000] [--groups 2000] [--subnets 500]
import { performance } from 'node:perf_hooks';
import { buildInventory } from '../dist/inventory/build.js';
import { parseSnapshot } from '../dist/snapshot/read.js';
import { parseArchitecture } from '../dist/reach/load-profile.js';
import { analysisOf } from '../dist/reach/analysis.js';
import { CHECKS } from '../dist/checks/index.js';
import { runCheck } from '../dist/checks/run.js';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ENIS = arg('--interfaces', 20000);
const SGS = arg('--groups', 2000);
const SUBNETS = arg('--subnets', 500);
const VPCS = 10;
const ROLES = 12;
const ACCOUNT = '111122223333';
const REGION = 'ap-south-1';
const TIERS = ['dmz', 'app', 'db', 'mgmt'];
let seed = 42;
const rand = (n) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
const hex = (p, i) => `${p}-${i.toString(16).padStart(17, '0')}`;

function snapshot() {
  const vpcs = [], subnets = [], tables = [], acls = [], groups = [], enis = [], igws = [];
  const perVpcSubnets = SUBNETS / VPCS, perVpcGroups = SGS / VPCS, perVpcEnis = ENIS / VPCS;
  for (let v = 0; v < VPCS; v++) {
    const vpcId = hex('vpc', v), cidr = `10.${v}.0.0/16`;
    vpcs.push({ VpcId: vpcId, CidrBlock: cidr, CidrBlockAssociationSet: [{ CidrBlock: cidr, CidrBlockState: { State: 'associated' } }], OwnerId: ACCOUNT, State: 'available', IsDefault: false, Tags: [] });
    igws.push({ InternetGatewayId: hex('igw', v), Attachments: [{ VpcId: vpcId, State: 'available' }], OwnerId: ACCOUNT, Tags: [] });
    const aclAssoc = [];
    for (let s = 0; s < perVpcSubnets; s++) {
      const n = v * perVpcSubnets + s, subnetId = hex('subnet', n), tier = TIERS[s % 4];
      subnets.push({ SubnetId: subnetId, VpcId: vpcId, CidrBlock: `10.${v}.${s}.0/24`, AvailabilityZone: `${REGION}${'abc'[s % 3]}`, Ipv6CidrBlockAssociationSet: [], MapPublicIpOnLaunch: false, State: 'available', OwnerId: ACCOUNT, Tags: [{ Key: 'Tier', Value: tier }] });
      const routes = [{ DestinationCidrBlock: cidr, GatewayId: 'local', State: 'active' }, tier === 'dmz' ? { DestinationCidrBlock: '0.0.0.0/0', GatewayId: hex('igw', v), State: 'active' } : { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: hex('nat', v), State: 'active' }];
      if (v < 2) routes.push({ DestinationCidrBlock: `10.${1 - v}.0.0/16`, VpcPeeringConnectionId: 'pcx-00000000000000001', State: 'active' });
      tables.push({ RouteTableId: hex('rtb', n), VpcId: vpcId, Associations: [{ Main: false, SubnetId: subnetId, RouteTableId: hex('rtb', n), AssociationState: { State: 'associated' } }], Routes: routes, PropagatingVgws: [], OwnerId: ACCOUNT, Tags: [] });
      aclAssoc.push({ NetworkAclAssociationId: hex('aclassoc', n), NetworkAclId: hex('acl', v), SubnetId: subnetId });
    }
    acls.push({ NetworkAclId: hex('acl', v), VpcId: vpcId, IsDefault: false, OwnerId: ACCOUNT, Associations: aclAssoc, Tags: [], Entries: [
      { RuleNumber: 50, Protocol: '6', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 23, To: 23 } },
      { RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0' },
      { RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: true, CidrBlock: '0.0.0.0/0' },
      { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0' },
      { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: true, CidrBlock: '0.0.0.0/0' },
    ] });
    for (let g = 0; g < perVpcGroups; g++) {
      const n = v * perVpcGroups + g, id = hex('sg', n);
      const perms = [
        { IpProtocol: 'tcp', FromPort: 8000 + (g % 50), ToPort: 8000 + (g % 50), IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [{ GroupId: hex('sg', v * perVpcGroups + ((g + 1) % perVpcGroups)), UserId: ACCOUNT }] },
        { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: `10.${v}.${g % perVpcSubnets}.0/24` }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] },
      ];
      if (g % 10 === 0) perms.push({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] });
      groups.push({ GroupId: id, GroupName: `g${n}`, Description: 'bench', VpcId: vpcId, OwnerId: ACCOUNT, IpPermissions: perms, IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }], Tags: [] });
    }
    for (let e = 0; e < perVpcEnis; e++) {
      const n = v * perVpcEnis + e, s = rand(perVpcSubnets), subnet = v * perVpcSubnets + s, role = rand(ROLES);
      const ip = `10.${v}.${s}.${4 + (e % 250)}`;
      const sgs = [hex('sg', v * perVpcGroups + role), hex('sg', v * perVpcGroups + ((role * 7) % perVpcGroups))];
      const eni = { NetworkInterfaceId: hex('eni', n), SubnetId: hex('subnet', subnet), VpcId: hex('vpc', v), AvailabilityZone: `${REGION}${'abc'[s % 3]}`, InterfaceType: 'interface', Status: 'in-use', OwnerId: ACCOUNT, RequesterManaged: false, SourceDestCheck: true,
        Groups: [...new Set(sgs)].map((GroupId) => ({ GroupId })), PrivateIpAddress: ip, PrivateIpAddresses: [{ Primary: true, PrivateIpAddress: ip }], Ipv6Addresses: [], TagSet: [] };
      if (s % 4 === 0) eni.Association = { PublicIp: `13.${200 + v}.${s}.${4 + (e % 250)}`, IpOwnerId: 'amazon' };
      enis.push(eni);
    }
  }
  const empty = (k) => ({ [k]: [] });
  const side = (v) => ({ VpcId: hex('vpc', v), OwnerId: ACCOUNT, Region: REGION, CidrBlock: `10.${v}.0.0/16`, CidrBlockSet: [{ CidrBlock: `10.${v}.0.0/16` }] });
  const calls = {
    'ec2:DescribeVpcs': { Vpcs: vpcs }, 'ec2:DescribeSubnets': { Subnets: subnets }, 'ec2:DescribeRouteTables': { RouteTables: tables }, 'ec2:DescribeInternetGateways': { InternetGateways: igws },
    'ec2:DescribeSecurityGroups': { SecurityGroups: groups }, 'ec2:DescribeNetworkAcls': { NetworkAcls: acls }, 'ec2:DescribeNetworkInterfaces': { NetworkInterfaces: enis }, 'ec2:DescribeInstances': { Reservations: [] },
    'ec2:DescribeVpcPeeringConnections': { VpcPeeringConnections: [{ VpcPeeringConnectionId: 'pcx-00000000000000001', Status: { Code: 'active' }, RequesterVpcInfo: side(0), AccepterVpcInfo: side(1), Tags: [] }] },
    'ec2:DescribeNatGateways': empty('NatGateways'), 'ec2:DescribeAddresses': empty('Addresses'), 'ec2:DescribeEgressOnlyInternetGateways': empty('EgressOnlyInternetGateways'), 'ec2:DescribeTransitGateways': empty('TransitGateways'),
    'ec2:DescribeTransitGatewayAttachments': empty('TransitGatewayAttachments'), 'ec2:DescribeTransitGatewayRouteTables': empty('TransitGatewayRouteTables'), 'ec2:DescribeVpnGateways': empty('VpnGateways'), 'ec2:DescribeVpnConnections': empty('VpnConnections'),
    'ec2:DescribeVpcEndpoints': empty('VpcEndpoints'), 'ec2:DescribeManagedPrefixLists': empty('PrefixLists'), 'elasticloadbalancing:DescribeLoadBalancers': empty('LoadBalancers'), 'elasticloadbalancing:DescribeTargetGroups': empty('TargetGroups'),
  };
  return { metadata: { format: 'archscan-snapshot', formatVersion: 1, accountId: ACCOUNT, partition: 'aws', regions: [REGION], collectedAt: '2026-11-20T06:00:00Z', collectorVersion: 'bench' }, global: { calls: {}, perResource: {} }, regions: { [REGION]: { calls, perResource: {} } }, errors: [] };
}

const PROFILE = `version: 1
regions: [${REGION}]
tiers:
${TIERS.map((t) => `  - { name: ${t}, sensitivity: ${t === 'dmz' ? 'public' : t === 'db' ? 'restricted' : 'internal'}, publicAddresses: ${t === 'dmz'}, minAzs: 2, subnets: [{ tags: { Tier: ${t} } }] }`).join('\n')}
flows:
  - { from: internet, to: dmz, ports: [443] }
  - { from: dmz, to: app, ports: [8000-8049] }
  - { from: app, to: db, ports: [5432] }
peering: []
`;

const text = JSON.stringify(snapshot());
globalThis.gc?.();
const rss0 = process.memoryUsage().rss;
const t0 = performance.now();
const inv = buildInventory(parseSnapshot(text, 'bench'));
const t1 = performance.now();
const c1 = process.cpuUsage();
inv.architecture = parseArchitecture(PROFILE, 'bench.arch.yaml');
const a = analysisOf(inv);
const t2 = performance.now();
let results = 0;
for (const [id, check] of Object.entries(CHECKS)) if (id.startsWith('arch-')) results += runCheck(check, inv, check.defaults).length;
const t3 = performance.now();
const c3 = process.cpuUsage(c1);
const peak = process.resourceUsage().maxRSS * 1024;
console.log(`reach bench: ${SGS} security groups, ${SUBNETS} subnets, ${ENIS} interfaces (${a.reach.model.classes.length} interface classes), ${a.cells.length} cells, ${results} drift results`);
console.log(`  inventory ${(t1 - t0).toFixed(0)} ms; model + analysis ${(t2 - t1).toFixed(0)} ms; drift checks ${(t3 - t2).toFixed(0)} ms; reachability total ${(t3 - t1).toFixed(0)} ms (CPU ${((c3.user + c3.system) / 1000).toFixed(0)} ms, GC threads included)`);
console.log(`  peak RSS ${(peak / 2 ** 20).toFixed(0)} MB (before: ${(rss0 / 2 ** 20).toFixed(0)} MB, snapshot text ${(text.length / 2 ** 20).toFixed(0)} MB)`);
