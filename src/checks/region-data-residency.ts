import type { JSONSchemaType } from 'ajv';
import type { Resource } from '../inventory/types.js';
import { GLOBAL_REGION } from '../snapshot/types.js';
import { defineCheck, fail, pass, refOf } from './define.js';
import type { Outcome } from './types.js';

interface Params {
  allowedRegions: string[];
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
  },
};

export default defineCheck<Params>({
  id: 'region-data-residency',
  title: 'Resources that hold or process data stay in the allowed regions',
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
    'secretsmanager:ListSecrets',
    'elasticloadbalancing:DescribeLoadBalancers',
    'cloudtrail:DescribeTrails',
    'ec2:DescribeImages',
  ],
  rationale:
    'Data-localisation rules (the RBI direction on storage of payment system data, for one) require payment data to be stored only in approved jurisdictions; a volume, bucket, database, key, secret, trail or image in another region is data, or the means to read it, outside them.',
  remediation:
    'Move the resource into an allowed region and delete the original (copy EBS snapshots, AMIs and RDS snapshots with copy-snapshot / copy-image / copy-db-snapshot --source-region, replicate S3 objects with S3 Replication or aws s3 sync into a bucket created in an allowed region, replicate secrets and multi-Region KMS keys there), then stop further drift with an SCP that denies actions when aws:RequestedRegion is outside the allowed regions.',
  schema,
  defaults: { allowedRegions: ['ap-south-1', 'ap-south-2'] },
  paramDocs: { allowedRegions: 'AWS regions where data may be stored or processed (e.g. ap-south-1)' },
  evaluate(inv, params) {
    const allowedRegions = [...params.allowedRegions].sort();
    const allowed = new Set(allowedRegions);
    const listed = allowedRegions.join(', ');
    const collections: readonly (readonly Resource[])[] = [
      inv.volumes,
      inv.instances,
      inv.kmsKeys,
      inv.s3Buckets,
      inv.dbInstances,
      inv.dbClusters,
      inv.secrets,
      inv.loadBalancers,
      inv.trails, // a trail's region is its home region
      inv.images,
    ];
    const out: Outcome[] = [];
    for (const list of collections) {
      for (const r of list) {
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
        const evidence = { region: r.region, allowedRegions };
        out.push(
          allowed.has(r.region)
            ? pass(r, `${r.id} is in ${r.region}, one of the allowed regions ${listed}`, evidence)
            : fail(r, `${r.id} is in ${r.region}, outside the allowed regions ${listed}`, evidence),
        );
      }
    }
    return out;
  },
});
