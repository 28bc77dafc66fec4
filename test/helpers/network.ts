/**
 * Tiny networks for the reachability engine's and the drift checks' tests:
 * VPCs, subnets, route tables, NACLs, security groups and interfaces built
 * from a few lines, as the EC2 adapter would type them.
 */
import type {
  InternetGateway,
  Inventory,
  Listener,
  LoadBalancer,
  NetworkAcl,
  NetworkAclEntry,
  NetworkInterface,
  RouteTable,
  SecurityGroup,
  SecurityGroupRule,
  Subnet,
  TargetGroup,
  TransitGateway,
  TransitGatewayAttachment,
  TransitGatewayRouteTable,
  Vpc,
  VpcPeeringConnection,
  EgressOnlyInternetGateway,
  ManagedPrefixList,
  Instance,
  NatGateway,
} from '../../src/inventory/types.js';
import { ACCOUNT, inventory, REGION, type InventoryInput } from './check-harness.js';

const arn = (region: string, kind: string, id: string) => `arn:aws:ec2:${region}:${ACCOUNT}:${kind}/${id}`;
const res = <T extends string>(type: T, kind: string, id: string, region = REGION, tags: Record<string, string> = {}) => ({ type, arn: arn(region, kind, id), id, account: ACCOUNT, region, tags });

/** `tcp:22` `tcp:1024-65535` `-1` `udp:53` `icmp` and a peer: CIDR, `sg-...` or `pl-...`. */
export function r(spec: string, peer: string, direction: 'ingress' | 'egress' = 'ingress', plCidrs: string[] = []): SecurityGroupRule {
  const [protocol, ports] = spec.split(':') as [string, string | undefined];
  const rule: SecurityGroupRule = {
    direction,
    protocol,
    peer: peer.startsWith('sg-')
      ? { kind: 'securityGroup', value: peer }
      : peer.startsWith('pl-')
        ? { kind: 'prefixList', value: peer, cidrs: { ok: true, value: plCidrs } }
        : peer.includes(':')
          ? { kind: 'cidr6', value: peer }
          : { kind: 'cidr4', value: peer },
  };
  if (ports !== undefined) {
    const [from, to] = ports.split('-').map(Number) as [number, number | undefined];
    rule.fromPort = from;
    rule.toPort = to ?? from;
  }
  return rule;
}

export const out = (spec: string, peer: string) => r(spec, peer, 'egress');

/** `100 allow tcp 22 0.0.0.0/0 in` style entries: number, action, protocol (`-1`, `6`, `17`), ports (`22`, `1024-65535`, `*`), CIDR, direction. */
export function e(spec: string): NetworkAclEntry {
  const [n, action, protocol, ports, cidr, dir] = spec.split(/\s+/) as [string, 'allow' | 'deny', string, string, string, string];
  const entry: NetworkAclEntry = { ruleNumber: Number(n), action, protocol, cidr, ipv6: cidr.includes(':'), egress: dir === 'out' };
  if (ports !== '*') {
    const [from, to] = ports.split('-').map(Number) as [number, number | undefined];
    entry.portRange = { from, to: to ?? from };
  }
  return entry;
}

export const ALLOW_ALL = [e('100 allow -1 * 0.0.0.0/0 in'), e('100 allow -1 * 0.0.0.0/0 out'), e('101 allow -1 * ::/0 in'), e('101 allow -1 * ::/0 out')];

export interface EniSpec {
  subnet: string;
  sgs?: string[];
  ip: string;
  publicIp?: string;
  ipv6?: string;
  instance?: string;
  type?: string;
  description?: string;
  status?: string;
  region?: string;
}

/** A network under construction; `inventory()` types it. */
export class Net {
  vpcs: Vpc[] = [];
  subnets: Subnet[] = [];
  routeTables: RouteTable[] = [];
  networkAcls: NetworkAcl[] = [];
  securityGroups: SecurityGroup[] = [];
  networkInterfaces: NetworkInterface[] = [];
  internetGateways: InternetGateway[] = [];
  egressOnlyInternetGateways: EgressOnlyInternetGateway[] = [];
  vpcPeeringConnections: VpcPeeringConnection[] = [];
  transitGateways: TransitGateway[] = [];
  transitGatewayAttachments: TransitGatewayAttachment[] = [];
  transitGatewayRouteTables: TransitGatewayRouteTable[] = [];
  prefixLists: ManagedPrefixList[] = [];
  loadBalancers: LoadBalancer[] = [];
  targetGroups: TargetGroup[] = [];
  instances: Instance[] = [];
  natGateways: NatGateway[] = [];

  vpc(id: string, cidr: string, o: { region?: string; ipv6?: string; tags?: Record<string, string> } = {}): this {
    const region = o.region ?? REGION;
    this.vpcs.push({ ...res('AWS::EC2::VPC', 'vpc', id, region, o.tags), cidrBlocks: [cidr], ipv6CidrBlocks: o.ipv6 ? [o.ipv6] : [], isDefault: false });
    return this;
  }

  /** A subnet with its own route table (`routes`: `dest>target`, `dest>target!` for a blackhole) and NACL (allow-all unless given). */
  subnet(id: string, vpcId: string, cidr: string, routes: string[], o: { az?: string; acl?: NetworkAclEntry[]; ipv6?: string; tags?: Record<string, string>; region?: string } = {}): this {
    const region = o.region ?? REGION;
    const rt = `rtb-${id.slice(7)}`;
    const acl = `acl-${id.slice(7)}`;
    const vpc = this.vpcs.find((v) => v.id === vpcId && v.region === region)!;
    const local = [`${vpc.cidrBlocks[0]}>local`, ...(vpc.ipv6CidrBlocks[0] ? [`${vpc.ipv6CidrBlocks[0]}>local`] : [])];
    this.subnets.push({
      ...res('AWS::EC2::Subnet', 'subnet', id, region, o.tags),
      vpcId,
      cidrBlock: cidr,
      ipv6CidrBlocks: o.ipv6 ? [o.ipv6] : [],
      availabilityZone: o.az ?? `${region}a`,
      mapPublicIpOnLaunch: false,
      routeTableId: rt,
      networkAclId: acl,
    });
    this.routeTables.push({
      ...res('AWS::EC2::RouteTable', 'route-table', rt, region),
      vpcId,
      isMain: false,
      subnetIds: [id],
      routes: [...local, ...routes].map((x) => {
        const [destination, t] = x.split('>') as [string, string];
        return t.endsWith('!') ? { destination, target: t.slice(0, -1), state: 'blackhole' } : { destination, target: t, state: 'active' };
      }),
    });
    this.networkAcls.push({ ...res('AWS::EC2::NetworkAcl', 'network-acl', acl, region), vpcId, isDefault: false, entries: [...(o.acl ?? ALLOW_ALL)].sort((a, b) => a.ruleNumber - b.ruleNumber), subnetIds: [id] });
    return this;
  }

  igw(id: string, vpcId: string, region = REGION): this {
    this.internetGateways.push({ ...res('AWS::EC2::InternetGateway', 'internet-gateway', id, region), vpcIds: [vpcId] });
    return this;
  }

  eigw(id: string, vpcId: string): this {
    this.egressOnlyInternetGateways.push({ ...res('AWS::EC2::EgressOnlyInternetGateway', 'egress-only-internet-gateway', id), vpcIds: [vpcId] });
    return this;
  }

  sg(id: string, vpcId: string, ingress: SecurityGroupRule[], egress: SecurityGroupRule[] = [out('-1', '0.0.0.0/0')], region = REGION): this {
    this.securityGroups.push({
      ...res('AWS::EC2::SecurityGroup', 'security-group', id, region),
      name: id,
      groupName: id,
      vpcId,
      isDefault: false,
      ingress: ingress.map((x) => ({ ...x, direction: 'ingress' as const })),
      egress: egress.map((x) => ({ ...x, direction: 'egress' as const })),
    });
    return this;
  }

  eni(id: string, o: EniSpec): this {
    const region = o.region ?? REGION;
    const subnet = this.subnets.find((s) => s.id === o.subnet && s.region === region)!;
    const n: NetworkInterface = {
      ...res('AWS::EC2::NetworkInterface', 'network-interface', id, region),
      vpcId: subnet.vpcId,
      subnetId: subnet.id,
      availabilityZone: subnet.availabilityZone!,
      interfaceType: o.type ?? 'interface',
      status: o.status ?? 'in-use',
      securityGroupIds: [...(o.sgs ?? [])].sort(),
      privateIpv4: [o.ip],
      publicIpv4: o.publicIp ? [o.publicIp] : [],
      ipv6: o.ipv6 ? [o.ipv6] : [],
      ipv4Prefixes: [],
      ipv6Prefixes: [],
    };
    if (o.instance) {
      n.instanceId = o.instance;
      n.deviceIndex = 0;
    }
    if (o.description) n.description = o.description;
    this.networkInterfaces.push(n);
    return this;
  }

  instance(id: string, state = 'running', subnetId?: string): this {
    const i: Instance = { ...res('AWS::EC2::Instance', 'instance', id), securityGroupIds: [], state, httpTokens: 'required' };
    if (subnetId) i.subnetId = subnetId;
    this.instances.push(i);
    return this;
  }

  peering(id: string, requester: string, accepter: string, status = 'active', o: { accepterRegion?: string; accepterOwner?: string; accepterCidr?: string } = {}): this {
    const side = (vpcId: string, region: string, owner: string, cidr?: string) => ({
      ownerId: owner,
      vpcId,
      region,
      cidrBlocks: cidr ? [cidr] : (this.vpcs.find((v) => v.id === vpcId)?.cidrBlocks ?? []),
      ipv6CidrBlocks: [],
    });
    this.vpcPeeringConnections.push({
      ...res('AWS::EC2::VPCPeeringConnection', 'vpc-peering-connection', id),
      status,
      requester: side(requester, REGION, ACCOUNT),
      accepter: side(accepter, o.accepterRegion ?? REGION, o.accepterOwner ?? ACCOUNT, o.accepterCidr),
    });
    return this;
  }

  /** A transit gateway with VPC attachments and one route table (`dest>vpcId`, `dest>blackhole`); `visible: false` for one owned elsewhere. */
  tgw(id: string, vpcIds: string[], routes: string[], o: { visible?: boolean; owner?: string } = {}): this {
    const owner = o.owner ?? ACCOUNT;
    this.transitGateways.push({ ...res('AWS::EC2::TransitGateway', 'transit-gateway', id), ownerId: owner, state: 'available' });
    const rt = `tgw-rtb-${id.slice(4)}`;
    for (const v of vpcIds) {
      this.transitGatewayAttachments.push({
        ...res('AWS::EC2::TransitGatewayAttachment', 'transit-gateway-attachment', `tgw-attach-${v.slice(4)}`),
        transitGatewayId: id,
        transitGatewayOwnerId: owner,
        resourceType: 'vpc',
        resourceId: v,
        state: 'available',
        routeTableId: rt,
      });
    }
    if (o.visible !== false) {
      this.transitGatewayRouteTables.push({
        ...res('AWS::EC2::TransitGatewayRouteTable', 'transit-gateway-route-table', rt),
        transitGatewayId: id,
        state: 'available',
        routes: {
          ok: true,
          value: routes.map((x) => {
            const [destination, t] = x.split('>') as [string, string];
            return t === 'blackhole'
              ? { destination, routeType: 'static', state: 'blackhole', attachments: [] }
              : { destination, routeType: 'propagated', state: 'active', attachments: [{ id: `tgw-attach-${t.slice(4)}`, resourceType: 'vpc', resourceId: t }] };
          }),
        },
      });
    }
    return this;
  }

  prefixList(id: string, cidrs: string[]): this {
    this.prefixLists.push({ ...res('AWS::EC2::PrefixList', 'prefix-list', id), listName: id, addressFamily: 'IPv4', ownerId: ACCOUNT, entries: { ok: true, value: [...cidrs].sort() } });
    return this;
  }

  /** An internet-facing ALB (its interfaces carry `ELB app/<name>/<id>`) forwarding listener `port` to an instance target group on `targetPort`. */
  alb(name: string, vpcId: string, listenerPort: number, targetPort: number, targets: string[], o: { lbType?: 'application' | 'network'; protocol?: string; targetProtocol?: string } = {}): this {
    const kind = o.lbType === 'network' ? 'net' : 'app';
    const lbArn = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/${kind}/${name}/0123456789abcdef`;
    const tgArn = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/${name}-tg/0123456789abcdef`;
    const listener: Listener = { arn: `${lbArn}/l${listenerPort}`, port: listenerPort, protocol: o.protocol ?? 'HTTPS', defaultActions: [{ type: 'forward', targetGroupArns: [tgArn] }] };
    this.loadBalancers.push({
      type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
      arn: lbArn,
      id: name,
      name,
      account: ACCOUNT,
      region: REGION,
      tags: {},
      lbType: o.lbType ?? 'application',
      scheme: 'internet-facing',
      vpcId,
      availabilityZones: [`${REGION}a`],
      listeners: { ok: true, value: [listener] },
      webAcl: { ok: true, value: null },
    });
    this.targetGroups.push({
      type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
      arn: tgArn,
      id: `${name}-tg`,
      name: `${name}-tg`,
      account: ACCOUNT,
      region: REGION,
      tags: {},
      protocol: o.targetProtocol ?? 'HTTP',
      port: targetPort,
      vpcId,
      targetType: 'instance',
      loadBalancerArns: [lbArn],
      targets: { ok: true, value: targets.map((id) => ({ id, state: 'healthy' })) },
    });
    return this;
  }

  /** The network as a frozen inventory, with whatever else `extra` holds. */
  inventory(extra: InventoryInput = {}): Inventory {
    const { vpcs, subnets, routeTables, networkAcls, securityGroups, networkInterfaces, internetGateways, egressOnlyInternetGateways, vpcPeeringConnections } = this;
    const { transitGateways, transitGatewayAttachments, transitGatewayRouteTables, prefixLists, loadBalancers, targetGroups, instances, natGateways } = this;
    return inventory({
      vpcs,
      subnets,
      routeTables,
      networkAcls,
      securityGroups,
      networkInterfaces,
      internetGateways,
      egressOnlyInternetGateways,
      vpcPeeringConnections,
      transitGateways,
      transitGatewayAttachments,
      transitGatewayRouteTables,
      prefixLists,
      loadBalancers,
      targetGroups,
      instances,
      natGateways,
      ...extra,
    });
  }
}
