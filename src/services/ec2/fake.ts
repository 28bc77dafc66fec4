import type { ServiceFake } from '../define.js';

/**
 * The test account's network and compute (regions ap-south-1 and ap-south-2;
 * me-central-1 exists but is not opted in). ap-south-1 has a vendor prefix
 * list open to everything on SSH and encrypted storage; ap-south-2 has neither. One unattached network
 * interface per region; ap-south-1 has a transit gateway with the VPC attached; no other gateways or peering.
 */
const fake: ServiceFake = (scope, account) => {
  if (scope === 'global') {
    return {
      'ec2:DescribeRegions': {
        Regions: [
          { RegionName: 'ap-south-1', Endpoint: 'ec2.ap-south-1.amazonaws.com', OptInStatus: 'opt-in-not-required' },
          { RegionName: 'ap-south-2', Endpoint: 'ec2.ap-south-2.amazonaws.com', OptInStatus: 'opted-in' },
          { RegionName: 'me-central-1', Endpoint: 'ec2.me-central-1.amazonaws.com', OptInStatus: 'not-opted-in' },
        ],
      },
    };
  }
  const primary = scope === 'ap-south-1';
  const x = primary ? 'a' : 'b';
  const vpc = `vpc-0${x}00000000000001`;
  return {
    'ec2:DescribeVpcs': { Vpcs: [{ VpcId: vpc, CidrBlock: '10.20.0.0/16', IsDefault: false, OwnerId: account, State: 'available' }] },
    'ec2:DescribeSubnets': {
      Subnets: [{ SubnetId: `subnet-0${x}1`, VpcId: vpc, CidrBlock: '10.20.1.0/24', AvailabilityZone: `${scope}a`, MapPublicIpOnLaunch: false }],
    },
    // Every VPC has a main route table (AWS creates it with the VPC); here it holds only the local route.
    'ec2:DescribeRouteTables': {
      RouteTables: [
        {
          RouteTableId: `rtb-0${x}main`,
          VpcId: vpc,
          OwnerId: account,
          Associations: [{ Main: true, RouteTableAssociationId: `rtbassoc-0${x}main`, RouteTableId: `rtb-0${x}main`, AssociationState: { State: 'associated' } }],
          Routes: [{ DestinationCidrBlock: '10.20.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' }],
          PropagatingVgws: [],
        },
      ],
    },
    'ec2:DescribeInternetGateways': { InternetGateways: [] },
    'ec2:DescribeSecurityGroups': {
      SecurityGroups: [
        {
          GroupId: `sg-0${x}web`,
          GroupName: 'web',
          VpcId: vpc,
          OwnerId: account,
          Description: 'web tier',
          IpPermissions: [
            { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] },
            ...(primary
              ? [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [], Ipv6Ranges: [], PrefixListIds: [{ PrefixListId: 'pl-0vendor' }], UserIdGroupPairs: [] }]
              : []),
          ],
          IpPermissionsEgress: [],
        },
      ],
    },
    'ec2:GetManagedPrefixListEntries': { Entries: [{ Cidr: '0.0.0.0/0', Description: 'vendor, temporarily everything' }] },
    'ec2:DescribeNetworkAcls': {
      NetworkAcls: [
        {
          NetworkAclId: `acl-0${x}1`,
          VpcId: vpc,
          IsDefault: true,
          OwnerId: account,
          Associations: [{ NetworkAclAssociationId: 'aclassoc-1', NetworkAclId: `acl-0${x}1`, SubnetId: `subnet-0${x}1` }],
          Entries: [
            { CidrBlock: '0.0.0.0/0', Egress: false, PortRange: { From: 22, To: 22 }, Protocol: '6', RuleAction: 'deny', RuleNumber: 50 },
            { CidrBlock: '0.0.0.0/0', Egress: false, PortRange: { From: 3389, To: 3389 }, Protocol: '6', RuleAction: 'deny', RuleNumber: 60 },
            { CidrBlock: '0.0.0.0/0', Egress: false, Protocol: '-1', RuleAction: 'allow', RuleNumber: 100 },
            { CidrBlock: '0.0.0.0/0', Egress: false, Protocol: '-1', RuleAction: 'deny', RuleNumber: 32767 },
          ],
        },
      ],
    },
    'ec2:DescribeFlowLogs': { FlowLogs: [{ FlowLogId: `fl-0${x}1`, ResourceId: vpc, TrafficType: 'ALL', FlowLogStatus: 'ACTIVE', LogDestinationType: 'cloud-watch-logs' }] },
    'ec2:DescribeInstances': { Reservations: [] },
    'ec2:DescribeVolumes': {
      Volumes: [{ VolumeId: `vol-0${x}1`, Encrypted: primary, Size: 100, State: 'in-use', AvailabilityZone: `${scope}a`, CreateTime: new Date('2025-03-01T00:00:00Z'), Attachments: [] }],
    },
    'ec2:GetEbsEncryptionByDefault': { EbsEncryptionByDefault: primary, SseType: 'sse-ebs' },
    'ec2:DescribeSnapshots': { Snapshots: [] },
    'ec2:DescribeImages': { Images: [{ ImageId: `ami-0${x}1`, Name: 'golden-base', Public: false, State: 'available', OwnerId: account }] },
    'ec2:DescribeNetworkInterfaces': {
      NetworkInterfaces: [
        {
          NetworkInterfaceId: `eni-0${x}1`,
          SubnetId: `subnet-0${x}1`,
          VpcId: vpc,
          AvailabilityZone: `${scope}a`,
          InterfaceType: 'interface',
          Status: 'available',
          OwnerId: account,
          RequesterManaged: false,
          SourceDestCheck: true,
          Groups: [{ GroupId: `sg-0${x}web`, GroupName: 'web' }],
          PrivateIpAddress: '10.20.1.10',
          PrivateIpAddresses: [{ PrivateIpAddress: '10.20.1.10', Primary: true }],
          Ipv6Addresses: [],
          TagSet: [],
        },
      ],
    },
    'ec2:DescribeNatGateways': { NatGateways: [] },
    'ec2:DescribeAddresses': { Addresses: [] },
    'ec2:DescribeEgressOnlyInternetGateways': { EgressOnlyInternetGateways: [] },
    'ec2:DescribeVpcPeeringConnections': { VpcPeeringConnections: [] },
    'ec2:DescribeTransitGateways': { TransitGateways: primary ? [{ TransitGatewayId: 'tgw-0a1', OwnerId: account, State: 'available' }] : [] },
    'ec2:DescribeTransitGatewayAttachments': {
      TransitGatewayAttachments: primary
        ? [
            {
              TransitGatewayAttachmentId: 'tgw-attach-0a1',
              TransitGatewayId: 'tgw-0a1',
              TransitGatewayOwnerId: account,
              ResourceOwnerId: account,
              ResourceType: 'vpc',
              ResourceId: vpc,
              State: 'available',
              Association: { TransitGatewayRouteTableId: 'tgw-rtb-0a1', State: 'associated' },
            },
          ]
        : [],
    },
    'ec2:DescribeTransitGatewayRouteTables': {
      TransitGatewayRouteTables: primary ? [{ TransitGatewayRouteTableId: 'tgw-rtb-0a1', TransitGatewayId: 'tgw-0a1', State: 'available', DefaultAssociationRouteTable: true }] : [],
    },
    'ec2:SearchTransitGatewayRoutes': {
      Routes: [
        {
          DestinationCidrBlock: '10.20.0.0/16',
          TransitGatewayAttachments: [{ ResourceId: vpc, TransitGatewayAttachmentId: 'tgw-attach-0a1', ResourceType: 'vpc' }],
          Type: 'propagated',
          State: 'active',
        },
      ],
      AdditionalRoutesAvailable: false,
    },
    'ec2:DescribeVpnConnections': { VpnConnections: [] },
    'ec2:DescribeVpnGateways': { VpnGateways: [] },
    'ec2:DescribeVpcEndpoints': { VpcEndpoints: [] },
    'ec2:DescribeManagedPrefixLists': {
      PrefixLists: primary ? [{ PrefixListId: 'pl-0vendor', PrefixListName: 'vendor-support', AddressFamily: 'IPv4', OwnerId: account, State: 'create-complete', MaxEntries: 10, Version: 1 }] : [],
    },
  };
};

export default fake;
