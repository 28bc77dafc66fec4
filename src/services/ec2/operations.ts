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
    needs: { DescribeRouteTablesResult: ['RouteTables'], RouteTable: ['RouteTableId', 'VpcId', 'Routes', 'Associations'], Tag: ['Key', 'Value'] },
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
    perResource: { from: 'ec2:DescribeSecurityGroups', id: 'a managed prefix list id that a security-group rule references' },
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
] as const satisfies readonly OperationSpec[];
