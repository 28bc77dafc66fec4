import type { ServiceFake } from '../define.js';

/** One enabled detector per region. */
const fake: ServiceFake = (scope, account) =>
  scope === 'global'
    ? {}
    : {
        'guardduty:ListDetectors': { DetectorIds: [`${scope === 'ap-south-1' ? 'a' : 'b'}0c0ffee`] },
        'guardduty:GetDetector': {
          Status: 'ENABLED',
          ServiceRole: `arn:aws:iam::${account}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`,
          FindingPublishingFrequency: 'SIX_HOURS',
        },
      };

export default fake;
