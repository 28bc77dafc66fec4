import type {
  DescribeFlowLogsCommandOutput,
  DescribeInstancesCommandOutput,
  DescribeInternetGatewaysCommandOutput,
  DescribeNetworkAclsCommandOutput,
  DescribeRouteTablesCommandOutput,
  DescribeSecurityGroupsCommandOutput,
  DescribeSubnetsCommandOutput,
  DescribeVolumesCommandOutput,
  DescribeVpcsCommandOutput,
  GetEbsEncryptionByDefaultCommandOutput,
  GetManagedPrefixListEntriesCommandOutput,
  IpPermission,
} from '@aws-sdk/client-ec2';
import { CallSource, nameTag, tagMap, type Json, type Raw } from './source.js';
import type {
  EbsEncryptionByDefault,
  FlowLog,
  Instance,
  InternetGateway,
  NetworkAcl,
  NetworkAclEntry,
  Observed,
  RulePeer,
  RouteTable,
  SecurityGroup,
  SecurityGroupRule,
  Subnet,
  Volume,
  Vpc,
} from './types.js';

export interface Ec2Region {
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
}

function list<T>(o: Observed<T | null>): T | undefined {
  return o.ok && o.value !== null ? o.value : undefined;
}

export function buildEc2(src: CallSource, region: string, partition: string): Ec2Region {
  const account = src.accountId;
  const arn = (kind: string, id: string) => `arn:${partition}:ec2:${region}:${account}:${kind}/${id}`;
  const base = (type: string, kind: string, id: string, rawTags?: { Key?: string; Value?: string }[]) => {
    const tags = tagMap(rawTags);
    return { type, arn: arn(kind, id), id, account, region, tags, ...nameTag(tags) } as const;
  };

  const vpcs: Vpc[] = (list(src.call<Raw<DescribeVpcsCommandOutput>>(region, 'ec2:DescribeVpcs'))?.Vpcs ?? []).map(
    (v) => ({
      ...base('AWS::EC2::VPC', 'vpc', v.VpcId!, v.Tags),
      type: 'AWS::EC2::VPC',
      cidrBlocks: vpcCidrs(v.CidrBlock, v.CidrBlockAssociationSet),
      ipv6CidrBlocks: (v.Ipv6CidrBlockAssociationSet ?? []).map((a) => a.Ipv6CidrBlock!).filter(Boolean),
      isDefault: v.IsDefault === true,
    }),
  );

  const rawTables = list(src.call<Raw<DescribeRouteTablesCommandOutput>>(region, 'ec2:DescribeRouteTables'))?.RouteTables ?? [];
  const routeTables: RouteTable[] = rawTables.map((t) => ({
    ...base('AWS::EC2::RouteTable', 'route-table', t.RouteTableId!, t.Tags),
    type: 'AWS::EC2::RouteTable',
    vpcId: t.VpcId!,
    isMain: (t.Associations ?? []).some((a) => a.Main === true),
    subnetIds: (t.Associations ?? []).flatMap((a) => (a.SubnetId ? [a.SubnetId] : [])).sort(),
    routes: (t.Routes ?? []).map((r) => {
      const route: RouteTable['routes'][number] = {
        destination: r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock ?? r.DestinationPrefixListId ?? '',
        target:
          r.GatewayId ??
          r.NatGatewayId ??
          r.TransitGatewayId ??
          r.VpcPeeringConnectionId ??
          r.NetworkInterfaceId ??
          r.InstanceId ??
          r.EgressOnlyInternetGatewayId ??
          r.LocalGatewayId ??
          r.CarrierGatewayId ??
          r.CoreNetworkArn ??
          'unknown',
      };
      if (r.State !== undefined) route.state = r.State;
      return route;
    }),
  }));

  const rawAcls = list(src.call<Raw<DescribeNetworkAclsCommandOutput>>(region, 'ec2:DescribeNetworkAcls'))?.NetworkAcls ?? [];
  const networkAcls: NetworkAcl[] = rawAcls.map((a) => ({
    ...base('AWS::EC2::NetworkAcl', 'network-acl', a.NetworkAclId!, a.Tags),
    type: 'AWS::EC2::NetworkAcl',
    vpcId: a.VpcId!,
    isDefault: a.IsDefault === true,
    entries: (a.Entries ?? [])
      .map((e): NetworkAclEntry => {
        const entry: NetworkAclEntry = {
          ruleNumber: e.RuleNumber!,
          egress: e.Egress === true,
          action: e.RuleAction === 'allow' ? 'allow' : 'deny',
          protocol: e.Protocol ?? '-1',
          cidr: e.CidrBlock ?? e.Ipv6CidrBlock ?? '',
          ipv6: e.CidrBlock === undefined && e.Ipv6CidrBlock !== undefined,
        };
        if (e.PortRange && e.PortRange.From !== undefined && e.PortRange.To !== undefined) {
          entry.portRange = { from: e.PortRange.From, to: e.PortRange.To };
        }
        return entry;
      })
      .sort((x, y) => x.ruleNumber - y.ruleNumber || Number(x.egress) - Number(y.egress)),
    subnetIds: (a.Associations ?? []).flatMap((s) => (s.SubnetId ? [s.SubnetId] : [])).sort(),
  }));

  const mainTableByVpc = new Map(routeTables.filter((t) => t.isMain).map((t) => [t.vpcId, t.id]));
  const tableBySubnet = new Map(routeTables.flatMap((t) => t.subnetIds.map((s) => [s, t.id] as const)));
  const aclBySubnet = new Map(networkAcls.flatMap((a) => a.subnetIds.map((s) => [s, a.id] as const)));
  const subnets: Subnet[] = (list(src.call<Raw<DescribeSubnetsCommandOutput>>(region, 'ec2:DescribeSubnets'))?.Subnets ?? []).map(
    (s) => {
      const subnet: Subnet = {
        ...base('AWS::EC2::Subnet', 'subnet', s.SubnetId!, s.Tags),
        type: 'AWS::EC2::Subnet',
        vpcId: s.VpcId!,
        ipv6CidrBlocks: (s.Ipv6CidrBlockAssociationSet ?? []).map((x) => x.Ipv6CidrBlock!).filter(Boolean),
        mapPublicIpOnLaunch: s.MapPublicIpOnLaunch === true,
      };
      if (s.CidrBlock !== undefined) subnet.cidrBlock = s.CidrBlock;
      if (s.AvailabilityZone !== undefined) subnet.availabilityZone = s.AvailabilityZone;
      const table = tableBySubnet.get(s.SubnetId!) ?? mainTableByVpc.get(s.VpcId!);
      if (table !== undefined) subnet.routeTableId = table;
      const acl = aclBySubnet.get(s.SubnetId!);
      if (acl !== undefined) subnet.networkAclId = acl;
      return subnet;
    },
  );

  const internetGateways: InternetGateway[] = (
    list(src.call<Raw<DescribeInternetGatewaysCommandOutput>>(region, 'ec2:DescribeInternetGateways'))?.InternetGateways ?? []
  ).map((g) => ({
    ...base('AWS::EC2::InternetGateway', 'internet-gateway', g.InternetGatewayId!, g.Tags),
    type: 'AWS::EC2::InternetGateway',
    vpcIds: (g.Attachments ?? []).flatMap((a) => (a.VpcId ? [a.VpcId] : [])),
  }));

  // Prefix lists are resolved lazily: only those a rule references are looked up.
  const prefixListCidrs = new Map<string, Observed<string[]>>();
  const resolvePrefixList = (id: string): Observed<string[]> => {
    let cached = prefixListCidrs.get(id);
    if (!cached) {
      const entries = src.perResource<Raw<GetManagedPrefixListEntriesCommandOutput>>(region, 'ec2:GetManagedPrefixListEntries', id);
      cached = entries.ok ? { ok: true, value: (entries.value.Entries ?? []).map((e) => e.Cidr!).sort() } : entries;
      prefixListCidrs.set(id, cached);
    }
    return cached;
  };
  const expand = (direction: 'ingress' | 'egress', perms: Json<IpPermission>[] | undefined): SecurityGroupRule[] =>
    (perms ?? []).flatMap((p) => {
      const protocol = p.IpProtocol ?? '-1';
      const common: Omit<SecurityGroupRule, 'peer'> = { direction, protocol };
      const allPorts = protocol === '-1' || p.FromPort === undefined || (p.FromPort === -1 && p.ToPort === -1);
      if (!allPorts) {
        common.fromPort = p.FromPort!;
        common.toPort = p.ToPort ?? p.FromPort!;
      }
      const peers: { peer: RulePeer; description?: string | undefined }[] = [
        ...(p.IpRanges ?? []).map((r) => ({ peer: { kind: 'cidr4', value: r.CidrIp! } as RulePeer, description: r.Description })),
        ...(p.Ipv6Ranges ?? []).map((r) => ({ peer: { kind: 'cidr6', value: r.CidrIpv6! } as RulePeer, description: r.Description })),
        ...(p.PrefixListIds ?? []).map((r) => ({
          peer: { kind: 'prefixList', value: r.PrefixListId!, cidrs: resolvePrefixList(r.PrefixListId!) } as RulePeer,
          description: r.Description,
        })),
        ...(p.UserIdGroupPairs ?? []).map((r) => ({
          peer: { kind: 'securityGroup', value: r.GroupId ?? r.GroupName ?? '' } as RulePeer,
          description: r.Description,
        })),
      ];
      return peers.map(({ peer, description }) => {
        const rule: SecurityGroupRule = { ...common, peer };
        if (description !== undefined) rule.description = description;
        return rule;
      });
    });

  const securityGroups: SecurityGroup[] = (
    list(src.call<Raw<DescribeSecurityGroupsCommandOutput>>(region, 'ec2:DescribeSecurityGroups'))?.SecurityGroups ?? []
  ).map((g) => {
    const sg: SecurityGroup = {
      ...base('AWS::EC2::SecurityGroup', 'security-group', g.GroupId!, g.Tags),
      type: 'AWS::EC2::SecurityGroup',
      groupName: g.GroupName!,
      isDefault: g.GroupName === 'default',
      ingress: expand('ingress', g.IpPermissions),
      egress: expand('egress', g.IpPermissionsEgress),
    };
    if (sg.name === undefined) sg.name = g.GroupName!;
    if (g.VpcId !== undefined) sg.vpcId = g.VpcId;
    return sg;
  });

  const flowLogs: FlowLog[] = (list(src.call<Raw<DescribeFlowLogsCommandOutput>>(region, 'ec2:DescribeFlowLogs'))?.FlowLogs ?? []).map(
    (f) => {
      const log: FlowLog = {
        ...base('AWS::EC2::FlowLog', 'vpc-flow-log', f.FlowLogId!, f.Tags),
        type: 'AWS::EC2::FlowLog',
        resourceId: f.ResourceId!,
      };
      if (f.TrafficType !== undefined) log.trafficType = f.TrafficType;
      if (f.FlowLogStatus !== undefined) log.status = f.FlowLogStatus;
      if (f.DeliverLogsStatus !== undefined) log.deliverLogsStatus = f.DeliverLogsStatus;
      if (f.LogDestinationType !== undefined) log.destinationType = f.LogDestinationType;
      const destination = f.LogDestination ?? f.LogGroupName;
      if (destination !== undefined) log.destination = destination;
      return log;
    },
  );

  const instances: Instance[] = (
    list(src.call<Raw<DescribeInstancesCommandOutput>>(region, 'ec2:DescribeInstances'))?.Reservations ?? []
  ).flatMap((r) =>
    (r.Instances ?? []).map((i) => {
      const inst: Instance = {
        ...base('AWS::EC2::Instance', 'instance', i.InstanceId!, i.Tags),
        type: 'AWS::EC2::Instance',
        securityGroupIds: (i.SecurityGroups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : [])),
      };
      if (i.SubnetId !== undefined) inst.subnetId = i.SubnetId;
      if (i.VpcId !== undefined) inst.vpcId = i.VpcId;
      if (i.PublicIpAddress !== undefined) inst.publicIp = i.PublicIpAddress;
      if (i.State?.Name !== undefined) inst.state = i.State.Name;
      if (i.MetadataOptions?.HttpTokens !== undefined) inst.httpTokens = i.MetadataOptions.HttpTokens;
      return inst;
    }),
  );

  const volumes: Volume[] = (list(src.call<Raw<DescribeVolumesCommandOutput>>(region, 'ec2:DescribeVolumes'))?.Volumes ?? []).map(
    (v) => {
      const vol: Volume = {
        ...base('AWS::EC2::Volume', 'volume', v.VolumeId!, v.Tags),
        type: 'AWS::EC2::Volume',
        encrypted: v.Encrypted === true,
        attachedInstanceIds: (v.Attachments ?? []).flatMap((a) => (a.InstanceId ? [a.InstanceId] : [])),
      };
      if (v.KmsKeyId !== undefined) vol.kmsKeyId = v.KmsKeyId;
      if (v.State !== undefined) vol.state = v.State;
      if (v.Size !== undefined) vol.sizeGiB = v.Size;
      if (v.AvailabilityZone !== undefined) vol.availabilityZone = v.AvailabilityZone;
      return vol;
    },
  );

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

  return { vpcs, subnets, routeTables, internetGateways, securityGroups, networkAcls, flowLogs, instances, volumes, ebsEncryptionByDefault };
}

/** The VPC's IPv4 CIDRs: the associations when listed, else the primary block. */
function vpcCidrs(primary: string | undefined, associations: { CidrBlock?: string }[] | undefined): string[] {
  const listed = (associations ?? []).flatMap((a) => (a.CidrBlock ? [a.CidrBlock] : []));
  if (listed.length > 0) return listed;
  return primary ? [primary] : [];
}
