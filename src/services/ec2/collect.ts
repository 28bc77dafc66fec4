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
  type DescribeSecurityGroupsCommandOutput,
} from '@aws-sdk/client-ec2';
import type { ServiceCollector } from '../define.js';

const c = { client: EC2Client } as const;

/** The prefix lists that security-group rules reference: their entries decide "from anywhere". */
export function referencedPrefixLists(feed: unknown): string[] {
  const ids = new Set<string>();
  for (const g of (feed as DescribeSecurityGroupsCommandOutput | undefined)?.SecurityGroups ?? []) {
    for (const p of [...(g.IpPermissions ?? []), ...(g.IpPermissionsEgress ?? [])]) {
      for (const pl of p.PrefixListIds ?? []) if (pl.PrefixListId) ids.add(pl.PrefixListId);
    }
  }
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
      ids: referencedPrefixLists,
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
  },
};

export default collector;
