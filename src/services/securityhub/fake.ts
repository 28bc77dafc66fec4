import type { ServiceFake } from '../define.js';

/** Security Hub enabled in every region with AWS Foundational Security Best Practices. */
const fake: ServiceFake = (scope, account) =>
  scope === 'global'
    ? {}
    : {
        'securityhub:DescribeHub': { HubArn: `arn:aws:securityhub:${scope}:${account}:hub/default`, SubscribedAt: '2025-03-01T00:00:00.000Z', AutoEnableControls: true },
        'securityhub:GetEnabledStandards': {
          StandardsSubscriptions: [
            {
              StandardsSubscriptionArn: `arn:aws:securityhub:${scope}:${account}:subscription/aws-foundational-security-best-practices/v/1.0.0`,
              StandardsArn: `arn:aws:securityhub:${scope}::standards/aws-foundational-security-best-practices/v/1.0.0`,
              StandardsInput: {},
              StandardsStatus: 'READY',
            },
          ],
        },
      };

export default fake;
