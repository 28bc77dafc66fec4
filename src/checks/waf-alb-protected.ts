import type { JSONSchemaType } from 'ajv';
import type { LoadBalancer } from '../inventory/types.js';
import { defineCheck, error, fail, notApplicable, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

/**
 * What a failure cannot rule out: a regional AWS WAF Classic web ACL is associated through the WAF Regional API, which
 * archscan does not read (README, "WAF Classic"). Classic support ended on 30 September 2025, so such an ALB needs a
 * WAFv2 web ACL anyway.
 */
const CLASSIC_REGIONAL =
  'not read: an AWS WAF Classic (regional) web ACL would not show here; Classic support ended 2025-09-30, so migrate it to AWS WAF';

function label(lb: LoadBalancer): string {
  return lb.name !== undefined && lb.name !== lb.id ? `${lb.name} (${lb.id})` : lb.id;
}

export default defineCheck<Params>({
  id: 'waf-alb-protected',
  title: 'Internet-facing Application Load Balancers are protected by an AWS WAF web ACL',
  severity: 'high',
  resourceType: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
  requires: ['elasticloadbalancing:DescribeLoadBalancers', 'wafv2:ListWebACLs'],
  rationale:
    'An internet-facing web application without a web application firewall meets injection, cross-site scripting, bot and ' +
    'layer-7 flood traffic unfiltered; PCI DSS 6.4.2 requires an automated technical solution in front of public-facing ' +
    'web applications.',
  remediation:
    'Associate a regional web ACL (for example with the AWS managed Core rule set and Known bad inputs rule groups): ' +
    'WAF & Shield console > Web ACLs (the load balancer\'s region) > select or create > Associated AWS resources > Add ' +
    'AWS resources > Application Load Balancer, or `aws wafv2 associate-web-acl --web-acl-arn <acl-arn> --resource-arn ' +
    '<alb-arn> --region <region>`.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.loadBalancers.map((lb) => {
      if (lb.scheme !== 'internet-facing') {
        return notApplicable(lb, `Load balancer ${label(lb)} is not internet-facing (scheme ${lb.scheme}).`, { scheme: lb.scheme, lbType: lb.lbType });
      }
      if (lb.lbType !== 'application') {
        return notApplicable(lb, `Load balancer ${label(lb)} is a ${lb.lbType} load balancer, which AWS WAF cannot protect.`, {
          scheme: lb.scheme,
          lbType: lb.lbType,
        });
      }
      if (!lb.webAcl.ok) return error(lb, lb.webAcl.error);
      const webAcl = lb.webAcl.value;
      if (webAcl !== null) return pass(lb, `Application Load Balancer ${label(lb)} is protected by web ACL ${webAcl}.`, { webAcl });
      return fail(lb, `Internet-facing Application Load Balancer ${label(lb)} has no AWS WAF web ACL associated.`, { webAcl: null, wafClassicRegional: CLASSIC_REGIONAL });
    });
  },
});
