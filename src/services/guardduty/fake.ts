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
          Features: [
            { Name: 'CLOUD_TRAIL', Status: 'ENABLED' },
            { Name: 'EBS_MALWARE_PROTECTION', Status: 'ENABLED' },
          ],
        },
        'guardduty:GetAdministratorAccount': { Administrator: { AccountId: '999999999999', InvitationId: 'a0c0ffee', RelationshipStatus: 'Enabled' } },
        'guardduty:ListMembers': { Members: [] },
      };

export default fake;
