/** AWS WAFv2: regional web ACLs and the load balancers each protects (API Gateway stages and CloudFront carry their own web ACL). */
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
] as const satisfies readonly OperationSpec[];
