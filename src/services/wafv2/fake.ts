import type { ServiceFake } from '../define.js';

/** One regional web ACL per region, on the region's ALB. */
const fake: ServiceFake = (scope, account) => {
  if (scope === 'global') return {};
  const x = scope === 'ap-south-1' ? 'a' : 'b';
  return {
    'wafv2:ListWebACLs': { WebACLs: [{ Name: 'web-acl', Id: 'w1', ARN: `arn:aws:wafv2:${scope}:${account}:regional/webacl/web-acl/w1` }] },
    'wafv2:ListResourcesForWebACL': { ResourceArns: [`arn:aws:elasticloadbalancing:${scope}:${account}:loadbalancer/app/web/0${x}`] },
    'wafv2:GetWebACL': {
      WebACL: {
        Name: 'web-acl',
        Id: 'w1',
        ARN: `arn:aws:wafv2:${scope}:${account}:regional/webacl/web-acl/w1`,
        DefaultAction: { Allow: {} },
        Rules: [
          {
            Name: 'core',
            Priority: 0,
            Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' } },
            OverrideAction: { None: {} },
            VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: 'core' },
          },
        ],
        VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: 'web-acl' },
      },
      LockToken: '00000000-0000-0000-0000-000000000001',
    },
    'wafv2:GetLoggingConfiguration': {
      LoggingConfiguration: {
        ResourceArn: `arn:aws:wafv2:${scope}:${account}:regional/webacl/web-acl/w1`,
        LogDestinationConfigs: [`arn:aws:logs:${scope}:${account}:log-group:aws-waf-logs-web`],
      },
    },
  };
};

export default fake;
