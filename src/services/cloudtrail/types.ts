/** CloudTrail trails in the typed inventory. */
import type { Observed, Resource } from '../../inventory/base.js';

export interface Trail extends Resource {
  type: 'AWS::CloudTrail::Trail';
  homeRegion: string;
  isMultiRegion: boolean;
  isOrganizationTrail: boolean;
  logFileValidation: boolean;
  kmsKeyId?: string;
  cloudWatchLogGroupArn?: string;
  s3BucketName?: string;
  includeGlobalServiceEvents: boolean;
  status: Observed<{ isLogging: boolean }>;
  /** Which management events the trail records, from basic or advanced selectors. */
  managementEvents: Observed<{ read: boolean; write: boolean }>;
}
