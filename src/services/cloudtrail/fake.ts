import type { ServiceFake } from '../define.js';

/** One multi-region trail homed in ap-south-1, listed (as a shadow copy) in every region. */
const fake: ServiceFake = (scope, account) => {
  if (scope === 'global') return {};
  const arn = `arn:aws:cloudtrail:ap-south-1:${account}:trail/org-audit`;
  return {
    'cloudtrail:DescribeTrails': {
      trailList: [
        {
          Name: 'org-audit',
          S3BucketName: `audit-logs-${account}`,
          IncludeGlobalServiceEvents: true,
          IsMultiRegionTrail: true,
          HomeRegion: 'ap-south-1',
          TrailARN: arn,
          LogFileValidationEnabled: true,
          KmsKeyId: `arn:aws:kms:ap-south-1:${account}:key/1111aaaa-0000-0000-0000-000000000001`,
          HasCustomEventSelectors: false,
          HasInsightSelectors: false,
          IsOrganizationTrail: false,
        },
      ],
    },
    'cloudtrail:GetTrailStatus': { IsLogging: true, LatestDeliveryTime: new Date('2026-11-20T05:55:00Z') },
    'cloudtrail:GetEventSelectors': { TrailARN: arn, EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [] }] },
  };
};

export default fake;
