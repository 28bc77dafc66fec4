/** Amazon CloudFront (a global service): distributions. */
import type { OperationSpec } from '../spec.js';

export const SDK = { cloudfront: '@aws-sdk/client-cloudfront' } as const;

export const OPERATIONS = [
  {
    key: 'cloudfront:ListDistributions',
    scope: 'global',
    records: [{ path: 'DistributionList/Items/*', type: 'AWS::CloudFront::Distribution', arn: 'ARN' }],
    // CloudFront answers WebACLId "" for a distribution without a web ACL; Items is left out when Quantity is 0.
    unset: { DistributionSummary: ['WebACLId'], DistributionList: ['Items'] },
    needs: { ListDistributionsResult: ['DistributionList'], DistributionList: ['Quantity'], DistributionSummary: ['Id', 'ARN', 'Enabled'] },
  },
] as const satisfies readonly OperationSpec[];
