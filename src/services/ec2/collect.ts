/** How EC2's operations are sent (loaded only for a live collection: it imports the AWS SDK). */
import {
  DescribeFlowLogsCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeInternetGatewaysCommand,
  DescribeNetworkAclsCommand,
  DescribeRegionsCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotsCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  DescribeVpcsCommand,
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
  GetManagedPrefixListEntriesCommand,
  paginateDescribeFlowLogs,
  paginateDescribeImages,
  paginateDescribeInstances,
  paginateDescribeInternetGateways,
  paginateDescribeNetworkAcls,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroups,
  paginateDescribeSnapshots,
  paginateDescribeSubnets,
  paginateDescribeVolumes,
  paginateDescribeVpcs,
  paginateGetManagedPrefixListEntries,
  DescribeAddressesCommand,
  DescribeEgressOnlyInternetGatewaysCommand,
  DescribeManagedPrefixListsCommand,
  DescribeNatGatewaysCommand,
  DescribeNetworkInterfacesCommand,
  DescribeTransitGatewayAttachmentsCommand,
  DescribeTransitGatewayRouteTablesCommand,
  DescribeTransitGatewaysCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcPeeringConnectionsCommand,
  DescribeVpnConnectionsCommand,
  DescribeVpnGatewaysCommand,
  SearchTransitGatewayRoutesCommand,
  paginateDescribeEgressOnlyInternetGateways,
  paginateDescribeManagedPrefixLists,
  paginateDescribeNatGateways,
  paginateDescribeNetworkInterfaces,
  paginateDescribeTransitGatewayAttachments,
  paginateDescribeTransitGatewayRouteTables,
  paginateDescribeTransitGateways,
  paginateDescribeVpcEndpoints,
  paginateDescribeVpcPeeringConnections,
  paginateSearchTransitGatewayRoutes,
  type DescribeManagedPrefixListsCommandOutput,
  type DescribeTransitGatewayRouteTablesCommandOutput,
} from '@aws-sdk/client-ec2';
import type { ServiceCollector } from '../define.js';

const c = { client: EC2Client } as const;

/** Every prefix list of the region: security-group rules and routes name customer-managed, shared and AWS-managed ones alike. */
export function listedPrefixLists(feed: unknown): string[] {
  const ids = new Set<string>();
  for (const p of (feed as DescribeManagedPrefixListsCommandOutput | undefined)?.PrefixLists ?? []) if (p.PrefixListId) ids.add(p.PrefixListId);
  return [...ids].sort();
}

const collector: ServiceCollector = {
  bindings: {
    'ec2:DescribeRegions': { ...c, command: DescribeRegionsCommand, input: { AllRegions: true } },
    'ec2:DescribeVpcs': { ...c, command: DescribeVpcsCommand, paginator: paginateDescribeVpcs, pageSize: 1000 },
    'ec2:DescribeSubnets': { ...c, command: DescribeSubnetsCommand, paginator: paginateDescribeSubnets, pageSize: 1000 },
    'ec2:DescribeRouteTables': { ...c, command: DescribeRouteTablesCommand, paginator: paginateDescribeRouteTables, pageSize: 100 },
    'ec2:DescribeInternetGateways': { ...c, command: DescribeInternetGatewaysCommand, paginator: paginateDescribeInternetGateways, pageSize: 1000 },
    'ec2:DescribeSecurityGroups': { ...c, command: DescribeSecurityGroupsCommand, paginator: paginateDescribeSecurityGroups, pageSize: 1000 },
    'ec2:GetManagedPrefixListEntries': {
      ...c,
      command: GetManagedPrefixListEntriesCommand,
      paginator: paginateGetManagedPrefixListEntries,
      pageSize: 100,
      ids: listedPrefixLists,
      input: (id) => ({ PrefixListId: id }),
    },
    'ec2:DescribeNetworkAcls': { ...c, command: DescribeNetworkAclsCommand, paginator: paginateDescribeNetworkAcls, pageSize: 1000 },
    'ec2:DescribeFlowLogs': { ...c, command: DescribeFlowLogsCommand, paginator: paginateDescribeFlowLogs, pageSize: 1000 },
    'ec2:DescribeInstances': { ...c, command: DescribeInstancesCommand, paginator: paginateDescribeInstances, pageSize: 1000 },
    'ec2:DescribeVolumes': { ...c, command: DescribeVolumesCommand, paginator: paginateDescribeVolumes, pageSize: 1000 },
    'ec2:GetEbsEncryptionByDefault': { ...c, command: GetEbsEncryptionByDefaultCommand },
    'ec2:DescribeSnapshots': {
      ...c,
      command: DescribeSnapshotsCommand,
      paginator: paginateDescribeSnapshots,
      pageSize: 1000,
      input: { OwnerIds: ['self'], RestorableByUserIds: ['all'] },
    },
    'ec2:DescribeImages': { ...c, command: DescribeImagesCommand, paginator: paginateDescribeImages, pageSize: 1000, input: { Owners: ['self'] } },
    'ec2:DescribeNetworkInterfaces': { ...c, command: DescribeNetworkInterfacesCommand, paginator: paginateDescribeNetworkInterfaces, pageSize: 1000 },
    'ec2:DescribeNatGateways': { ...c, command: DescribeNatGatewaysCommand, paginator: paginateDescribeNatGateways, pageSize: 1000 },
    // DescribeAddresses is not paginated.
    'ec2:DescribeAddresses': { ...c, command: DescribeAddressesCommand },
    'ec2:DescribeEgressOnlyInternetGateways': { ...c, command: DescribeEgressOnlyInternetGatewaysCommand, paginator: paginateDescribeEgressOnlyInternetGateways, pageSize: 255 },
    'ec2:DescribeVpcPeeringConnections': { ...c, command: DescribeVpcPeeringConnectionsCommand, paginator: paginateDescribeVpcPeeringConnections, pageSize: 1000 },
    'ec2:DescribeTransitGateways': { ...c, command: DescribeTransitGatewaysCommand, paginator: paginateDescribeTransitGateways, pageSize: 1000 },
    'ec2:DescribeTransitGatewayAttachments': { ...c, command: DescribeTransitGatewayAttachmentsCommand, paginator: paginateDescribeTransitGatewayAttachments, pageSize: 1000 },
    'ec2:DescribeTransitGatewayRouteTables': { ...c, command: DescribeTransitGatewayRouteTablesCommand, paginator: paginateDescribeTransitGatewayRouteTables, pageSize: 1000 },
    'ec2:SearchTransitGatewayRoutes': {
      ...c,
      command: SearchTransitGatewayRoutesCommand,
      paginator: paginateSearchTransitGatewayRoutes,
      pageSize: 1000,
      ids: (feed) =>
        ((feed as DescribeTransitGatewayRouteTablesCommandOutput | undefined)?.TransitGatewayRouteTables ?? []).flatMap((t) =>
          t.TransitGatewayRouteTableId ? [t.TransitGatewayRouteTableId] : [],
        ),
      input: (id) => ({ TransitGatewayRouteTableId: id, Filters: [{ Name: 'state', Values: ['active', 'blackhole'] }] }),
    },
    // Neither is paginated.
    'ec2:DescribeVpnConnections': { ...c, command: DescribeVpnConnectionsCommand },
    'ec2:DescribeVpnGateways': { ...c, command: DescribeVpnGatewaysCommand },
    'ec2:DescribeVpcEndpoints': { ...c, command: DescribeVpcEndpointsCommand, paginator: paginateDescribeVpcEndpoints, pageSize: 1000 },
    'ec2:DescribeManagedPrefixLists': { ...c, command: DescribeManagedPrefixListsCommand, paginator: paginateDescribeManagedPrefixLists, pageSize: 100 },
  },
};

export default collector;
