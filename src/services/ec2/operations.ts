/**
 * EC2 and VPC: the calls archscan makes, where their records are, and the
 * members the adapters need. (No SDK import here: scripts/gen-shapes.ts
 * reads this file to derive the response shapes from the SDK models.)
 */
import type { ArnContext, OperationSpec } from '../spec.js';

export const SDK = { ec2: '@aws-sdk/client-ec2' } as const;

const arn = (kind: string) => (id: string, at: ArnContext) => `arn:${at.partition}:ec2:${at.region}:${at.accountId}:${kind}/${id}`;

export const OPERATIONS = [
  {
    key: 'ec2:DescribeRegions',
    scope: 'global',
    plan: 'the regions of the partition and which the account has enabled (opted in, or not requiring opt-in)',
    request: 'AllRegions=true',
    needs: { Region: ['RegionName'] },
  },
  {
    key: 'ec2:DescribeVpcs',
    scope: 'regional',
    records: [{ path: 'Vpcs/*', type: 'AWS::EC2::VPC', id: 'VpcId', arnOf: arn('vpc') }],
    unset: { Vpc: ['Tags'] },
    needs: { DescribeVpcsResult: ['Vpcs'], Vpc: ['VpcId', 'CidrBlock'], Tag: ['Key', 'Value'] },
  },
  {
    key: 'ec2:DescribeSubnets',
    scope: 'regional',
    records: [{ path: 'Subnets/*', type: 'AWS::EC2::Subnet', id: 'SubnetId', arnOf: arn('subnet') }],
    unset: { Subnet: ['Tags'] },
    needs: { DescribeSubnetsResult: ['Subnets'], Subnet: ['SubnetId', 'VpcId', 'AvailabilityZone'], Tag: ['Key', 'Value'] },
  },
  {
    key: 'ec2:DescribeRouteTables',
    scope: 'regional',
    records: [{ path: 'RouteTables/*', type: 'AWS::EC2::RouteTable', id: 'RouteTableId', arnOf: arn('route-table') }],
    unset: { RouteTable: ['Tags'] },
    needs: { DescribeRouteTablesResult: ['RouteTables'], RouteTable: ['RouteTableId', 'VpcId', 'Routes', 'Associations'], RouteTableAssociation: ['Main'], Tag: ['Key', 'Value'] },
  },
  {
    key: 'ec2:DescribeInternetGateways',
    scope: 'regional',
    records: [{ path: 'InternetGateways/*', type: 'AWS::EC2::InternetGateway', id: 'InternetGatewayId', arnOf: arn('internet-gateway') }],
    unset: { InternetGateway: ['Tags'] },
    needs: { DescribeInternetGatewaysResult: ['InternetGateways'], InternetGateway: ['InternetGatewayId', 'Attachments'], InternetGatewayAttachment: ['VpcId'], Tag: ['Key', 'Value'] },
  },
  {
    key: 'ec2:DescribeSecurityGroups',
    scope: 'regional',
    records: [{ path: 'SecurityGroups/*', type: 'AWS::EC2::SecurityGroup', id: 'GroupId', arnOf: arn('security-group') }],
    unset: { SecurityGroup: ['Tags', 'VpcId'], IpPermission: ['FromPort', 'ToPort'] },
    needs: {
      DescribeSecurityGroupsResult: ['SecurityGroups'],
      SecurityGroup: ['GroupId', 'GroupName', 'IpPermissions', 'IpPermissionsEgress'],
      // EC2 lists every kind of peer of a permission, empty lists included.
      IpPermission: ['IpProtocol', 'IpRanges', 'Ipv6Ranges', 'PrefixListIds', 'UserIdGroupPairs'],
      Tag: ['Key', 'Value'],
      IpRange: ['CidrIp'],
      Ipv6Range: ['CidrIpv6'],
      PrefixListId: ['PrefixListId'],
    },
  },
  {
    key: 'ec2:GetManagedPrefixListEntries',
    scope: 'regional',
    // Every prefix list of the region (customer-managed, shared and AWS-managed): security-group rules and routes both name them.
    perResource: { from: 'ec2:DescribeManagedPrefixLists', id: 'a managed prefix list id of the region' },
    needs: { GetManagedPrefixListEntriesResult: ['Entries'], PrefixListEntry: ['Cidr'] },
  },
  {
    key: 'ec2:DescribeNetworkAcls',
    scope: 'regional',
    records: [{ path: 'NetworkAcls/*', type: 'AWS::EC2::NetworkAcl', id: 'NetworkAclId', arnOf: arn('network-acl') }],
    unset: { NetworkAcl: ['Tags'], NetworkAclEntry: ['PortRange'] },
    needs: {
      DescribeNetworkAclsResult: ['NetworkAcls'],
      NetworkAcl: ['NetworkAclId', 'VpcId', 'Entries', 'Associations'],
      NetworkAclAssociation: ['SubnetId'],
      Tag: ['Key', 'Value'],
      NetworkAclEntry: ['RuleNumber', 'Protocol', 'RuleAction', 'Egress'],
      PortRange: ['From', 'To'],
    },
  },
  {
    key: 'ec2:DescribeFlowLogs',
    scope: 'regional',
    records: [{ path: 'FlowLogs/*', type: 'AWS::EC2::FlowLog', id: 'FlowLogId', arnOf: arn('vpc-flow-log') }],
    unset: { FlowLog: ['Tags', 'DeliverLogsStatus', 'LogDestination', 'LogGroupName'] },
    needs: { DescribeFlowLogsResult: ['FlowLogs'], FlowLog: ['FlowLogId', 'ResourceId', 'TrafficType', 'FlowLogStatus', 'LogDestinationType'], Tag: ['Key', 'Value'] },
  },
  {
    key: 'ec2:DescribeInstances',
    scope: 'regional',
    records: [{ path: 'Reservations/*/Instances/*', type: 'AWS::EC2::Instance', id: 'InstanceId', arnOf: arn('instance') }],
    // A terminated instance has no subnet, VPC or public address; metadata options are absent only on very old ones.
    unset: { Instance: ['Tags', 'SubnetId', 'VpcId', 'PublicIpAddress'] },
    needs: { DescribeInstancesResult: ['Reservations'], Reservation: ['Instances'], Instance: ['InstanceId', 'State', 'SecurityGroups', 'MetadataOptions'], InstanceState: ['Name'], InstanceMetadataOptionsResponse: ['HttpTokens'], GroupIdentifier: ['GroupId'], Tag: ['Key', 'Value'] },
  },
  {
    key: 'ec2:DescribeVolumes',
    scope: 'regional',
    records: [{ path: 'Volumes/*', type: 'AWS::EC2::Volume', id: 'VolumeId', arnOf: arn('volume') }],
    unset: { Volume: ['Tags', 'KmsKeyId'] },
    needs: { DescribeVolumesResult: ['Volumes'], Volume: ['VolumeId', 'Encrypted', 'State', 'Size', 'AvailabilityZone', 'Attachments'], Tag: ['Key', 'Value'] },
  },
  {
    key: 'ec2:GetEbsEncryptionByDefault',
    scope: 'regional',
    needs: { GetEbsEncryptionByDefaultResult: ['EbsEncryptionByDefault'] },
  },
  {
    key: 'ec2:DescribeSnapshots',
    scope: 'regional',
    // Only own snapshots that anyone may restore: the public ones, in one listing.
    request: 'OwnerIds=[self], RestorableByUserIds=[all]',
    records: [{ path: 'Snapshots/*', type: 'AWS::EC2::Snapshot', id: 'SnapshotId', arnOf: arn('snapshot') }],
    needs: { DescribeSnapshotsResult: ['Snapshots'], Snapshot: ['SnapshotId'] },
  },
  {
    key: 'ec2:DescribeImages',
    scope: 'regional',
    request: 'Owners=[self]',
    records: [{ path: 'Images/*', type: 'AWS::EC2::Image', id: 'ImageId', arnOf: (id, at) => `arn:${at.partition}:ec2:${at.region}::image/${id}` }],
    unset: { Image: ['Tags', 'Name'] },
    needs: { DescribeImagesResult: ['Images'], Image: ['ImageId', 'Public', 'State'], Tag: ['Key', 'Value'] },
  },
  // --- The network the reachability engine reads (src/reach/): every ENI, gateways, peering, transit gateways, VPN, endpoints, prefix lists.
  {
    key: 'ec2:DescribeNetworkInterfaces',
    scope: 'regional',
    records: [{ path: 'NetworkInterfaces/*', type: 'AWS::EC2::NetworkInterface', id: 'NetworkInterfaceId', arnOf: arn('network-interface') }],
    // No public address: no Association; unattached or service-owned: no Attachment or InstanceId; prefixes only with prefix delegation.
    unset: {
      NetworkInterface: ['Association', 'Attachment', 'Description', 'RequesterId', 'TagSet', 'Ipv4Prefixes', 'Ipv6Prefixes', 'AvailabilityZone'],
      NetworkInterfaceAttachment: ['InstanceId', 'DeviceIndex'],
      NetworkInterfacePrivateIpAddress: ['Association'],
    },
    needs: {
      DescribeNetworkInterfacesResult: ['NetworkInterfaces'],
      NetworkInterface: ['NetworkInterfaceId', 'SubnetId', 'VpcId', 'InterfaceType', 'Status', 'Groups', 'PrivateIpAddress', 'PrivateIpAddresses', 'Ipv6Addresses'],
      NetworkInterfacePrivateIpAddress: ['PrivateIpAddress'],
      NetworkInterfaceAssociation: ['PublicIp'],
      NetworkInterfaceIpv6Address: ['Ipv6Address'],
      GroupIdentifier: ['GroupId'],
      Ipv4PrefixSpecification: ['Ipv4Prefix'],
      Ipv6PrefixSpecification: ['Ipv6Prefix'],
      Tag: ['Key', 'Value'],
    },
  },
  {
    key: 'ec2:DescribeNatGateways',
    scope: 'regional',
    records: [{ path: 'NatGateways/*', type: 'AWS::EC2::NatGateway', id: 'NatGatewayId', arnOf: arn('natgateway') }],
    unset: { NatGateway: ['Tags', 'NatGatewayAddresses', 'ConnectivityType'], NatGatewayAddress: ['PublicIp', 'NetworkInterfaceId', 'AllocationId'] },
    needs: { DescribeNatGatewaysResult: ['NatGateways'], NatGateway: ['NatGatewayId', 'VpcId', 'SubnetId', 'State'], Tag: ['Key', 'Value'] },
  },
  {
    key: 'ec2:DescribeAddresses',
    scope: 'regional',
    records: [{ path: 'Addresses/*', type: 'AWS::EC2::EIP', id: 'AllocationId', arnOf: arn('elastic-ip') }],
    // An address not associated with anything has no association, interface or instance.
    unset: { Address: ['Tags', 'AssociationId', 'NetworkInterfaceId', 'InstanceId', 'PrivateIpAddress'] },
    needs: { DescribeAddressesResult: ['Addresses'], Address: ['AllocationId', 'PublicIp'], Tag: ['Key', 'Value'] },
  },
  {
    key: 'ec2:DescribeEgressOnlyInternetGateways',
    scope: 'regional',
    records: [{ path: 'EgressOnlyInternetGateways/*', type: 'AWS::EC2::EgressOnlyInternetGateway', id: 'EgressOnlyInternetGatewayId', arnOf: arn('egress-only-internet-gateway') }],
    unset: { EgressOnlyInternetGateway: ['Tags'] },
    needs: { DescribeEgressOnlyInternetGatewaysResult: ['EgressOnlyInternetGateways'], EgressOnlyInternetGateway: ['EgressOnlyInternetGatewayId', 'Attachments'], InternetGatewayAttachment: ['VpcId'], Tag: ['Key', 'Value'] },
  },
  {
    key: 'ec2:DescribeVpcPeeringConnections',
    scope: 'regional',
    records: [{ path: 'VpcPeeringConnections/*', type: 'AWS::EC2::VPCPeeringConnection', id: 'VpcPeeringConnectionId', arnOf: arn('vpc-peering-connection') }],
    // A connection still pending acceptance (or rejected) knows no CIDR of the accepter.
    unset: { VpcPeeringConnection: ['Tags'], VpcPeeringConnectionVpcInfo: ['CidrBlock', 'CidrBlockSet', 'Ipv6CidrBlockSet'] },
    needs: {
      DescribeVpcPeeringConnectionsResult: ['VpcPeeringConnections'],
      VpcPeeringConnection: ['VpcPeeringConnectionId', 'AccepterVpcInfo', 'RequesterVpcInfo', 'Status'],
      VpcPeeringConnectionVpcInfo: ['VpcId', 'OwnerId', 'Region'],
      VpcPeeringConnectionStateReason: ['Code'],
      CidrBlock: ['CidrBlock'],
      Ipv6CidrBlock: ['Ipv6CidrBlock'],
      Tag: ['Key', 'Value'],
    },
  },
  {
    key: 'ec2:DescribeTransitGateways',
    scope: 'regional',
    // Shared with the account through RAM too: then OwnerId is another account.
    records: [{ path: 'TransitGateways/*', type: 'AWS::EC2::TransitGateway', id: 'TransitGatewayId', arnOf: arn('transit-gateway') }],
    unset: { TransitGateway: ['Tags', 'Description'] },
    needs: { DescribeTransitGatewaysResult: ['TransitGateways'], TransitGateway: ['TransitGatewayId', 'OwnerId', 'State'], Tag: ['Key', 'Value'] },
  },
  {
    key: 'ec2:DescribeTransitGatewayAttachments',
    scope: 'regional',
    records: [{ path: 'TransitGatewayAttachments/*', type: 'AWS::EC2::TransitGatewayAttachment', id: 'TransitGatewayAttachmentId', arnOf: arn('transit-gateway-attachment') }],
    // Not associated with a route table: no Association.
    unset: { TransitGatewayAttachment: ['Tags', 'Association', 'ResourceOwnerId'] },
    needs: {
      DescribeTransitGatewayAttachmentsResult: ['TransitGatewayAttachments'],
      TransitGatewayAttachment: ['TransitGatewayAttachmentId', 'TransitGatewayId', 'TransitGatewayOwnerId', 'ResourceType', 'ResourceId', 'State'],
      TransitGatewayAttachmentAssociation: ['TransitGatewayRouteTableId', 'State'],
      Tag: ['Key', 'Value'],
    },
  },
  {
    key: 'ec2:DescribeTransitGatewayRouteTables',
    scope: 'regional',
    // Only the route tables of transit gateways the account owns.
    records: [{ path: 'TransitGatewayRouteTables/*', type: 'AWS::EC2::TransitGatewayRouteTable', id: 'TransitGatewayRouteTableId', arnOf: arn('transit-gateway-route-table') }],
    unset: { TransitGatewayRouteTable: ['Tags'] },
    needs: { DescribeTransitGatewayRouteTablesResult: ['TransitGatewayRouteTables'], TransitGatewayRouteTable: ['TransitGatewayRouteTableId', 'TransitGatewayId', 'State'], Tag: ['Key', 'Value'] },
  },
  {
    key: 'ec2:SearchTransitGatewayRoutes',
    scope: 'regional',
    perResource: { from: 'ec2:DescribeTransitGatewayRouteTables', id: 'a transit gateway route table id' },
    request: 'Filters=[{Name=state, Values=[active, blackhole]}]',
    // A blackhole route has no attachment; a route is to a CIDR or to a prefix list.
    unset: { TransitGatewayRoute: ['TransitGatewayAttachments', 'DestinationCidrBlock', 'PrefixListId'], SearchTransitGatewayRoutesResult: ['AdditionalRoutesAvailable'] },
    needs: {
      SearchTransitGatewayRoutesResult: ['Routes'],
      TransitGatewayRoute: ['Type', 'State'],
      TransitGatewayRouteAttachment: ['TransitGatewayAttachmentId', 'ResourceType'],
    },
  },
  {
    key: 'ec2:DescribeVpnConnections',
    scope: 'regional',
    records: [{ path: 'VpnConnections/*', type: 'AWS::EC2::VPNConnection', id: 'VpnConnectionId', arnOf: arn('vpn-connection') }],
    // On a virtual private gateway or on a transit gateway; static routes only for static VPNs.
    unset: { VpnConnection: ['Tags', 'VpnGatewayId', 'TransitGatewayId', 'Routes', 'VgwTelemetry'] },
    needs: {
      DescribeVpnConnectionsResult: ['VpnConnections'],
      VpnConnection: ['VpnConnectionId', 'State', 'CustomerGatewayId', 'Type'],
      VpnStaticRoute: ['DestinationCidrBlock'],
      VgwTelemetry: ['Status'],
      Tag: ['Key', 'Value'],
    },
  },
  {
    key: 'ec2:DescribeVpnGateways',
    scope: 'regional',
    records: [{ path: 'VpnGateways/*', type: 'AWS::EC2::VPNGateway', id: 'VpnGatewayId', arnOf: arn('vpn-gateway') }],
    unset: { VpnGateway: ['Tags'] },
    needs: { DescribeVpnGatewaysResult: ['VpnGateways'], VpnGateway: ['VpnGatewayId', 'State', 'VpcAttachments'], VpcAttachment: ['VpcId', 'State'], Tag: ['Key', 'Value'] },
  },
  {
    key: 'ec2:DescribeVpcEndpoints',
    scope: 'regional',
    records: [{ path: 'VpcEndpoints/*', type: 'AWS::EC2::VPCEndpoint', id: 'VpcEndpointId', arnOf: arn('vpc-endpoint') }],
    // Gateway endpoints have route tables, interface endpoints subnets, interfaces and groups.
    unset: { VpcEndpoint: ['Tags', 'SubnetIds', 'NetworkInterfaceIds', 'RouteTableIds', 'Groups'] },
    needs: {
      DescribeVpcEndpointsResult: ['VpcEndpoints'],
      VpcEndpoint: ['VpcEndpointId', 'VpcEndpointType', 'VpcId', 'ServiceName', 'State'],
      SecurityGroupIdentifier: ['GroupId'],
      Tag: ['Key', 'Value'],
    },
  },
  {
    key: 'ec2:DescribeManagedPrefixLists',
    scope: 'regional',
    records: [{ path: 'PrefixLists/*', type: 'AWS::EC2::PrefixList', id: 'PrefixListId', arnOf: arn('prefix-list') }],
    unset: { ManagedPrefixList: ['Tags'] },
    needs: { DescribeManagedPrefixListsResult: ['PrefixLists'], ManagedPrefixList: ['PrefixListId', 'PrefixListName', 'AddressFamily', 'OwnerId'], Tag: ['Key', 'Value'] },
  },
] as const satisfies readonly OperationSpec[];
