/** Amazon CloudFront (a global service): distributions. */
import type { OperationSpec } from '../define.js';

export const SDK = { cloudfront: '@aws-sdk/client-cloudfront' } as const;

export const OPERATIONS = [
  {
    key: 'cloudfront:ListDistributions',
    scope: 'global',
    records: [{ path: 'DistributionList/Items/*', type: 'AWS::CloudFront::Distribution', arn: 'ARN' }],
    needs: { ListDistributionsResult: ['DistributionList'], DistributionSummary: ['Id', 'ARN', 'Enabled'] },
  },
] as const satisfies readonly OperationSpec[];
