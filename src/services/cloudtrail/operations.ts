/** CloudTrail: trails (shadow copies included) and, per trail, status and event selectors. */
import type { OperationSpec } from '../spec.js';

export const SDK = { cloudtrail: '@aws-sdk/client-cloudtrail' } as const;

export const OPERATIONS = [
  {
    key: 'cloudtrail:DescribeTrails',
    scope: 'regional',
    request: 'includeShadowTrails=true',
    records: [{ path: 'trailList/*', type: 'AWS::CloudTrail::Trail', arn: 'TrailARN' }],
    unset: { Trail: ['KmsKeyId', 'CloudWatchLogsLogGroupArn', 'CloudWatchLogsRoleArn'] },
    needs: {
      DescribeTrailsResponse: ['trailList'],
      Trail: ['Name', 'TrailARN', 'HomeRegion', 'S3BucketName', 'IsMultiRegionTrail', 'IsOrganizationTrail', 'LogFileValidationEnabled', 'IncludeGlobalServiceEvents'],
    },
  },
  {
    key: 'cloudtrail:GetTrailStatus',
    scope: 'regional',
    perResource: { from: 'cloudtrail:DescribeTrails', id: 'trail ARN, read in the trail’s home region (or the first scanned region listing it)' },
    needs: { GetTrailStatusResponse: ['IsLogging'] },
  },
  {
    key: 'cloudtrail:GetEventSelectors',
    scope: 'regional',
    perResource: { from: 'cloudtrail:DescribeTrails', id: 'trail ARN, as for GetTrailStatus' },
    // A basic selector without data resources logs no data events.
    unset: { EventSelector: ['DataResources'] },
    needs: {
      EventSelector: ['ReadWriteType', 'IncludeManagementEvents'],
      AdvancedEventSelector: ['FieldSelectors'],
      AdvancedFieldSelector: ['Field'],
      DataResource: ['Type', 'Values'],
    },
  },
] as const satisfies readonly OperationSpec[];
