import type { ServiceFake } from '../define.js';

/** One regional web ACL per region, on the region's ALB. */
const fake: ServiceFake = (scope, account) => {
  if (scope === 'global') return {};
  const x = scope === 'ap-south-1' ? 'a' : 'b';
  return {
    'wafv2:ListWebACLs': { WebACLs: [{ Name: 'web-acl', Id: 'w1', ARN: `arn:aws:wafv2:${scope}:${account}:regional/webacl/web-acl/w1` }] },
    'wafv2:ListResourcesForWebACL': { ResourceArns: [`arn:aws:elasticloadbalancing:${scope}:${account}:loadbalancer/app/web/0${x}`] },
  };
};

export default fake;
