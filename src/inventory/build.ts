import type { Snapshot } from '../snapshot/types.js';
import { buildAccessAnalyzer } from './accessanalyzer.js';
import { buildApiStages } from './apigateway.js';
import { buildDistributions } from './cloudfront.js';
import { buildTrails } from './cloudtrail.js';
import { buildCloudWatch } from './cloudwatch.js';
import { buildConfig } from './config.js';
import { buildEc2 } from './ec2.js';
import { buildImages } from './ec2-images.js';
import { buildLoadBalancers } from './elb.js';
import { buildGuardDuty } from './guardduty.js';
import { buildIam } from './iam.js';
import { buildKms } from './kms.js';
import { buildRds } from './rds.js';
import { buildS3 } from './s3.js';
import { buildSecrets } from './secrets.js';
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
  const trails = buildTrails(src, regions);
  const iam = buildIam(src, partition, file);
  const s3 = buildS3(src, partition, trails, file);

  const inv: Omit<Inventory, 'byArn' | 'failures'> = {
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
    trails,
    guardDuty: [],
    config: [],
    iamUsers: iam.users,
    passwordPolicy: iam.passwordPolicy,
    iamRoles: iam.roles,
    iamGroups: iam.groups,
    accessAnalyzer: [],
    s3AccountPublicAccessBlock: s3.accountSetting,
    s3Buckets: s3.buckets,
    cloudWatch: [],
    snapshotPublicAccess: [],
    images: [],
    loadBalancers: [],
    apiStages: [],
    distributions: buildDistributions(src, partition),
    dbInstances: [],
    dbClusters: [],
    secrets: [],
  };
  if (iam.root) inv.root = iam.root;
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
    const images = buildImages(src, region, partition);
    inv.snapshotPublicAccess.push(images.snapshots);
    inv.images.push(...images.images);
    inv.kmsKeys.push(...buildKms(src, region, partition, file));
    inv.guardDuty.push(buildGuardDuty(src, region, partition));
    inv.config.push(buildConfig(src, region, partition));
    inv.accessAnalyzer.push(buildAccessAnalyzer(src, region, partition));
    inv.cloudWatch.push(buildCloudWatch(src, region));
    inv.loadBalancers.push(...buildLoadBalancers(src, region));
    const api = buildApiStages(src, region, partition);
    inv.apiStages.push(...api.stages);
    // A stage list that could not be read hides that API's stages: the region's stage results are undecidable.
    for (const f of api.failedApis) src.markFailed('apigateway:GetStages', region, f.error);
    const rds = buildRds(src, region);
    inv.dbInstances.push(...rds.instances);
    inv.dbClusters.push(...rds.clusters);
    inv.secrets.push(...buildSecrets(src, region));
  }

  const collections: Resource[][] = [
    inv.vpcs, inv.subnets, inv.routeTables, inv.internetGateways, inv.securityGroups, inv.networkAcls,
    inv.flowLogs, inv.instances, inv.volumes, inv.ebsEncryptionByDefault, inv.kmsKeys, inv.trails,
    inv.guardDuty, inv.config, inv.iamUsers, inv.iamRoles, inv.iamGroups, inv.accessAnalyzer, inv.s3Buckets,
    inv.snapshotPublicAccess, inv.images, inv.loadBalancers, inv.apiStages, inv.distributions, inv.dbInstances,
    inv.dbClusters, inv.secrets,
  ];
  const byArn = new Map<string, Resource>();
  for (const list of collections) {
    byArnOrder(list);
    for (const r of list) byArn.set(r.arn, r);
  }
  for (const single of [inv.root, inv.passwordPolicy, inv.s3AccountPublicAccessBlock]) if (single) byArn.set(single.arn, single);
  return { ...inv, byArn, failures: src.failures };
}
