/**
 * From stored EC2 answers to the network the reachability engine reads
 * (src/reach/): every network interface, NAT and egress-only gateways,
 * Elastic IPs, peering connections, transit gateways with their attachments
 * and route tables, VPN connections and gateways, VPC endpoints and managed
 * prefix lists. Record by record, like adapter.ts: a value AWS cannot send (an
 * address that does not parse, an empty id) makes that record unreadable and
 * its checks say `error`.
 */
import { isIPv6 } from 'node:net';
import type {
  DescribeAddressesCommandOutput,
  DescribeEgressOnlyInternetGatewaysCommandOutput,
  DescribeManagedPrefixListsCommandOutput,
  DescribeNatGatewaysCommandOutput,
  DescribeNetworkInterfacesCommandOutput,
  DescribeTransitGatewayAttachmentsCommandOutput,
  DescribeTransitGatewayRouteTablesCommandOutput,
  DescribeTransitGatewaysCommandOutput,
  DescribeVpcEndpointsCommandOutput,
  DescribeVpcPeeringConnectionsCommandOutput,
  DescribeVpnConnectionsCommandOutput,
  DescribeVpnGatewaysCommandOutput,
  GetManagedPrefixListEntriesCommandOutput,
  SearchTransitGatewayRoutesCommandOutput,
  VpcPeeringConnectionVpcInfo,
} from '@aws-sdk/client-ec2';
import { resourceBase, tagMap, type Json, type Observed, type Raw } from '../../inventory/base.js';
import { isCidr4, isCidr6, isIp4 } from '../../inventory/net.js';
import type { RecordAt, ServiceSource } from '../source.js';
import type {
  EgressOnlyInternetGateway,
  ElasticIp,
  ManagedPrefixList,
  NatGateway,
  NetworkInterface,
  PeeringSide,
  TransitGateway,
  TransitGatewayAttachment,
  TransitGatewayRoute,
  TransitGatewayRouteTable,
  VpcEndpoint,
  VpcPeeringConnection,
  VpnConnection,
  VpnGateway,
} from './types.js';

type Item<T, K extends keyof T> = NonNullable<T[K]> extends readonly (infer U)[] ? U : never;
type RawOf<O, K extends keyof Raw<O>> = Item<Raw<O>, K>;

export interface Ec2Network {
  networkInterfaces: NetworkInterface[];
  natGateways: NatGateway[];
  elasticIps: ElasticIp[];
  egressOnlyInternetGateways: EgressOnlyInternetGateway[];
  vpcPeeringConnections: VpcPeeringConnection[];
  transitGateways: TransitGateway[];
  transitGatewayAttachments: TransitGatewayAttachment[];
  transitGatewayRouteTables: TransitGatewayRouteTable[];
  vpnConnections: VpnConnection[];
  vpnGateways: VpnGateway[];
  vpcEndpoints: VpcEndpoint[];
  prefixLists: ManagedPrefixList[];
}

/**
 * The entries of a managed prefix list, read once per region and id: the
 * CIDRs, sorted, or why they could not be read.
 */
export function prefixListReader(src: ServiceSource, region: string): (id: string) => Observed<string[]> {
  const cache = new Map<string, Observed<string[]>>();
  return (id) => {
    let cached = cache.get(id);
    if (!cached) {
      const entries = src.perResource<Raw<GetManagedPrefixListEntriesCommandOutput>>(region, 'ec2:GetManagedPrefixListEntries', id);
      if (!entries.ok) cached = entries;
      else {
        const cidrs = (entries.value.Entries ?? []).map((e) => e.Cidr!);
        const bad = cidrs.findIndex((c) => !isCidr4(c) && !isCidr6(c));
        cached =
          bad >= 0
            ? { ok: false, error: src.unusableResource('ec2:GetManagedPrefixListEntries', region, id, `/Entries/${bad}/Cidr`, 'an IPv4 or IPv6 CIDR block') }
            : { ok: true, value: cidrs.sort() };
      }
      cache.set(id, cached);
    }
    return cached;
  };
}

const nonEmpty = (at: RecordAt, value: string | undefined, member: string) => at.expect(value !== undefined && value !== '', member, 'a non-empty string');
const ipv4 = (at: RecordAt, value: string | undefined, member: string) => at.expect(value !== undefined && isIp4(value), member, 'an IPv4 address');
const ipv6 = (at: RecordAt, value: string | undefined, member: string) => at.expect(value !== undefined && isIPv6(value), member, 'an IPv6 address');

export function buildNetwork(src: ServiceSource, region: string, prefixEntries: (id: string) => Observed<string[]>): Ec2Network {
  const account = src.accountId;
  const partition = src.partition;
  const base = <T extends string>(type: T, kind: string, id: string, rawTags?: { Key?: string; Value?: string }[], owner = account) =>
    resourceBase(type, `arn:${partition}:ec2:${region}:${owner}:${kind}/${id}`, id, account, region, tagMap(rawTags));

  const networkInterfaces = src.records<RawOf<DescribeNetworkInterfacesCommandOutput, 'NetworkInterfaces'>, NetworkInterface>(
    region,
    'ec2:DescribeNetworkInterfaces',
    'NetworkInterfaces/*',
    (n, at) => {
      nonEmpty(at, n.SubnetId, '/SubnetId');
      nonEmpty(at, n.VpcId, '/VpcId');
      ipv4(at, n.PrivateIpAddress, '/PrivateIpAddress');
      const privateIpv4 = [n.PrivateIpAddress!];
      const publicIpv4: string[] = [];
      if (n.Association) {
        ipv4(at, n.Association.PublicIp, '/Association/PublicIp');
        publicIpv4.push(n.Association.PublicIp!);
      }
      n.PrivateIpAddresses!.forEach((p, i) => {
        ipv4(at, p.PrivateIpAddress, `/PrivateIpAddresses/${i}/PrivateIpAddress`);
        if (!privateIpv4.includes(p.PrivateIpAddress!)) privateIpv4.push(p.PrivateIpAddress!);
        if (p.Association) {
          ipv4(at, p.Association.PublicIp, `/PrivateIpAddresses/${i}/Association/PublicIp`);
          if (!publicIpv4.includes(p.Association.PublicIp!)) publicIpv4.push(p.Association.PublicIp!);
        }
      });
      const ipv6Addresses = n.Ipv6Addresses!.map((a, i) => {
        ipv6(at, a.Ipv6Address, `/Ipv6Addresses/${i}/Ipv6Address`);
        return a.Ipv6Address!;
      });
      const ipv4Prefixes = (n.Ipv4Prefixes ?? []).map((p, i) => {
        at.expect(isCidr4(p.Ipv4Prefix!), `/Ipv4Prefixes/${i}/Ipv4Prefix`, 'an IPv4 CIDR block');
        return p.Ipv4Prefix!;
      });
      const ipv6Prefixes = (n.Ipv6Prefixes ?? []).map((p, i) => {
        at.expect(isCidr6(p.Ipv6Prefix!), `/Ipv6Prefixes/${i}/Ipv6Prefix`, 'an IPv6 CIDR block');
        return p.Ipv6Prefix!;
      });
      const securityGroupIds = n.Groups!.map((g, i) => {
        nonEmpty(at, g.GroupId, `/Groups/${i}/GroupId`);
        return g.GroupId!;
      });
      const eni: NetworkInterface = Object.assign(base('AWS::EC2::NetworkInterface', 'network-interface', n.NetworkInterfaceId!, n.TagSet), {
        vpcId: n.VpcId!,
        subnetId: n.SubnetId!,
        interfaceType: String(n.InterfaceType),
        status: String(n.Status),
        securityGroupIds: [...new Set(securityGroupIds)].sort(),
        privateIpv4,
        publicIpv4,
        ipv6: ipv6Addresses,
        ipv4Prefixes,
        ipv6Prefixes,
      });
      if (n.AvailabilityZone) eni.availabilityZone = n.AvailabilityZone;
      if (n.Description) eni.description = n.Description;
      if (n.RequesterId) eni.requesterId = n.RequesterId;
      if (n.Attachment?.InstanceId) eni.instanceId = n.Attachment.InstanceId;
      if (n.Attachment?.DeviceIndex !== undefined) {
        at.expect(Number.isInteger(n.Attachment.DeviceIndex) && n.Attachment.DeviceIndex >= 0, '/Attachment/DeviceIndex', 'a device index 0 or more');
        eni.deviceIndex = n.Attachment.DeviceIndex;
      }
      return eni;
    },
  );

  const natGateways = src.records<RawOf<DescribeNatGatewaysCommandOutput, 'NatGateways'>, NatGateway>(region, 'ec2:DescribeNatGateways', 'NatGateways/*', (g, at) => {
    nonEmpty(at, g.VpcId, '/VpcId');
    nonEmpty(at, g.SubnetId, '/SubnetId');
    const addresses = g.NatGatewayAddresses ?? [];
    addresses.forEach((a, i) => {
      if (a.PublicIp !== undefined) ipv4(at, a.PublicIp, `/NatGatewayAddresses/${i}/PublicIp`);
    });
    return Object.assign(base('AWS::EC2::NatGateway', 'natgateway', g.NatGatewayId!, g.Tags), {
      vpcId: g.VpcId!,
      subnetId: g.SubnetId!,
      state: String(g.State),
      connectivityType: g.ConnectivityType ? String(g.ConnectivityType) : 'public',
      publicIps: addresses.flatMap((a) => (a.PublicIp ? [a.PublicIp] : [])).sort(),
      networkInterfaceIds: addresses.flatMap((a) => (a.NetworkInterfaceId ? [a.NetworkInterfaceId] : [])).sort(),
    });
  });

  const elasticIps = src.records<RawOf<DescribeAddressesCommandOutput, 'Addresses'>, ElasticIp>(region, 'ec2:DescribeAddresses', 'Addresses/*', (a, at) => {
    ipv4(at, a.PublicIp, '/PublicIp');
    const eip: ElasticIp = Object.assign(base('AWS::EC2::EIP', 'elastic-ip', a.AllocationId!, a.Tags), { publicIp: a.PublicIp! });
    if (a.NetworkInterfaceId) eip.networkInterfaceId = a.NetworkInterfaceId;
    if (a.InstanceId) eip.instanceId = a.InstanceId;
    if (a.PrivateIpAddress) {
      ipv4(at, a.PrivateIpAddress, '/PrivateIpAddress');
      eip.privateIp = a.PrivateIpAddress;
    }
    return eip;
  });

  const egressOnlyInternetGateways = src.records<RawOf<DescribeEgressOnlyInternetGatewaysCommandOutput, 'EgressOnlyInternetGateways'>, EgressOnlyInternetGateway>(
    region,
    'ec2:DescribeEgressOnlyInternetGateways',
    'EgressOnlyInternetGateways/*',
    (g, at) => {
      g.Attachments!.forEach((x, i) => nonEmpty(at, x.VpcId, `/Attachments/${i}/VpcId`));
      return Object.assign(base('AWS::EC2::EgressOnlyInternetGateway', 'egress-only-internet-gateway', g.EgressOnlyInternetGatewayId!, g.Tags), {
        vpcIds: g.Attachments!.map((x) => x.VpcId!).sort(),
      });
    },
  );

  const side = (info: Json<VpcPeeringConnectionVpcInfo>, at: RecordAt, member: string): PeeringSide => {
    nonEmpty(at, info.VpcId, `${member}/VpcId`);
    nonEmpty(at, info.OwnerId, `${member}/OwnerId`);
    nonEmpty(at, info.Region, `${member}/Region`);
    const cidrs = new Set<string>();
    if (info.CidrBlock !== undefined) {
      at.expect(isCidr4(info.CidrBlock), `${member}/CidrBlock`, 'an IPv4 CIDR block');
      cidrs.add(info.CidrBlock);
    }
    (info.CidrBlockSet ?? []).forEach((c, i) => {
      at.expect(isCidr4(c.CidrBlock!), `${member}/CidrBlockSet/${i}/CidrBlock`, 'an IPv4 CIDR block');
      cidrs.add(c.CidrBlock!);
    });
    const v6 = (info.Ipv6CidrBlockSet ?? []).map((c, i) => {
      at.expect(isCidr6(c.Ipv6CidrBlock!), `${member}/Ipv6CidrBlockSet/${i}/Ipv6CidrBlock`, 'an IPv6 CIDR block');
      return c.Ipv6CidrBlock!;
    });
    return { ownerId: info.OwnerId!, vpcId: info.VpcId!, region: info.Region!, cidrBlocks: [...cidrs].sort(), ipv6CidrBlocks: [...new Set(v6)].sort() };
  };
  const vpcPeeringConnections = src.records<RawOf<DescribeVpcPeeringConnectionsCommandOutput, 'VpcPeeringConnections'>, VpcPeeringConnection>(
    region,
    'ec2:DescribeVpcPeeringConnections',
    'VpcPeeringConnections/*',
    (p, at) => (Object.assign(base('AWS::EC2::VPCPeeringConnection', 'vpc-peering-connection', p.VpcPeeringConnectionId!, p.Tags), {
      status: String(p.Status!.Code),
      requester: side(p.RequesterVpcInfo!, at, '/RequesterVpcInfo'),
      accepter: side(p.AccepterVpcInfo!, at, '/AccepterVpcInfo'),
    })),
  );

  const transitGateways = src.records<RawOf<DescribeTransitGatewaysCommandOutput, 'TransitGateways'>, TransitGateway>(
    region,
    'ec2:DescribeTransitGateways',
    'TransitGateways/*',
    (g, at) => {
      nonEmpty(at, g.OwnerId, '/OwnerId');
      return Object.assign(base('AWS::EC2::TransitGateway', 'transit-gateway', g.TransitGatewayId!, g.Tags, g.OwnerId!), { ownerId: g.OwnerId!, state: String(g.State) });
    },
  );

  const transitGatewayAttachments = src.records<RawOf<DescribeTransitGatewayAttachmentsCommandOutput, 'TransitGatewayAttachments'>, TransitGatewayAttachment>(
    region,
    'ec2:DescribeTransitGatewayAttachments',
    'TransitGatewayAttachments/*',
    (a, at) => {
      nonEmpty(at, a.TransitGatewayId, '/TransitGatewayId');
      nonEmpty(at, a.TransitGatewayOwnerId, '/TransitGatewayOwnerId');
      nonEmpty(at, a.ResourceId, '/ResourceId');
      const attachment: TransitGatewayAttachment = Object.assign(base('AWS::EC2::TransitGatewayAttachment', 'transit-gateway-attachment', a.TransitGatewayAttachmentId!, a.Tags), {
        transitGatewayId: a.TransitGatewayId!,
        transitGatewayOwnerId: a.TransitGatewayOwnerId!,
        resourceType: String(a.ResourceType),
        resourceId: a.ResourceId!,
        state: String(a.State),
      });
      if (a.ResourceOwnerId) attachment.resourceOwnerId = a.ResourceOwnerId;
      if (a.Association) {
        nonEmpty(at, a.Association.TransitGatewayRouteTableId, '/Association/TransitGatewayRouteTableId');
        if (String(a.Association.State) === 'associated') attachment.routeTableId = a.Association.TransitGatewayRouteTableId!;
      }
      return attachment;
    },
  );

  const tgwRoutes = (id: string): Observed<TransitGatewayRoute[]> => {
    const got = src.perResource<Raw<SearchTransitGatewayRoutesCommandOutput>>(region, 'ec2:SearchTransitGatewayRoutes', id);
    if (!got.ok) return got;
    const bad = (path: string, expected: string): Observed<TransitGatewayRoute[]> => ({ ok: false, error: src.unusableResource('ec2:SearchTransitGatewayRoutes', region, id, path, expected) });
    // More routes than one search returns: the table is not whole, so nothing may be concluded from it.
    if (got.value.AdditionalRoutesAvailable === true) return bad('/AdditionalRoutesAvailable', 'every route of the table (AdditionalRoutesAvailable false)');
    const routes: TransitGatewayRoute[] = [];
    for (const [i, r] of got.value.Routes!.entries()) {
      const destination = r.DestinationCidrBlock ?? r.PrefixListId;
      if (destination === undefined || destination === '') return bad(`/Routes/${i}`, 'a route to a DestinationCidrBlock or a PrefixListId');
      if (r.DestinationCidrBlock !== undefined && !isCidr4(r.DestinationCidrBlock) && !isCidr6(r.DestinationCidrBlock)) {
        return bad(`/Routes/${i}/DestinationCidrBlock`, 'an IPv4 or IPv6 CIDR block');
      }
      const attachments: TransitGatewayRoute['attachments'] = [];
      for (const [k, x] of (r.TransitGatewayAttachments ?? []).entries()) {
        if (!x.TransitGatewayAttachmentId) return bad(`/Routes/${i}/TransitGatewayAttachments/${k}/TransitGatewayAttachmentId`, 'a non-empty string');
        const att: TransitGatewayRoute['attachments'][number] = { id: x.TransitGatewayAttachmentId, resourceType: String(x.ResourceType) };
        if (x.ResourceId) att.resourceId = x.ResourceId;
        attachments.push(att);
      }
      routes.push({ destination, routeType: String(r.Type), state: String(r.State), attachments });
    }
    return { ok: true, value: routes };
  };
  const transitGatewayRouteTables = src.records<RawOf<DescribeTransitGatewayRouteTablesCommandOutput, 'TransitGatewayRouteTables'>, TransitGatewayRouteTable>(
    region,
    'ec2:DescribeTransitGatewayRouteTables',
    'TransitGatewayRouteTables/*',
    (t, at) => {
      nonEmpty(at, t.TransitGatewayId, '/TransitGatewayId');
      return Object.assign(base('AWS::EC2::TransitGatewayRouteTable', 'transit-gateway-route-table', t.TransitGatewayRouteTableId!, t.Tags), {
        transitGatewayId: t.TransitGatewayId!,
        state: String(t.State),
        routes: tgwRoutes(t.TransitGatewayRouteTableId!),
      });
    },
  );

  const vpnConnections = src.records<RawOf<DescribeVpnConnectionsCommandOutput, 'VpnConnections'>, VpnConnection>(region, 'ec2:DescribeVpnConnections', 'VpnConnections/*', (v, at) => {
    const staticRoutes = (v.Routes ?? []).map((r, i) => {
      at.expect(isCidr4(r.DestinationCidrBlock!) || isCidr6(r.DestinationCidrBlock!), `/Routes/${i}/DestinationCidrBlock`, 'an IPv4 or IPv6 CIDR block');
      return r.DestinationCidrBlock!;
    });
    const telemetry = v.VgwTelemetry ?? [];
    const vpn: VpnConnection = Object.assign(base('AWS::EC2::VPNConnection', 'vpn-connection', v.VpnConnectionId!, v.Tags), {
      state: String(v.State),
      customerGatewayId: v.CustomerGatewayId!,
      staticRoutes: [...new Set(staticRoutes)].sort(),
      tunnels: telemetry.length,
      tunnelsUp: telemetry.filter((t) => String(t.Status) === 'UP').length,
    });
    if (v.VpnGatewayId) vpn.vpnGatewayId = v.VpnGatewayId;
    if (v.TransitGatewayId) vpn.transitGatewayId = v.TransitGatewayId;
    return vpn;
  });

  const vpnGateways = src.records<RawOf<DescribeVpnGatewaysCommandOutput, 'VpnGateways'>, VpnGateway>(region, 'ec2:DescribeVpnGateways', 'VpnGateways/*', (g, at) => {
    g.VpcAttachments!.forEach((a, i) => nonEmpty(at, a.VpcId, `/VpcAttachments/${i}/VpcId`));
    return Object.assign(base('AWS::EC2::VPNGateway', 'vpn-gateway', g.VpnGatewayId!, g.Tags), {
      state: String(g.State),
      vpcIds: g.VpcAttachments!.filter((a) => String(a.State) === 'attached').map((a) => a.VpcId!).sort(),
    });
  });

  const vpcEndpoints = src.records<RawOf<DescribeVpcEndpointsCommandOutput, 'VpcEndpoints'>, VpcEndpoint>(region, 'ec2:DescribeVpcEndpoints', 'VpcEndpoints/*', (e, at) => {
    nonEmpty(at, e.VpcId, '/VpcId');
    nonEmpty(at, e.ServiceName, '/ServiceName');
    return Object.assign(base('AWS::EC2::VPCEndpoint', 'vpc-endpoint', e.VpcEndpointId!, e.Tags), {
      endpointType: String(e.VpcEndpointType),
      vpcId: e.VpcId!,
      serviceName: e.ServiceName!,
      state: String(e.State),
      subnetIds: [...(e.SubnetIds ?? [])].sort(),
      networkInterfaceIds: [...(e.NetworkInterfaceIds ?? [])].sort(),
      routeTableIds: [...(e.RouteTableIds ?? [])].sort(),
      securityGroupIds: (e.Groups ?? []).map((g) => g.GroupId!).sort(),
    });
  });

  const prefixLists = src.records<RawOf<DescribeManagedPrefixListsCommandOutput, 'PrefixLists'>, ManagedPrefixList>(
    region,
    'ec2:DescribeManagedPrefixLists',
    'PrefixLists/*',
    (p, at) => {
      nonEmpty(at, p.OwnerId, '/OwnerId');
      return {
        // AWS-managed lists are owned by `AWS`: their ARNs carry `aws` as the account.
        ...base('AWS::EC2::PrefixList', 'prefix-list', p.PrefixListId!, p.Tags, p.OwnerId === 'AWS' ? 'aws' : p.OwnerId!),
        listName: p.PrefixListName!,
        addressFamily: p.AddressFamily!,
        ownerId: p.OwnerId!,
        entries: prefixEntries(p.PrefixListId!),
      };
    },
  );

  return {
    networkInterfaces,
    natGateways,
    elasticIps,
    egressOnlyInternetGateways,
    vpcPeeringConnections,
    transitGateways,
    transitGatewayAttachments,
    transitGatewayRouteTables,
    vpnConnections,
    vpnGateways,
    vpcEndpoints,
    prefixLists,
  };
}
