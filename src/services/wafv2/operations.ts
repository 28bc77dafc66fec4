/**
 * AWS WAFv2: regional web ACLs, the load balancers each protects (API Gateway
 * stages and CloudFront carry their own web ACL), and per web ACL its rules
 * and logging configuration.
 */
import type { OperationSpec } from '../spec.js';

export const SDK = { wafv2: '@aws-sdk/client-wafv2' } as const;

export const OPERATIONS = [
  {
    key: 'wafv2:ListWebACLs',
    scope: 'regional',
    request: 'Scope=REGIONAL',
    records: [{ path: 'WebACLs/*', type: 'AWS::WAFv2::WebACL', arn: 'ARN' }],
    needs: { ListWebACLsResponse: ['WebACLs'], WebACLSummary: ['ARN', 'Name'] },
  },
  {
    key: 'wafv2:ListResourcesForWebACL',
    scope: 'regional',
    perResource: { from: 'wafv2:ListWebACLs', id: 'web ACL ARN' },
    request: 'ResourceType=APPLICATION_LOAD_BALANCER',
    needs: { ListResourcesForWebACLResponse: ['ResourceArns'] },
  },
  {
    key: 'wafv2:GetWebACL',
    scope: 'regional',
    perResource: { from: 'wafv2:ListWebACLs', id: 'web ACL ARN' },
    request: 'Name, Id and Scope=REGIONAL from the ARN',
    // A rule that is no rule-group reference has no OverrideAction; a managed rule group has no Version unless pinned.
    unset: { Rule: ['OverrideAction', 'Action'], Statement: ['ManagedRuleGroupStatement', 'RuleGroupReferenceStatement'], WebACL: ['Rules'] },
    needs: {
      GetWebACLResponse: ['WebACL'],
      WebACL: ['Name', 'Id', 'ARN', 'DefaultAction'],
      Rule: ['Name', 'Priority', 'Statement'],
      ManagedRuleGroupStatement: ['VendorName', 'Name'],
      RuleGroupReferenceStatement: ['ARN'],
    },
  },
  {
    key: 'wafv2:GetLoggingConfiguration',
    scope: 'regional',
    perResource: { from: 'wafv2:ListWebACLs', id: 'web ACL ARN' },
    // A web ACL without logging answers WAFNonexistentItemException: data, not an error.
    absentCodes: ['WAFNonexistentItemException'],
    needs: { GetLoggingConfigurationResponse: ['LoggingConfiguration'], LoggingConfiguration: ['ResourceArn', 'LogDestinationConfigs'] },
  },
] as const satisfies readonly OperationSpec[];
