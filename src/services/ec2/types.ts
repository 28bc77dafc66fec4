/** EC2 and VPC resources in the typed inventory. */
import type { Observed, Resource } from '../../inventory/base.js';

export interface Vpc extends Resource {
  type: 'AWS::EC2::VPC';
  cidrBlocks: string[];
  ipv6CidrBlocks: string[];
  isDefault: boolean;
}

export interface Subnet extends Resource {
  type: 'AWS::EC2::Subnet';
  vpcId: string;
  cidrBlock?: string;
  ipv6CidrBlocks: string[];
  availabilityZone?: string;
  mapPublicIpOnLaunch: boolean;
  /** The route table that governs it: its explicit association, else the VPC's main table. */
  routeTableId?: string;
  /** The NACL associated with it. */
  networkAclId?: string;
}

export interface Route {
  destination: string;
  /** igw-, nat-, tgw-, pcx-, vgw-, eni-, local, ... */
  target: string;
  state?: string;
}

export interface RouteTable extends Resource {
  type: 'AWS::EC2::RouteTable';
  vpcId: string;
  isMain: boolean;
  subnetIds: string[];
  routes: Route[];
}

export interface InternetGateway extends Resource {
  type: 'AWS::EC2::InternetGateway';
  vpcIds: string[];
}

/** Where a security-group rule lets traffic come from (or go to). */
export type RulePeer =
  | { kind: 'cidr4'; value: string }
  | { kind: 'cidr6'; value: string }
  /** `cidrs` resolved from the prefix list's entries, or undefined if they could not be read. */
  | { kind: 'prefixList'; value: string; cidrs: Observed<string[]> }
  | { kind: 'securityGroup'; value: string };

/** One security-group permission, one peer each (an IpPermission expanded). */
export interface SecurityGroupRule {
  direction: 'ingress' | 'egress';
  /** `tcp`, `udp`, `icmp`, `icmpv6`, `-1` (all) or an IANA number as a string. */
  protocol: string;
  /** Undefined when the rule covers all ports (protocol -1, or -1 in the API). */
  fromPort?: number;
  toPort?: number;
  peer: RulePeer;
  description?: string;
}

export interface SecurityGroup extends Resource {
  type: 'AWS::EC2::SecurityGroup';
  vpcId?: string;
  groupName: string;
  isDefault: boolean;
  ingress: SecurityGroupRule[];
  egress: SecurityGroupRule[];
}

export interface NetworkAclEntry {
  ruleNumber: number;
  egress: boolean;
  action: 'allow' | 'deny';
  /** `-1` (all) or an IANA protocol number as a string (`6` tcp, `17` udp). */
  protocol: string;
  cidr: string;
  ipv6: boolean;
  /** Undefined when the entry covers all ports. */
  portRange?: { from: number; to: number };
}

export interface NetworkAcl extends Resource {
  type: 'AWS::EC2::NetworkAcl';
  vpcId: string;
  isDefault: boolean;
  /** Sorted by rule number, ingress and egress together (filter on `egress`). */
  entries: NetworkAclEntry[];
  subnetIds: string[];
}

export interface FlowLog extends Resource {
  type: 'AWS::EC2::FlowLog';
  resourceId: string;
  trafficType?: 'ACCEPT' | 'REJECT' | 'ALL';
  status?: string;
  deliverLogsStatus?: string;
  destinationType?: string;
  destination?: string;
}

export interface Instance extends Resource {
  type: 'AWS::EC2::Instance';
  subnetId?: string;
  vpcId?: string;
  publicIp?: string;
  state?: string;
  /** `required` means IMDSv2 only. */
  httpTokens?: string;
  securityGroupIds: string[];
}

export interface Volume extends Resource {
  type: 'AWS::EC2::Volume';
  encrypted: boolean;
  kmsKeyId?: string;
  state?: string;
  sizeGiB?: number;
  availabilityZone?: string;
  attachedInstanceIds: string[];
}

/** The per-region EBS encryption-by-default setting. */
export interface EbsEncryptionByDefault extends Resource {
  type: 'AWS::EC2::EBSEncryptionByDefault';
  enabled: Observed<boolean>;
}

/** Public EBS snapshots of one region (the collector asks only for those). */
export interface SnapshotPublicAccess extends Resource {
  type: 'AWS::EC2::SnapshotPublicAccess';
  publicSnapshots: Observed<string[]>;
}

export interface Image extends Resource {
  type: 'AWS::EC2::Image';
  public: boolean;
  state?: string;
}

// ---------------------------------------------------------------------------
// The network the reachability engine reads (src/reach/), built by network.ts
// ---------------------------------------------------------------------------

/** An elastic network interface: every one in the region, instances', load balancers', NAT gateways', endpoints', databases'. */
export interface NetworkInterface extends Resource {
  type: 'AWS::EC2::NetworkInterface';
  vpcId: string;
  subnetId: string;
  availabilityZone?: string;
  /** `interface`, `natGateway`, `network_load_balancer`, `vpc_endpoint`, `transit_gateway`, ... (AWS adds kinds). */
  interfaceType: string;
  /** `in-use`, `available`, ... */
  status: string;
  description?: string;
  /** Who created a service-managed interface (`amazon-elb`, `amazon-rds`, an account id, ...). */
  requesterId?: string;
  securityGroupIds: string[];
  /** Primary first, then the secondary private addresses. */
  privateIpv4: string[];
  /** Public addresses associated with any of its private addresses (auto-assigned, Elastic IP or service-owned). */
  publicIpv4: string[];
  ipv6: string[];
  /** Delegated prefixes (prefix delegation, EKS): CIDRs of addresses the interface also holds. */
  ipv4Prefixes: string[];
  ipv6Prefixes: string[];
  /** The instance it is attached to, and at which device index. */
  instanceId?: string;
  deviceIndex?: number;
}

export interface NatGateway extends Resource {
  type: 'AWS::EC2::NatGateway';
  vpcId: string;
  subnetId: string;
  state: string;
  /** `public` (default) or `private`. */
  connectivityType: string;
  publicIps: string[];
  networkInterfaceIds: string[];
}

export interface ElasticIp extends Resource {
  type: 'AWS::EC2::EIP';
  publicIp: string;
  networkInterfaceId?: string;
  instanceId?: string;
  privateIp?: string;
}

export interface EgressOnlyInternetGateway extends Resource {
  type: 'AWS::EC2::EgressOnlyInternetGateway';
  vpcIds: string[];
}

/** One side of a peering connection. */
export interface PeeringSide {
  ownerId: string;
  vpcId: string;
  region: string;
  cidrBlocks: string[];
  ipv6CidrBlocks: string[];
}

export interface VpcPeeringConnection extends Resource {
  type: 'AWS::EC2::VPCPeeringConnection';
  /** `active`, `pending-acceptance`, `deleted`, ... */
  status: string;
  requester: PeeringSide;
  accepter: PeeringSide;
}

export interface TransitGateway extends Resource {
  type: 'AWS::EC2::TransitGateway';
  ownerId: string;
  state: string;
}

export interface TransitGatewayAttachment extends Resource {
  type: 'AWS::EC2::TransitGatewayAttachment';
  transitGatewayId: string;
  transitGatewayOwnerId: string;
  /** `vpc`, `vpn`, `direct-connect-gateway`, `peering`, `connect`, ... */
  resourceType: string;
  /** The VPC, VPN connection, gateway or peer transit gateway. */
  resourceId: string;
  resourceOwnerId?: string;
  state: string;
  /** The route table traffic arriving from this attachment is routed by. */
  routeTableId?: string;
}

export interface TransitGatewayRoute {
  /** A CIDR, or a prefix list id. */
  destination: string;
  /** `static`, `propagated`, `system`. */
  routeType: string;
  /** `active` or `blackhole`. */
  state: string;
  attachments: { id: string; resourceType: string; resourceId?: string }[];
}

export interface TransitGatewayRouteTable extends Resource {
  type: 'AWS::EC2::TransitGatewayRouteTable';
  transitGatewayId: string;
  state: string;
  /** From SearchTransitGatewayRoutes (active and blackhole routes). */
  routes: Observed<TransitGatewayRoute[]>;
}

export interface VpnConnection extends Resource {
  type: 'AWS::EC2::VPNConnection';
  state: string;
  vpnGatewayId?: string;
  transitGatewayId?: string;
  customerGatewayId: string;
  staticRoutes: string[];
  /** Tunnels, and how many are UP. */
  tunnels: number;
  tunnelsUp: number;
}

export interface VpnGateway extends Resource {
  type: 'AWS::EC2::VPNGateway';
  state: string;
  /** VPCs it is attached to (attachment state `attached`). */
  vpcIds: string[];
}

export interface VpcEndpoint extends Resource {
  type: 'AWS::EC2::VPCEndpoint';
  /** `Interface`, `Gateway`, `GatewayLoadBalancer`, ... */
  endpointType: string;
  vpcId: string;
  serviceName: string;
  state: string;
  subnetIds: string[];
  networkInterfaceIds: string[];
  routeTableIds: string[];
  securityGroupIds: string[];
}

export interface ManagedPrefixList extends Resource {
  type: 'AWS::EC2::PrefixList';
  listName: string;
  addressFamily: string;
  ownerId: string;
  /** The entries' CIDRs, sorted (GetManagedPrefixListEntries). */
  entries: Observed<string[]>;
}
