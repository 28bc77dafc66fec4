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
