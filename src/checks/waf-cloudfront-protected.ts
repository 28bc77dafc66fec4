import type { JSONSchemaType } from 'ajv';
import type { Distribution } from '../inventory/types.js';
import { defineCheck, fail, notApplicable, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

function label(d: Distribution): string {
  return d.domainName !== undefined ? `${d.id} (${d.domainName})` : d.id;
}

export default defineCheck<Params>({
  id: 'waf-cloudfront-protected',
  title: 'Enabled CloudFront distributions are protected by an AWS WAF web ACL',
  severity: 'high',
  resourceType: 'AWS::CloudFront::Distribution',
  requires: ['cloudfront:ListDistributions'],
  rationale:
    'A distribution without a web ACL passes injection, bot and layer-7 flood traffic to its origins; filtering at the ' +
    'edge stops it before it reaches the application (PCI DSS 6.4.2).',
  remediation:
    'Attach a global (CLOUDFRONT scope, us-east-1) web ACL: CloudFront console > Distributions > the distribution > ' +
    'General > Settings > Edit > AWS WAF web ACL (or "Security - Web Application Firewall" > Enable protections), or ' +
    'set WebACLId in the distribution config with `aws cloudfront update-distribution --id <id> --if-match <etag> ' +
    '--distribution-config file://config.json`.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.distributions.map((d) => {
      if (!d.enabled) return notApplicable(d, `CloudFront distribution ${label(d)} is disabled.`, { enabled: false });
      if (d.webAclId !== null) return pass(d, `CloudFront distribution ${label(d)} is protected by web ACL ${d.webAclId}.`, { webAclId: d.webAclId });
      return fail(d, `CloudFront distribution ${label(d)} has no web ACL.`, { webAclId: null });
    });
  },
});
