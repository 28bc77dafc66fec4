import type { Snapshot } from '../snapshot/types.js';
import { buildTrails } from './cloudtrail.js';
import { buildConfig } from './config.js';
import { buildEc2 } from './ec2.js';
import { buildGuardDuty } from './guardduty.js';
import { buildIam } from './iam.js';
import { buildKms } from './kms.js';
import { CallSource } from './source.js';
import type { Inventory, Resource } from './types.js';

const byArnOrder = <T extends Resource>(list: T[]): T[] => list.sort((a, b) => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0));

/**
 * Turn a validated snapshot into the typed inventory, once. `file` names the
 * snapshot in errors about content the schema cannot express.
 */
export function buildInventory(snapshot: Snapshot, file = '<snapshot>'): Inventory {
  const src = new CallSource(snapshot);
  const { partition, accountId, collectedAt } = snapshot.metadata;
  const regions = [...snapshot.metadata.regions].sort();

  const inv: Omit<Inventory, 'byArn' | 'failures'> & { passwordPolicy: Inventory['passwordPolicy'] } = {
    accountId,
    partition,
    regions,
    collectedAt,
    vpcs: [],
    subnets: [],
    routeTables: [],
    internetGateways: [],
    securityGroups: [],
    networkAcls: [],
    flowLogs: [],
    instances: [],
    volumes: [],
    ebsEncryptionByDefault: [],
    kmsKeys: [],
    trails: buildTrails(src, regions),
    guardDuty: [],
    config: [],
    iamUsers: [],
    passwordPolicy: undefined as unknown as Inventory['passwordPolicy'],
  };
  for (const region of regions) {
    const ec2 = buildEc2(src, region, partition);
    inv.vpcs.push(...ec2.vpcs);
    inv.subnets.push(...ec2.subnets);
    inv.routeTables.push(...ec2.routeTables);
    inv.internetGateways.push(...ec2.internetGateways);
    inv.securityGroups.push(...ec2.securityGroups);
    inv.networkAcls.push(...ec2.networkAcls);
    inv.flowLogs.push(...ec2.flowLogs);
    inv.instances.push(...ec2.instances);
    inv.volumes.push(...ec2.volumes);
    inv.ebsEncryptionByDefault.push(ec2.ebsEncryptionByDefault);
    inv.kmsKeys.push(...buildKms(src, region, partition));
    inv.guardDuty.push(buildGuardDuty(src, region, partition));
    inv.config.push(buildConfig(src, region, partition));
  }
  const iam = buildIam(src, partition, file);
  inv.iamUsers = iam.users;
  inv.passwordPolicy = iam.passwordPolicy;
  if (iam.root) inv.root = iam.root;

  const collections: Resource[][] = [
    inv.vpcs, inv.subnets, inv.routeTables, inv.internetGateways, inv.securityGroups, inv.networkAcls,
    inv.flowLogs, inv.instances, inv.volumes, inv.ebsEncryptionByDefault, inv.kmsKeys, inv.trails,
    inv.guardDuty, inv.config, inv.iamUsers,
  ];
  const byArn = new Map<string, Resource>();
  for (const list of collections) {
    byArnOrder(list);
    for (const r of list) byArn.set(r.arn, r);
  }
  if (inv.root) byArn.set(inv.root.arn, inv.root);
  byArn.set(inv.passwordPolicy.arn, inv.passwordPolicy);

  // Calls the adapters never asked for (e.g. DescribeTrails when no region was
  // scanned) still count as failed if the snapshot says so.
  return { ...inv, byArn, failures: src.failures };
}
