import type { JSONSchemaType } from 'ajv';
import { defineCheck, error, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

const END_OF_SUPPORT = '2025-09-30';

export default defineCheck<Params>({
  id: 'waf-classic-web-acl-migrated',
  title: 'No AWS WAF Classic web ACL is left: web ACLs are on AWS WAF (v2)',
  severity: 'medium',
  resourceType: 'AWS::WAF::WebACL',
  requires: ['waf:ListWebACLs', 'waf:GetWebACL', 'waf:ListRules', 'cloudfront:ListDistributions'],
  rationale:
    `AWS WAF Classic support ended on 30 September 2025 (AWS WAF Developer Guide, "AWS WAF Classic"): its rules (the ` +
    'Generic-* OWASP template among them) no longer get fixes, it lacks the managed rule groups, labels and logging of ' +
    'AWS WAF, and AWS retires it region by region. A distribution still filtered by a Classic web ACL is protected by a ' +
    'firewall on its way out. Regional Classic web ACLs (ALB, API Gateway) are read through the WAF Regional API, which ' +
    'archscan does not read (README, "WAF Classic").',
  remediation:
    'Migrate the web ACL with the AWS WAF migration wizard (WAF & Shield console > Switch to AWS WAF Classic > Migrate web ' +
    'ACLs) or rebuild it in AWS WAF with managed rule groups, associate the new web ACL with the distribution, then delete ' +
    'the Classic web ACL.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    if (inv.classicWebAcls.length === 0) {
      // A web ACL the listing had but that could not be read is still one (the runner gives it its error): "none" would be false.
      if ((inv.unreadable.get('waf:ListWebACLs')?.size ?? 0) > 0) return [];
      const ref = { type: 'AWS::WAF::WebACL', arn: `arn:${inv.partition}:waf::${inv.accountId}:webacl/*`, id: '*', account: inv.accountId, region: 'global' };
      return [pass(ref, 'The account has no AWS WAF Classic (global) web ACL.', { classicWebAcls: 0 })];
    }
    return inv.classicWebAcls.map((acl) => {
      if (!acl.detail.ok) return error(acl, acl.detail.error);
      const usedBy = inv.distributions.filter((d) => d.webAclId === acl.id).map((d) => d.id).sort();
      const rules = acl.detail.value.rules.map((r) => r.name ?? r.ruleId);
      const evidence = { endOfSupport: END_OF_SUPPORT, rules, defaultAction: acl.detail.value.defaultAction, cloudFrontDistributions: usedBy };
      const use = usedBy.length > 0 ? ` and still protects CloudFront distribution(s) ${usedBy.join(', ')}` : '';
      return fail(acl, `AWS WAF Classic web ACL ${acl.name ?? acl.id} (${rules.length} rules) is past end of support (${END_OF_SUPPORT})${use}: migrate it to AWS WAF.`, evidence);
    });
  },
});
