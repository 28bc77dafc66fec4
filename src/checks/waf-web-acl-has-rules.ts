import type { JSONSchemaType } from 'ajv';
import { defineCheck, error, fail, notApplicable, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

export default defineCheck<Params>({
  id: 'waf-web-acl-has-rules',
  title: 'Web ACLs in use have rules that block, not just a default action',
  severity: 'high',
  resourceType: 'AWS::WAFv2::WebACL',
  requires: ['wafv2:ListWebACLs', 'wafv2:ListResourcesForWebACL', 'wafv2:GetWebACL', 'apigateway:GetRestApis', 'apigateway:GetStages'],
  rationale:
    'A web ACL with no rules, or whose rule groups all only count, passes every request to its default action: the ' +
    'resource looks protected (and passes an "is a WAF attached" check) while nothing is filtered (PCI DSS 6.4.2).',
  remediation:
    'Add rules or managed rule groups to the web ACL and take rule groups out of count mode once tuned: WAF & Shield console > ' +
    'Web ACLs > the web ACL > Rules > Add rules (for example the AWS managed Core rule set), or `aws wafv2 update-web-acl`.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.webAcls.map((acl) => {
      const name = acl.name ?? acl.id;
      if (!acl.loadBalancerArns.ok) return error(acl, acl.loadBalancerArns.error);
      const protects = [...acl.loadBalancerArns.value, ...inv.apiStages.filter((s) => s.webAclArn === acl.arn).map((s) => s.arn)].sort();
      if (protects.length === 0) return notApplicable(acl, `Web ACL ${name} is associated with no load balancer or API stage.`, { protects: [] });
      if (!acl.detail.ok) return error(acl, acl.detail.error);
      const { defaultAction, rules } = acl.detail.value;
      const active = rules.filter((r) => !r.countOnly);
      const evidence = { defaultAction, rules: rules.map((r) => ({ name: r.name, priority: r.priority, countOnly: r.countOnly })), protects };
      if (rules.length === 0) return fail(acl, `Web ACL ${name} has no rules: every request gets its default action ${defaultAction}.`, evidence);
      if (active.length === 0) return fail(acl, `Every rule of web ACL ${name} only counts: no request is blocked by a rule.`, evidence);
      return pass(acl, `Web ACL ${name} has ${active.length} active rule(s) ahead of its default action ${defaultAction}.`, evidence);
    });
  },
});
