import type { JSONSchemaType } from 'ajv';
import { defineCheck, error, fail, notApplicable, pass } from './define.js';

interface Params {
  requiredRuleGroups: string[];
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['requiredRuleGroups'],
  properties: { requiredRuleGroups: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', minLength: 1 } } },
};

export default defineCheck<Params>({
  id: 'waf-web-acl-aws-managed-rules',
  title: 'Web ACLs in use run the AWS managed Core, Known bad inputs and SQL injection rule groups',
  severity: 'medium',
  resourceType: 'AWS::WAFv2::WebACL',
  requires: ['wafv2:ListWebACLs', 'wafv2:ListResourcesForWebACL', 'wafv2:GetWebACL', 'apigateway:GetRestApis', 'apigateway:GetStages'],
  rationale:
    'The AWS managed Core rule set (OWASP Top 10 classes), Known bad inputs (Log4Shell, exploit payloads) and SQL database ' +
    'rule groups are maintained by AWS as new attacks appear; a hand-written rule set without them falls behind (PCI DSS ' +
    '6.4.2 expects the solution to keep up with new threats). A rule group left in count mode does not block.',
  remediation:
    'Add the missing rule groups with OverrideAction None: WAF & Shield console > Web ACLs > the web ACL > Rules > Add rules > ' +
    'Add managed rule groups > AWS managed rule groups > Core rule set, Known bad inputs, SQL database; or add ' +
    'ManagedRuleGroupStatement {VendorName: AWS, Name: AWSManagedRulesCommonRuleSet | AWSManagedRulesKnownBadInputsRuleSet | ' +
    'AWSManagedRulesSQLiRuleSet} rules with `aws wafv2 update-web-acl`.',
  schema,
  defaults: { requiredRuleGroups: ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesSQLiRuleSet'] },
  paramDocs: { requiredRuleGroups: 'names of AWS managed rule groups (vendor AWS) each web ACL in use must run, not in count mode' },
  evaluate(inv, { requiredRuleGroups }) {
    return inv.webAcls.map((acl) => {
      const name = acl.name ?? acl.id;
      if (!acl.loadBalancerArns.ok) return error(acl, acl.loadBalancerArns.error);
      const protects = [...acl.loadBalancerArns.value, ...inv.apiStages.filter((s) => s.webAclArn === acl.arn).map((s) => s.arn)].sort();
      if (protects.length === 0) return notApplicable(acl, `Web ACL ${name} is associated with no load balancer or API stage.`, { protects: [] });
      if (!acl.detail.ok) return error(acl, acl.detail.error);
      const managed = acl.detail.value.rules.filter((r) => r.managedRuleGroup?.vendor === 'AWS');
      const blocking = new Set(managed.filter((r) => !r.countOnly).map((r) => r.managedRuleGroup!.name));
      const counting = new Set(managed.filter((r) => r.countOnly).map((r) => r.managedRuleGroup!.name));
      const missing = requiredRuleGroups.filter((g) => !blocking.has(g));
      const evidence = { awsManagedRuleGroups: managed.map((r) => ({ name: r.managedRuleGroup!.name, countOnly: r.countOnly })), protects };
      if (missing.length === 0) return pass(acl, `Web ACL ${name} runs ${requiredRuleGroups.join(', ')}.`, evidence);
      const list = missing.map((g) => (counting.has(g) ? `${g} (count only)` : g)).join(', ');
      return fail(acl, `Web ACL ${name} does not run the AWS managed rule groups ${list}.`, { ...evidence, missing });
    });
  },
});
