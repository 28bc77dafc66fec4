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
    'edge stops it before it reaches the application (PCI DSS 6.4.2). A WAF Classic web ACL counts as protection; its ' +
    'migration is judged by waf-classic-web-acl-migrated.',
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
      if (d.webAclId !== null) {
        // WAFv2 web ACLs are named by ARN; a WAF Classic one by its id (a GUID). Classic protects too, but is past end of support.
        if (/^arn:[^:]+:wafv2:/.test(d.webAclId)) {
          return pass(d, `CloudFront distribution ${label(d)} is protected by web ACL ${d.webAclId}.`, { webAclId: d.webAclId, webAclKind: 'wafv2' });
        }
        const classic = inv.classicWebAcls.find((a) => a.id === d.webAclId);
        return pass(d, `CloudFront distribution ${label(d)} is protected by AWS WAF Classic web ACL ${classic?.name ?? d.webAclId} (past end of support: see waf-classic-web-acl-migrated).`, {
          webAclId: d.webAclId,
          webAclKind: 'waf-classic',
          webAclName: classic?.name ?? null,
        });
      }
      return fail(d, `CloudFront distribution ${label(d)} has no web ACL.`, { webAclId: null });
    });
  },
});
