/**
 * AWS Security Hub: whether the region's hub is enabled, and the standards it
 * runs. A region where Security Hub was never enabled answers
 * InvalidAccessException ("Account ... is not subscribed to AWS Security
 * Hub"): data (no hub), not an error.
 */
import type { OperationSpec } from '../spec.js';

export const SDK = { securityhub: '@aws-sdk/client-securityhub' } as const;

export const OPERATIONS = [
  {
    key: 'securityhub:DescribeHub',
    scope: 'regional',
    absentCodes: ['InvalidAccessException'],
    unset: { DescribeHubResponse: ['SubscribedAt', 'AutoEnableControls', 'ControlFindingGenerator'] },
    needs: { DescribeHubResponse: ['HubArn'] },
  },
  {
    key: 'securityhub:GetEnabledStandards',
    scope: 'regional',
    absentCodes: ['InvalidAccessException'],
    unset: { StandardsSubscription: ['StandardsStatusReason', 'StandardsControlsUpdatable'] },
    needs: { GetEnabledStandardsResponse: ['StandardsSubscriptions'], StandardsSubscription: ['StandardsSubscriptionArn', 'StandardsArn', 'StandardsStatus'] },
  },
] as const satisfies readonly OperationSpec[];
