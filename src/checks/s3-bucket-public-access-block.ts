import type { JSONSchemaType } from 'ajv';
import type { CallError, Observed, PublicAccessBlockSettings } from '../inventory/types.js';
import { defineCheck, describeFailure, error, fail, pass } from './define.js';
import type { Evidence } from './types.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

const SETTINGS = ['blockPublicAcls', 'blockPublicPolicy', 'ignorePublicAcls', 'restrictPublicBuckets'] as const;

/** The settings that are off, sorted; all four when none is configured. */
function settingsOff(s: PublicAccessBlockSettings | null): string[] {
  return SETTINGS.filter((k) => s === null || !s[k]);
}

/** true: all four on; false: some off (or not configured); undefined: unreadable. */
function blocksAll(o: Observed<PublicAccessBlockSettings | null>): boolean | undefined {
  return o.ok ? settingsOff(o.value).length === 0 : undefined;
}

const copy = (s: PublicAccessBlockSettings | null): PublicAccessBlockSettings | null => (s === null ? null : { ...s });

export default defineCheck<Params>({
  id: 's3-bucket-public-access-block',
  title: 'S3 buckets block all public access, at bucket or account level',
  severity: 'medium',
  resourceType: 'AWS::S3::Bucket',
  requires: ['s3:ListBuckets', 's3:GetPublicAccessBlock', 's3control:GetPublicAccessBlock'],
  rationale:
    'With all four Block Public Access settings on, neither a bucket policy nor an ACL can expose the bucket to the internet; without them one permissive statement or grant is enough to leak its objects.',
  remediation:
    'Turn on all four settings for the whole account (S3 console > Block Public Access settings for this account, or aws s3control put-public-access-block) or for the bucket (bucket > Permissions > Block public access > Edit, or aws s3api put-public-access-block --bucket <bucket> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true).',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    const account = inv.s3AccountPublicAccessBlock.settings;
    const accountBlocks = blocksAll(account);
    return inv.s3Buckets.map((b) => {
      const bucketBlocks = blocksAll(b.publicAccessBlock);
      if (bucketBlocks === true || accountBlocks === true) {
        const evidence: Evidence = {
          blockedAt: [...(accountBlocks === true ? ['account'] : []), ...(bucketBlocks === true ? ['bucket'] : [])],
        };
        if (b.publicAccessBlock.ok) evidence['bucketSettings'] = copy(b.publicAccessBlock.value);
        if (account.ok) evidence['accountSettings'] = copy(account.value);
        const where = bucketBlocks === true ? 'its own settings' : 'the account setting';
        return pass(b, `S3 bucket ${b.id} blocks all public access through ${where}.`, evidence);
      }
      if (!b.publicAccessBlock.ok || !account.ok) {
        // Neither level is known to block everything, and one could not be read: undecidable.
        const causes: CallError[] = [];
        if (!b.publicAccessBlock.ok) causes.push(b.publicAccessBlock.error);
        if (!account.ok) causes.push(account.error);
        return { ...error(b, causes[0]!), evidence: { failedCalls: causes.map(describeFailure) } };
      }
      const bucketSettings = b.publicAccessBlock.value;
      const accountSettings = account.value;
      return fail(b, `S3 bucket ${b.id} is not covered by all four Block Public Access settings at bucket or account level.`, {
        bucketSettings: copy(bucketSettings),
        bucketSettingsOff: settingsOff(bucketSettings),
        accountSettings: copy(accountSettings),
        accountSettingsOff: settingsOff(accountSettings),
      });
    });
  },
});
