import type { JSONSchemaType } from 'ajv';
import type { CallError, Inventory, Observed, Resource } from '../inventory/types.js';
import { GLOBAL_REGION } from '../snapshot/types.js';
import { defineCheck, error, fail, pass, refOf } from './define.js';
import type { Outcome, ResourceRef } from './types.js';

interface Params {
  allowedRegions: string[];
  resourceTypes: string[];
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['allowedRegions'],
  properties: {
    allowedRegions: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'string', pattern: '^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\\d+$' },
    },
    resourceTypes: { type: 'array', uniqueItems: true, items: { type: 'string', pattern: '^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$' } },
  },
};

/** `arn:aws:backup:us-east-1:...` -> `us-east-1` (undefined for an ARN without a region). */
const arnRegion = (arn: string): string | undefined => arn.split(':')[3] || undefined;

/** Where a resource copies or replicates its data (DynamoDB replicas, Backup copy rules, DLM cross-region copies), or why that is unknown. */
function copyRegions(r: Resource, inv: Inventory): Observed<string[]> {
  const ok = (value: string[]): Observed<string[]> => ({ ok: true, value });
  const failed = (error: CallError): Observed<string[]> => ({ ok: false, error });
  if (r.type === 'AWS::DynamoDB::Table') {
    const t = inv.dynamodbTables.find((x) => x.arn === r.arn);
    if (t === undefined) return ok([]);
    return t.details.ok ? ok(t.details.value.replicaRegions) : failed(t.details.error);
  }
  if (r.type === 'AWS::Backup::BackupPlan') {
    const p = inv.backupPlans.find((x) => x.arn === r.arn);
    if (p === undefined) return ok([]);
    return p.rules.ok ? ok(p.rules.value.flatMap((rule) => rule.copyDestinations.map((d) => arnRegion(d) ?? d))) : failed(p.rules.error);
  }
  if (r.type === 'AWS::DLM::LifecyclePolicy') {
    const p = inv.dlmPolicies.find((x) => x.arn === r.arn);
    if (p === undefined) return ok([]);
    return p.details.ok ? ok(p.details.value.copyRegions) : failed(p.details.error);
  }
  return ok([]);
}

/** The account's enabled regions as one result: pass when every one was scanned, error naming those that were not, or when they are unknown. */
function coverage(inv: Inventory): Outcome | undefined {
  const ref: ResourceRef = { type: 'AWS::Region', arn: `arn:${inv.partition}:ec2::${inv.accountId}:enabled-regions`, id: 'enabled-regions', account: inv.accountId, region: GLOBAL_REGION };
  const listed = inv.accountRegions.listed;
  if (!listed.ok) return error(ref, listed.error);
  if (listed.value.length === 0) return undefined;
  const enabled = listed.value.filter((r) => r.enabled).map((r) => r.name).sort();
  const scanned = [...inv.regions].sort();
  const notScanned = enabled.filter((r) => !scanned.includes(r));
  const evidence = { enabledRegions: enabled, scannedRegions: scanned, notScanned };
  if (notScanned.length === 0) return pass(ref, `enabled-regions: every region enabled for account ${inv.accountId} was scanned (${enabled.join(', ')})`, evidence);
  return {
    status: 'error',
    resource: ref,
    message: `could not be decided: the account has enabled regions that were not scanned (${notScanned.join(', ')}); data there was not looked at`,
    evidence,
  };
}

export default defineCheck<Params>({
  id: 'region-data-residency',
  title: 'Resources that hold or process data stay in the allowed regions, and every enabled region was looked at',
  severity: 'high',
  // Results name each resource with its own type; this is the check's declared scope.
  resourceType: 'AWS::Region',
  requires: [
    'ec2:DescribeVolumes',
    'ec2:DescribeInstances',
    'kms:ListKeys',
    's3:ListBuckets',
    'rds:DescribeDBInstances',
    'rds:DescribeDBClusters',
    'rds:DescribeDBSnapshots',
    'rds:DescribeDBClusterSnapshots',
    'secretsmanager:ListSecrets',
    'elasticloadbalancing:DescribeLoadBalancers',
    'cloudtrail:DescribeTrails',
    'ec2:DescribeImages',
    'dynamodb:ListTables',
    'dynamodb:DescribeTable',
    'backup:ListBackupVaults',
    'backup:ListBackupPlans',
    'backup:GetBackupPlan',
    'dlm:GetLifecyclePolicies',
    'dlm:GetLifecyclePolicy',
    'logs:DescribeLogGroups',
    'efs:DescribeFileSystems',
    'elasticache:DescribeCacheClusters',
  ],
  rationale:
    'Data-localisation rules (the RBI direction on storage of payment system data, for one) require payment data to be stored only in approved jurisdictions; a volume, bucket, database or its snapshot, table or its replica, backup vault or a backup copy rule, log group, key, secret, trail or image in another region is data, or the means to read it, outside them. ' +
    'A pass means something only if the scan looked at every region the account has enabled: the account\'s enabled regions (ec2:DescribeRegions, kept in the snapshot) that were not scanned make one `error` result naming them, and a snapshot without that answer is unknown, never a pass.',
  remediation:
    'Move the resource into an allowed region and delete the original (copy EBS snapshots, AMIs and RDS snapshots with copy-snapshot / copy-image / copy-db-snapshot --source-region, replicate S3 objects with S3 Replication into a bucket created in an allowed region, remove DynamoDB replicas and Backup or DLM copy rules to other regions), then stop further drift with an SCP that denies actions when aws:RequestedRegion is outside the allowed regions. ' +
    'Scan every enabled region (archscan collect without --regions), or disable the opt-in regions the account does not use.',
  schema,
  defaults: { allowedRegions: ['ap-south-1', 'ap-south-2'], resourceTypes: [] },
  paramDocs: {
    allowedRegions: 'AWS regions where data may be stored or processed (e.g. ap-south-1)',
    resourceTypes: 'Resource types judged (e.g. AWS::Logs::LogGroup); empty (default): every type the check knows',
  },
  evaluate(inv, params) {
    const allowedRegions = [...params.allowedRegions].sort();
    const allowed = new Set(allowedRegions);
    const only = new Set(params.resourceTypes ?? []);
    const listed = allowedRegions.join(', ');
    const collections: readonly (readonly Resource[])[] = [
      inv.volumes,
      inv.instances,
      inv.kmsKeys,
      inv.s3Buckets,
      inv.dbInstances,
      inv.dbClusters,
      inv.dbSnapshots,
      inv.secrets,
      inv.loadBalancers,
      inv.trails, // a trail's region is its home region
      inv.images,
      inv.dynamodbTables,
      inv.backupVaults,
      inv.backupPlans,
      inv.dlmPolicies,
      inv.logGroups,
      inv.efsFileSystems,
      inv.cacheClusters,
    ];
    const out: Outcome[] = [];
    const cov = coverage(inv);
    if (cov) out.push(cov);
    for (const list of collections) {
      for (const r of list) {
        if (only.size > 0 && !only.has(r.type)) continue;
        if (r.region === GLOBAL_REGION) {
          // Only a bucket whose location could not be read lands here: unknown, never skipped silently.
          if (r.type === 'AWS::S3::Bucket') {
            out.push({
              status: 'error',
              resource: refOf(r),
              message: `could not determine the region of ${r.id}: s3:GetBucketLocation was not answered`,
              evidence: { region: null, allowedRegions, unreadCall: 's3:GetBucketLocation' },
            });
          }
          continue;
        }
        if (!allowed.has(r.region)) {
          out.push(fail(r, `${r.id} is in ${r.region}, outside the allowed regions ${listed}`, { region: r.region, allowedRegions }));
          continue;
        }
        const copies = copyRegions(r, inv);
        if (!copies.ok) {
          out.push(error(r, copies.error));
          continue;
        }
        const copiedTo = [...new Set(copies.value.filter((region) => !allowed.has(region)))].sort();
        if (copiedTo.length > 0) {
          out.push(fail(r, `${r.id} is in ${r.region} but copies its data to ${copiedTo.join(', ')}, outside the allowed regions ${listed}`, { region: r.region, allowedRegions, copiedTo }));
          continue;
        }
        out.push(pass(r, `${r.id} is in ${r.region}, one of the allowed regions ${listed}`, { region: r.region, allowedRegions }));
      }
    }
    return out;
  },
});
