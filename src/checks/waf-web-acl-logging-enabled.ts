import type { JSONSchemaType } from 'ajv';
import type { Inventory, WebAcl } from '../inventory/types.js';
import { defineCheck, error, fail, notApplicable, pass } from './define.js';
import type { Outcome } from './types.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

/** What a web ACL protects: its load balancers, and the API Gateway stages that name it. Not applicable or error when it protects nothing knowable. */
function inScope(inv: Inventory, acl: WebAcl): { protects: string[] } | Outcome {
  if (!acl.loadBalancerArns.ok) return error(acl, acl.loadBalancerArns.error);
  const protects = [...acl.loadBalancerArns.value, ...inv.apiStages.filter((s) => s.webAclArn === acl.arn).map((s) => s.arn)].sort();
  if (protects.length === 0) return notApplicable(acl, `Web ACL ${acl.name ?? acl.id} is associated with no load balancer or API stage.`, { protects: [] });
  return { protects };
}

export default defineCheck<Params>({
  id: 'waf-web-acl-logging-enabled',
  title: 'Web ACLs in use log the requests they inspect',
  severity: 'medium',
  resourceType: 'AWS::WAFv2::WebACL',
  requires: ['wafv2:ListWebACLs', 'wafv2:ListResourcesForWebACL', 'wafv2:GetLoggingConfiguration', 'apigateway:GetRestApis', 'apigateway:GetStages'],
  rationale:
    'Without web ACL logging there is no record of which requests the firewall blocked, allowed or counted, nor of which ' +
    'rule decided: attacks on the application cannot be investigated and the rules cannot be tuned (PCI DSS 10.2.1, MAS TRM 12.2.2).',
  remediation:
    'Send the web ACL\'s logs to a CloudWatch Logs group, S3 bucket or Firehose stream whose name starts with aws-waf-logs-: ' +
    'WAF & Shield console > Web ACLs > the web ACL > Logging and metrics > Enable, or `aws wafv2 put-logging-configuration ' +
    '--logging-configuration ResourceArn=<acl-arn>,LogDestinationConfigs=<destination-arn>`.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.webAcls.map((acl) => {
      const scope = inScope(inv, acl);
      if ('status' in scope) return scope;
      if (!acl.logging.ok) return error(acl, acl.logging.error);
      if (acl.logging.value === null) return fail(acl, `Web ACL ${acl.name ?? acl.id} protects ${scope.protects.length} resource(s) but does not log its requests.`, { logging: null, protects: scope.protects });
      return pass(acl, `Web ACL ${acl.name ?? acl.id} logs to ${acl.logging.value.destinations.join(', ')}.`, { logDestinations: acl.logging.value.destinations, protects: scope.protects });
    });
  },
});
