/**
 * From stored EC2 answers to typed resources. Every list is read record by
 * record: a record with a value AWS cannot send (a CIDR that does not parse,
 * a reversed port range, an empty id) is unreadable on its own and its checks
 * say `error`; the rest of the region is read as usual.
 */
import type {
  DescribeFlowLogsCommandOutput,
  DescribeImagesCommandOutput,
  DescribeInstancesCommandOutput,
  DescribeInternetGatewaysCommandOutput,
  DescribeNetworkAclsCommandOutput,
  DescribeRouteTablesCommandOutput,
  DescribeSecurityGroupsCommandOutput,
  DescribeSnapshotsCommandOutput,
  DescribeSubnetsCommandOutput,
  DescribeVolumesCommandOutput,
  DescribeVpcsCommandOutput,
  GetEbsEncryptionByDefaultCommandOutput,
  IpPermission,
} from '@aws-sdk/client-ec2';
import { resourceBase, tagMap, type Json, type Raw } from '../../inventory/base.js';
import { isCidr4, isCidr6 } from '../../inventory/net.js';
import type { RecordAt, ServiceSource } from '../source.js';
import { buildNetwork, prefixListReader, type Ec2Network } from './network.js';
import type {
  EbsEncryptionByDefault,
  FlowLog,
  Image,
  Instance,
  InternetGateway,
  NetworkAcl,
  NetworkAclEntry,
  RouteTable,
  RulePeer,
  SecurityGroup,
  SecurityGroupRule,
  SnapshotPublicAccess,
  Subnet,
  Volume,
  Vpc,
} from './types.js';

/** The members of an EC2 Route that name its next hop, in the order AWS's console shows them. */
const ROUTE_TARGETS = [
  'GatewayId',
  'NatGatewayId',
  'TransitGatewayId',
  'VpcPeeringConnectionId',
  'NetworkInterfaceId',
  'InstanceId',
  'EgressOnlyInternetGatewayId',
  'LocalGatewayId',
  'CarrierGatewayId',
  'CoreNetworkArn',
  'OdbNetworkArn',
  'IpAddress',
] as const;

type Item<T, K extends keyof T> = NonNullable<T[K]> extends readonly (infer U)[] ? U : never;
type RawOf<O, K extends keyof Raw<O>> = Item<Raw<O>, K>;

export interface Ec2Region extends Ec2Network {
  vpcs: Vpc[];
  subnets: Subnet[];
  routeTables: RouteTable[];
  internetGateways: InternetGateway[];
  securityGroups: SecurityGroup[];
  networkAcls: NetworkAcl[];
  flowLogs: FlowLog[];
  instances: Instance[];
  volumes: Volume[];
  ebsEncryptionByDefault: EbsEncryptionByDefault;
  snapshotPublicAccess: SnapshotPublicAccess;
  images: Image[];
}

const TCP_UDP = new Set(['tcp', 'udp', '6', '17']);
const ICMP = new Set(['icmp', 'icmpv6', '1', '58']);
const PROTOCOL_NAMES = new Set(['tcp', 'udp', 'icmp', 'icmpv6', '-1']);

/** `tcp`, `udp`, `icmp`, `icmpv6`, `-1` or an IANA protocol number 0-255. */
function isProtocol(p: string): boolean {
  return PROTOCOL_NAMES.has(p.toLowerCase()) || (/^\d{1,3}$/.test(p) && Number(p) <= 255);
}

const isPort = (n: number | undefined) => n !== undefined && Number.isInteger(n) && n >= -1 && n <= 65535;

/** The port fields of a security-group permission: what AWS can send for its protocol. */
function checkPorts(p: Json<IpPermission>, at: RecordAt, path: string): void {
  const protocol = (p.IpProtocol ?? '').toLowerCase();
  at.expect(isProtocol(protocol), `${path}/IpProtocol`, 'tcp, udp, icmp, icmpv6, -1 or a protocol number 0-255');
  if (protocol === '-1') return;
  if (TCP_UDP.has(protocol)) {
    const { FromPort: from, ToPort: to } = p;
    if (from === undefined && to === undefined) return;
    at.expect(isPort(from) && from! >= 0, `${path}/FromPort`, 'a port 0-65535');
    at.expect(isPort(to) && to! >= 0, `${path}/ToPort`, 'a port 0-65535');
    at.expect(from! <= to!, `${path}/ToPort`, `a port range whose end (${to}) is not below its start (${from})`);
    return;
  }
  if (ICMP.has(protocol)) {
    // ICMP "ports" are a type and a code, -1 meaning any.
    at.expect(p.FromPort === undefined || (Number.isInteger(p.FromPort) && p.FromPort >= -1 && p.FromPort <= 255), `${path}/FromPort`, 'an ICMP type -1-255');
    at.expect(p.ToPort === undefined || (Number.isInteger(p.ToPort) && p.ToPort >= -1 && p.ToPort <= 255), `${path}/ToPort`, 'an ICMP code -1-255');
  }
}

export function buildEc2(src: ServiceSource, region: string): Ec2Region {
  const prefixEntries = prefixListReader(src, region);
  const account = src.accountId;
  const partition = src.partition;
  const arn = (kind: string, id: string) => `arn:${partition}:ec2:${region}:${account}:${kind}/${id}`;
  const base = <T extends string>(type: T, kind: string, id: string, rawTags?: { Key?: string; Value?: string }[]) =>
    resourceBase(type, arn(kind, id), id, account, region, tagMap(rawTags));
  const nonEmpty = (at: RecordAt, value: string | undefined, member: string) => at.expect(value !== '', member, 'a non-empty string');

  const vpcs = src.records<RawOf<DescribeVpcsCommandOutput, 'Vpcs'>, Vpc>(region, 'ec2:DescribeVpcs', 'Vpcs/*', (v, at) => {
    at.expect(isCidr4(v.CidrBlock!), '/CidrBlock', 'an IPv4 CIDR block');
    (v.CidrBlockAssociationSet ?? []).forEach((a, i) => {
      if (a.CidrBlock !== undefined) at.expect(isCidr4(a.CidrBlock), `/CidrBlockAssociationSet/${i}/CidrBlock`, 'an IPv4 CIDR block');
    });
    (v.Ipv6CidrBlockAssociationSet ?? []).forEach((a, i) => {
      if (a.Ipv6CidrBlock !== undefined) at.expect(isCidr6(a.Ipv6CidrBlock), `/Ipv6CidrBlockAssociationSet/${i}/Ipv6CidrBlock`, 'an IPv6 CIDR block');
    });
    return Object.assign(base('AWS::EC2::VPC', 'vpc', v.VpcId!, v.Tags), {
      cidrBlocks: vpcCidrs(v.CidrBlock, v.CidrBlockAssociationSet),
      ipv6CidrBlocks: (v.Ipv6CidrBlockAssociationSet ?? []).flatMap((a) => (a.Ipv6CidrBlock ? [a.Ipv6CidrBlock] : [])),
      isDefault: v.IsDefault === true,
    });
  });

  const routeTables = src.records<RawOf<DescribeRouteTablesCommandOutput, 'RouteTables'>, RouteTable>(
    region,
    'ec2:DescribeRouteTables',
    'RouteTables/*',
    (t, at) => {
      nonEmpty(at, t.VpcId, '/VpcId');
      const routes = (t.Routes ?? []).map((r, i) => {
        const destination = r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock ?? r.DestinationPrefixListId;
        at.expect(destination !== undefined && destination !== '', `/Routes/${i}`, 'a route with a destination (DestinationCidrBlock, DestinationIpv6CidrBlock or DestinationPrefixListId)');
        if (r.DestinationCidrBlock !== undefined) at.expect(isCidr4(r.DestinationCidrBlock), `/Routes/${i}/DestinationCidrBlock`, 'an IPv4 CIDR block');
        if (r.DestinationIpv6CidrBlock !== undefined) at.expect(isCidr6(r.DestinationIpv6CidrBlock), `/Routes/${i}/DestinationIpv6CidrBlock`, 'an IPv6 CIDR block');
        // Every route has a next hop (a blackhole route keeps the id of the target that is gone). Without one, or with an
        // empty one, the route cannot say where traffic goes: guessing "not the internet" could pass a public subnet.
        const hop = ROUTE_TARGETS.find((k) => r[k] !== undefined);
        at.expect(hop !== undefined, `/Routes/${i}`, `a route with a target (${ROUTE_TARGETS.join(', ')})`);
        if (hop !== undefined) at.expect(r[hop] !== '', `/Routes/${i}/${hop}`, 'a target id');
        const route: RouteTable['routes'][number] = { destination: destination!, target: hop === undefined ? 'unknown' : r[hop]! };
        if (r.State !== undefined) route.state = r.State;
        return route;
      });
      return Object.assign(base('AWS::EC2::RouteTable', 'route-table', t.RouteTableId!, t.Tags), {
        vpcId: t.VpcId!,
        isMain: (t.Associations ?? []).some((a) => a.Main === true),
        subnetIds: (t.Associations ?? []).flatMap((a) => (a.SubnetId ? [a.SubnetId] : [])).sort(),
        routes,
      });
    },
  );

  const networkAcls = src.records<RawOf<DescribeNetworkAclsCommandOutput, 'NetworkAcls'>, NetworkAcl>(
    region,
    'ec2:DescribeNetworkAcls',
    'NetworkAcls/*',
    (a, at) => {
      nonEmpty(at, a.VpcId, '/VpcId');
      const entries = (a.Entries ?? [])
        .map((e, i): NetworkAclEntry => {
          const path = `/Entries/${i}`;
          // 1-32766 are the account's rules; 32767 and 32768 the default deny-all entries (IPv4, IPv6).
          at.expect(Number.isInteger(e.RuleNumber) && e.RuleNumber! >= 1 && e.RuleNumber! <= 32768, `${path}/RuleNumber`, 'a rule number 1-32768');
          at.expect(e.RuleAction === 'allow' || e.RuleAction === 'deny', `${path}/RuleAction`, '"allow" or "deny"');
          at.expect(isProtocol(e.Protocol!), `${path}/Protocol`, '-1 or a protocol number 0-255');
          at.expect((e.CidrBlock === undefined) !== (e.Ipv6CidrBlock === undefined), path, 'an entry with exactly one of CidrBlock and Ipv6CidrBlock');
          if (e.CidrBlock !== undefined) at.expect(isCidr4(e.CidrBlock), `${path}/CidrBlock`, 'an IPv4 CIDR block');
          if (e.Ipv6CidrBlock !== undefined) at.expect(isCidr6(e.Ipv6CidrBlock), `${path}/Ipv6CidrBlock`, 'an IPv6 CIDR block');
          const entry: NetworkAclEntry = {
            ruleNumber: e.RuleNumber!,
            egress: e.Egress === true,
            action: e.RuleAction === 'allow' ? 'allow' : 'deny',
            protocol: e.Protocol!,
            cidr: e.CidrBlock ?? e.Ipv6CidrBlock!,
            ipv6: e.CidrBlock === undefined,
          };
          if (e.PortRange && TCP_UDP.has(e.Protocol!)) {
            const { From: from, To: to } = e.PortRange;
            at.expect(isPort(from) && from! >= 0, `${path}/PortRange/From`, 'a port 0-65535');
            at.expect(isPort(to) && to! >= 0, `${path}/PortRange/To`, 'a port 0-65535');
            at.expect(from! <= to!, `${path}/PortRange/To`, `a port range whose end (${to}) is not below its start (${from})`);
            entry.portRange = { from: from!, to: to! };
          }
          return entry;
        })
        .sort((x, y) => x.ruleNumber - y.ruleNumber || Number(x.egress) - Number(y.egress));
      return Object.assign(base('AWS::EC2::NetworkAcl', 'network-acl', a.NetworkAclId!, a.Tags), {
        vpcId: a.VpcId!,
        isDefault: a.IsDefault === true,
        entries,
        subnetIds: (a.Associations ?? []).flatMap((s) => (s.SubnetId ? [s.SubnetId] : [])).sort(),
      });
    },
  );

  const mainTableByVpc = new Map(routeTables.filter((t) => t.isMain).map((t) => [t.vpcId, t.id]));
  const tableBySubnet = new Map(routeTables.flatMap((t) => t.subnetIds.map((s) => [s, t.id] as const)));
  const aclBySubnet = new Map(networkAcls.flatMap((a) => a.subnetIds.map((s) => [s, a.id] as const)));
  const subnets = src.records<RawOf<DescribeSubnetsCommandOutput, 'Subnets'>, Subnet>(region, 'ec2:DescribeSubnets', 'Subnets/*', (s, at) => {
    nonEmpty(at, s.VpcId, '/VpcId');
    if (s.CidrBlock !== undefined) at.expect(isCidr4(s.CidrBlock), '/CidrBlock', 'an IPv4 CIDR block');
    const subnet: Subnet = Object.assign(base('AWS::EC2::Subnet', 'subnet', s.SubnetId!, s.Tags), {
      vpcId: s.VpcId!,
      ipv6CidrBlocks: (s.Ipv6CidrBlockAssociationSet ?? []).flatMap((x) => (x.Ipv6CidrBlock ? [x.Ipv6CidrBlock] : [])),
      mapPublicIpOnLaunch: s.MapPublicIpOnLaunch === true,
    });
    if (s.CidrBlock !== undefined) subnet.cidrBlock = s.CidrBlock;
    if (s.AvailabilityZone !== undefined) subnet.availabilityZone = s.AvailabilityZone;
    const table = tableBySubnet.get(s.SubnetId!) ?? mainTableByVpc.get(s.VpcId!);
    if (table !== undefined) subnet.routeTableId = table;
    const acl = aclBySubnet.get(s.SubnetId!);
    if (acl !== undefined) subnet.networkAclId = acl;
    return subnet;
  });

  const internetGateways = src.records<RawOf<DescribeInternetGatewaysCommandOutput, 'InternetGateways'>, InternetGateway>(
    region,
    'ec2:DescribeInternetGateways',
    'InternetGateways/*',
    (g) => (Object.assign(base('AWS::EC2::InternetGateway', 'internet-gateway', g.InternetGatewayId!, g.Tags), {
      vpcIds: (g.Attachments ?? []).map((a) => a.VpcId!),
    })),
  );

  // Prefix lists are resolved lazily: only those a rule references (or a route, or the listing) are read, each once.
  const resolvePrefixList = prefixEntries;
  // Plain loops, and a member's path only built when its value is wrong: 17,600 groups at 100k resources.
  const expand = (direction: 'ingress' | 'egress', perms: Json<IpPermission>[], at: RecordAt, member: string): SecurityGroupRule[] => {
    const rules: SecurityGroupRule[] = [];
    for (let i = 0; i < perms.length; i++) {
      const p = perms[i]!;
      const path = `/${member}/${i}`;
      checkPorts(p, at, path);
      const protocol = p.IpProtocol!;
      const allPorts = protocol === '-1' || p.FromPort === undefined || (p.FromPort === -1 && p.ToPort === -1);
      const fromPort = p.FromPort!;
      const toPort = p.ToPort ?? p.FromPort!;
      const add = (peer: RulePeer, description: string | undefined) => {
        const rule = (allPorts ? { direction, protocol, peer } : { direction, protocol, fromPort, toPort, peer }) as SecurityGroupRule;
        if (description !== undefined) rule.description = description;
        rules.push(rule);
      };
      const ipRanges = p.IpRanges ?? [];
      for (let k = 0; k < ipRanges.length; k++) {
        const r = ipRanges[k]!;
        if (!isCidr4(r.CidrIp!)) at.expect(false, `${path}/IpRanges/${k}/CidrIp`, 'an IPv4 CIDR block');
        add({ kind: 'cidr4', value: r.CidrIp! }, r.Description);
      }
      const ipv6Ranges = p.Ipv6Ranges ?? [];
      for (let k = 0; k < ipv6Ranges.length; k++) {
        const r = ipv6Ranges[k]!;
        if (!isCidr6(r.CidrIpv6!)) at.expect(false, `${path}/Ipv6Ranges/${k}/CidrIpv6`, 'an IPv6 CIDR block');
        add({ kind: 'cidr6', value: r.CidrIpv6! }, r.Description);
      }
      const prefixLists = p.PrefixListIds ?? [];
      for (let k = 0; k < prefixLists.length; k++) {
        const r = prefixLists[k]!;
        if (r.PrefixListId === '') nonEmpty(at, r.PrefixListId, `${path}/PrefixListIds/${k}/PrefixListId`);
        add({ kind: 'prefixList', value: r.PrefixListId!, cidrs: resolvePrefixList(r.PrefixListId!) }, r.Description);
      }
      const pairs = p.UserIdGroupPairs ?? [];
      for (let k = 0; k < pairs.length; k++) {
        const r = pairs[k]!;
        const group = r.GroupId ?? r.GroupName;
        if (group === undefined || group === '') at.expect(false, `${path}/UserIdGroupPairs/${k}`, 'a group pair naming a GroupId or GroupName');
        add({ kind: 'securityGroup', value: group! }, r.Description);
      }
    }
    return rules;
  };

  const securityGroups = src.records<RawOf<DescribeSecurityGroupsCommandOutput, 'SecurityGroups'>, SecurityGroup>(
    region,
    'ec2:DescribeSecurityGroups',
    'SecurityGroups/*',
    (g, at) => {
      nonEmpty(at, g.GroupName, '/GroupName');
      const sg: SecurityGroup = Object.assign(base('AWS::EC2::SecurityGroup', 'security-group', g.GroupId!, g.Tags), {
        groupName: g.GroupName!,
        isDefault: g.GroupName === 'default',
        ingress: expand('ingress', g.IpPermissions!, at, 'IpPermissions'),
        egress: expand('egress', g.IpPermissionsEgress!, at, 'IpPermissionsEgress'),
      });
      if (sg.name === undefined) sg.name = g.GroupName!;
      if (g.VpcId !== undefined) {
        nonEmpty(at, g.VpcId, '/VpcId');
        sg.vpcId = g.VpcId;
      }
      return sg;
    },
  );

  const flowLogs = src.records<RawOf<DescribeFlowLogsCommandOutput, 'FlowLogs'>, FlowLog>(region, 'ec2:DescribeFlowLogs', 'FlowLogs/*', (f, at) => {
    nonEmpty(at, f.ResourceId, '/ResourceId');
    const log: FlowLog = Object.assign(base('AWS::EC2::FlowLog', 'vpc-flow-log', f.FlowLogId!, f.Tags), {
      resourceId: f.ResourceId!,
    });
    log.trafficType = f.TrafficType!;
    log.status = f.FlowLogStatus!;
    if (f.DeliverLogsStatus) log.deliverLogsStatus = f.DeliverLogsStatus;
    log.destinationType = f.LogDestinationType!;
    const destination = f.LogDestination || f.LogGroupName;
    if (destination) log.destination = destination;
    return log;
  });

  type RawInstance = NonNullable<Item<RawOf<DescribeInstancesCommandOutput, 'Reservations'>, 'Instances'>>;
  const instances = src.records<RawInstance, Instance>(region, 'ec2:DescribeInstances', 'Reservations/*/Instances/*', (i, at) => {
    const inst: Instance = Object.assign(base('AWS::EC2::Instance', 'instance', i.InstanceId!, i.Tags), {
      securityGroupIds: (i.SecurityGroups ?? []).map((g) => g.GroupId!),
    });
    if (i.SubnetId) inst.subnetId = i.SubnetId;
    if (i.VpcId) inst.vpcId = i.VpcId;
    if (i.PublicIpAddress) {
      at.expect(isCidr4(`${i.PublicIpAddress}/32`), '/PublicIpAddress', 'an IPv4 address');
      inst.publicIp = i.PublicIpAddress;
    }
    inst.state = i.State!.Name!;
    inst.httpTokens = i.MetadataOptions!.HttpTokens!;
    return inst;
  });

  const volumes = src.records<RawOf<DescribeVolumesCommandOutput, 'Volumes'>, Volume>(region, 'ec2:DescribeVolumes', 'Volumes/*', (v) => {
    const vol: Volume = Object.assign(base('AWS::EC2::Volume', 'volume', v.VolumeId!, v.Tags), {
      encrypted: v.Encrypted!,
      attachedInstanceIds: (v.Attachments ?? []).flatMap((a) => (a.InstanceId ? [a.InstanceId] : [])),
    });
    if (v.KmsKeyId) vol.kmsKeyId = v.KmsKeyId;
    vol.state = v.State!;
    vol.sizeGiB = v.Size!;
    vol.availabilityZone = v.AvailabilityZone!;
    return vol;
  });

  const ebsDefault = src.call<Raw<GetEbsEncryptionByDefaultCommandOutput>>(region, 'ec2:GetEbsEncryptionByDefault');
  const ebsEncryptionByDefault: EbsEncryptionByDefault = {
    type: 'AWS::EC2::EBSEncryptionByDefault',
    arn: `arn:${partition}:ec2:${region}:${account}:ebs-encryption-by-default`,
    id: `ebs-encryption-by-default/${region}`,
    account,
    region,
    tags: {},
    enabled: ebsDefault.ok ? { ok: true, value: ebsDefault.value?.EbsEncryptionByDefault === true } : ebsDefault,
  };

  const snaps = src.call<Raw<DescribeSnapshotsCommandOutput>>(region, 'ec2:DescribeSnapshots');
  const publicSnapshots = src.records<RawOf<DescribeSnapshotsCommandOutput, 'Snapshots'>, string>(region, 'ec2:DescribeSnapshots', 'Snapshots/*', (s) => s.SnapshotId!);
  const snapshotPublicAccess: SnapshotPublicAccess = {
    type: 'AWS::EC2::SnapshotPublicAccess',
    arn: `arn:${partition}:ec2:${region}:${account}:snapshot/*`,
    id: `public-snapshots/${region}`,
    account,
    region,
    tags: {},
    publicSnapshots: snaps.ok ? { ok: true, value: publicSnapshots.sort() } : snaps,
  };

  const images = src.records<RawOf<DescribeImagesCommandOutput, 'Images'>, Image>(region, 'ec2:DescribeImages', 'Images/*', (i) => {
    // An image's ARN names no account: AWS publishes it for every account that can launch it.
    const image: Image = Object.assign(resourceBase('AWS::EC2::Image', `arn:${partition}:ec2:${region}::image/${i.ImageId}`, i.ImageId!, account, region, tagMap(i.Tags)), {
      public: i.Public!,
    });
    if (image.name === undefined && i.Name) image.name = i.Name;
    image.state = i.State!;
    return image;
  });

  return {
    ...buildNetwork(src, region, prefixEntries),
    vpcs,
    subnets,
    routeTables,
    internetGateways,
    securityGroups,
    networkAcls,
    flowLogs,
    instances,
    volumes,
    ebsEncryptionByDefault,
    snapshotPublicAccess,
    images,
  };
}

/** The VPC's IPv4 CIDRs: the associations when listed, else the primary block. */
function vpcCidrs(primary: string | undefined, associations: { CidrBlock?: string }[] | undefined): string[] {
  const listed = (associations ?? []).flatMap((a) => (a.CidrBlock ? [a.CidrBlock] : []));
  if (listed.length > 0) return listed;
  return primary ? [primary] : [];
}
