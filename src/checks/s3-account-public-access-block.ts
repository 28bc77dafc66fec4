import type { JSONSchemaType } from 'ajv';
import type { PublicAccessBlockSettings } from '../inventory/types.js';
import { defineCheck, error, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

const SETTINGS = ['blockPublicAcls', 'blockPublicPolicy', 'ignorePublicAcls', 'restrictPublicBuckets'] as const;

/** The settings that are off, sorted; all four when Block Public Access was never configured. */
function settingsOff(s: PublicAccessBlockSettings | null): string[] {
  return SETTINGS.filter((k) => s === null || !s[k]);
}

export default defineCheck<Params>({
  id: 's3-account-public-access-block',
  title: 'S3 Block Public Access is on for the whole account',
  severity: 'high',
  resourceType: 'AWS::S3::AccountPublicAccessBlock',
  requires: ['s3control:GetPublicAccessBlock'],
  rationale:
    'The account-level setting overrides every bucket policy and ACL, so no bucket (existing or future) can be made public by mistake; without it one permissive policy or ACL exposes data to the internet.',
  remediation:
    'S3 console > Block Public Access settings for this account > Edit > tick all four settings > Save, or aws s3control put-public-access-block --account-id <account> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true. Check first that no bucket must stay public (serve public content through CloudFront with origin access control instead).',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    const resource = inv.s3AccountPublicAccessBlock;
    if (!resource.settings.ok) return [error(resource, resource.settings.error)];
    const settings = resource.settings.value;
    const off = settingsOff(settings);
    if (settings === null) {
      return [fail(resource, `Account ${inv.accountId} has no S3 Block Public Access configuration.`, { settings: null, settingsOff: off })];
    }
    if (off.length === 0) {
      return [pass(resource, `Account ${inv.accountId} has all four S3 Block Public Access settings on.`, { settings: { ...settings } })];
    }
    return [
      fail(resource, `Account ${inv.accountId} has S3 Block Public Access setting ${off.join(', ')} off.`, {
        settings: { ...settings },
        settingsOff: off,
      }),
    ];
  },
});
