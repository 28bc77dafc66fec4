import type { JSONSchemaType } from 'ajv';
import { deniesInsecureTransport } from '../inventory/policy.js';
import type { CallError, Inventory } from '../inventory/types.js';
import { listingFailures } from '../inventory/failures.js';
import { defineCheck, describeFailure, error, fail, notApplicable, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

/**
 * DescribeTrails failures in scanned regions, sorted by region: a trail homed
 * there could deliver to any bucket, so "receives no trail's logs" is unproven.
 */
function trailListingFailures(inv: Inventory): CallError[] {
  return listingFailures(inv, 'cloudtrail:DescribeTrails');
}

export default defineCheck<Params>({
  id: 's3-log-bucket-tls-only',
  title: 'S3 buckets that receive CloudTrail logs refuse requests without TLS',
  severity: 'medium',
  resourceType: 'AWS::S3::Bucket',
  requires: ['s3:ListBuckets', 's3:GetBucketPolicy', 'cloudtrail:DescribeTrails'],
  rationale:
    'Audit logs read or written over plain HTTP can be observed or tampered with in transit; a bucket policy that denies aws:SecureTransport false forces TLS for every client.',
  remediation:
    'Add to the bucket policy (bucket > Permissions > Bucket policy, or aws s3api put-bucket-policy) a statement {"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::<bucket>","arn:aws:s3:::<bucket>/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}, keeping the CloudTrail write statements.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    const listingFailures = trailListingFailures(inv);
    return inv.s3Buckets.map((b) => {
      const logSourceTrails = [...b.logSourceTrails];
      if (logSourceTrails.length === 0) {
        const [first] = listingFailures;
        if (first !== undefined) {
          return { ...error(b, first), evidence: { failedCalls: listingFailures.map(describeFailure), logSourceTrails } };
        }
        return notApplicable(b, `S3 bucket ${b.id} receives no CloudTrail trail's logs.`, { logSourceTrails });
      }
      if (!b.policy.ok) return error(b, b.policy.error);
      const policy = b.policy.value;
      const denies = policy !== null && deniesInsecureTransport(policy);
      const evidence = { logSourceTrails, hasPolicy: policy !== null, deniesInsecureTransport: denies };
      if (denies) return pass(b, `CloudTrail log bucket ${b.id} denies requests made without TLS.`, evidence);
      const why = policy === null ? 'has no bucket policy' : 'has no policy statement denying aws:SecureTransport false';
      return fail(b, `CloudTrail log bucket ${b.id} ${why}, so it accepts requests without TLS.`, evidence);
    });
  },
});
