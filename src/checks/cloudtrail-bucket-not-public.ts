import type { JSONSchemaType } from 'ajv';
import { publicAllowStatements } from '../inventory/policy.js';
import type { CallError, Inventory } from '../inventory/types.js';
import { listingFailures } from '../inventory/failures.js';
import { callName, defineCheck, describeFailure, error, fail, notApplicable, pass } from './define.js';
import type { Evidence } from './types.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

const sorted = (xs: string[]): string[] => [...xs].sort();

/**
 * DescribeTrails failures in scanned regions, sorted by region: a trail homed
 * there could deliver to any bucket, so "receives no trail's logs" is unproven.
 */
function trailListingFailures(inv: Inventory): CallError[] {
  return listingFailures(inv, 'cloudtrail:DescribeTrails');
}

export default defineCheck<Params>({
  id: 'cloudtrail-bucket-not-public',
  title: 'S3 buckets that receive CloudTrail logs are not public',
  severity: 'critical',
  resourceType: 'AWS::S3::Bucket',
  requires: ['s3:ListBuckets', 's3:GetBucketPolicyStatus', 's3:GetBucketPolicy', 's3:GetBucketAcl', 'cloudtrail:DescribeTrails'],
  rationale:
    'CloudTrail logs map the account: principals, resources, IP addresses and errors. A public log bucket hands that map to anyone, and a public write lets them forge or destroy the audit trail.',
  remediation:
    'Remove the bucket policy statements that allow Principal "*" without a restricting condition (keep the CloudTrail service statements scoped with aws:SourceArn), remove ACL grants to AllUsers and AuthenticatedUsers (aws s3api put-bucket-acl --bucket <bucket> --acl private, or set Object Ownership to bucket owner enforced), and turn on Block Public Access for the bucket.',
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

      // Statements open to everyone without a condition, as evidence (and as proof when S3's verdict is unreadable).
      const publicStatements =
        b.policy.ok && b.policy.value !== null
          ? publicAllowStatements(b.policy.value).map((s) => ({ actions: sorted(s.actions), resources: sorted(s.resources) }))
          : undefined;
      // S3's own verdict decides; unconditioned public statements prove it public when the verdict is unreadable.
      const policyPublic: boolean | undefined = b.policyIsPublic.ok
        ? b.policyIsPublic.value === true
        : publicStatements !== undefined && publicStatements.length > 0
          ? true
          : undefined;
      const aclGrants = b.publicAclGrants.ok ? sorted(b.publicAclGrants.value) : undefined;
      const aclPublic: boolean | undefined = aclGrants === undefined ? undefined : aclGrants.length > 0;

      const unreadable: CallError[] = [];
      if (!b.policyIsPublic.ok) unreadable.push(b.policyIsPublic.error);
      if (!b.publicAclGrants.ok) unreadable.push(b.publicAclGrants.error);

      if (policyPublic === true || aclPublic === true) {
        const evidence: Evidence = { logSourceTrails };
        if (b.policyIsPublic.ok) evidence['policyIsPublic'] = b.policyIsPublic.value;
        if (publicStatements !== undefined) evidence['publicPolicyStatements'] = publicStatements;
        if (aclGrants !== undefined) evidence['publicAclGrants'] = aclGrants;
        if (unreadable.length > 0) evidence['unreadable'] = unreadable.map(callName);
        const how = [...(policyPublic === true ? ['its bucket policy'] : []), ...(aclGrants !== undefined && aclGrants.length > 0 ? [`ACL grants ${aclGrants.join(', ')}`] : [])];
        return fail(b, `CloudTrail log bucket ${b.id} is public through ${how.join(' and ')}.`, evidence);
      }
      if (!b.policyIsPublic.ok || !b.publicAclGrants.ok) {
        // Nothing proves it public, and part of what could was unreadable: undecidable.
        return { ...error(b, unreadable[0]!), evidence: { failedCalls: unreadable.map(describeFailure) } };
      }
      return pass(b, `CloudTrail log bucket ${b.id} has no public bucket policy and no public ACL grant.`, {
        logSourceTrails,
        policyIsPublic: b.policyIsPublic.value,
        publicAclGrants: [],
      });
    });
  },
});
