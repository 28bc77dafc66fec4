import {
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
  paginateDescribeFlowLogs,
  paginateDescribeImages,
  paginateDescribeSnapshots,
  paginateDescribeInstances,
  paginateDescribeInternetGateways,
  paginateDescribeNetworkAcls,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  paginateDescribeVolumes,
  paginateDescribeVpcs,
  paginateGetManagedPrefixListEntries,
  type SecurityGroup,
} from '@aws-sdk/client-ec2';
import type { ClientConfig } from './clients.js';
import { allPages } from './paginate.js';
import type { Recorder } from './recorder.js';

/** Network, compute and storage inventory of one region. */
export async function collectEc2(rec: Recorder, region: string, config: ClientConfig): Promise<void> {
  const client = new EC2Client(config);
  const pc = { client, pageSize: 1000 };
  const listed = [
    ['ec2:DescribeVpcs', () => allPages(paginateDescribeVpcs(pc, {}))],
    ['ec2:DescribeSubnets', () => allPages(paginateDescribeSubnets(pc, {}))],
    ['ec2:DescribeRouteTables', () => allPages(paginateDescribeRouteTables({ client, pageSize: 100 }, {}))],
    ['ec2:DescribeInternetGateways', () => allPages(paginateDescribeInternetGateways(pc, {}))],
    ['ec2:DescribeNetworkAcls', () => allPages(paginateDescribeNetworkAcls(pc, {}))],
    ['ec2:DescribeFlowLogs', () => allPages(paginateDescribeFlowLogs(pc, {}))],
    ['ec2:DescribeInstances', () => allPages(paginateDescribeInstances(pc, {}))],
    ['ec2:DescribeVolumes', () => allPages(paginateDescribeVolumes(pc, {}))],
    ['ec2:GetEbsEncryptionByDefault', () => client.send(new GetEbsEncryptionByDefaultCommand({}))],
    // Only own snapshots that anyone may restore: the public ones, in one listing instead of per-snapshot attribute calls.
    ['ec2:DescribeSnapshots', () => allPages(paginateDescribeSnapshots(pc, { OwnerIds: ['self'], RestorableByUserIds: ['all'] }))],
    ['ec2:DescribeImages', () => allPages(paginateDescribeImages(pc, { Owners: ['self'] }))],
  ] as const;
  const groups = rec.call(region, 'ec2:DescribeSecurityGroups', () => allPages(paginateDescribeSecurityGroups(pc, {})));
  await Promise.all([
    ...listed.map(async ([key, send]) => {
      const response = await rec.call(region, key, send);
      if (response) rec.put(region, key, response);
    }),
    (async () => {
      const response = await groups;
      if (!response) return;
      rec.put(region, 'ec2:DescribeSecurityGroups', response);
      // Only the prefix lists that rules reference: their entries decide "from anywhere".
      await Promise.all(
        referencedPrefixLists(response.SecurityGroups ?? []).map(async (id) => {
          const entries = await rec.call(
            region,
            'ec2:GetManagedPrefixListEntries',
            () => allPages(paginateGetManagedPrefixListEntries({ client, pageSize: 100 }, { PrefixListId: id })),
            id,
          );
          if (entries) rec.putResource(region, 'ec2:GetManagedPrefixListEntries', id, entries);
        }),
      );
    })(),
  ]);
  client.destroy();
}

export function referencedPrefixLists(groups: SecurityGroup[]): string[] {
  const ids = new Set<string>();
  for (const g of groups) {
    for (const p of [...(g.IpPermissions ?? []), ...(g.IpPermissionsEgress ?? [])]) {
      for (const pl of p.PrefixListIds ?? []) if (pl.PrefixListId) ids.add(pl.PrefixListId);
    }
  }
  return [...ids].sort();
}
