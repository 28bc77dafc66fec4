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
  /** The data events the trail records, one entry per selector and resource type (from the same selectors answer); undefined only in inventories built without them. */
  dataEvents?: Observed<DataEventSelection[]>;
}

/** Data events a selector records for one resource type. */
export interface DataEventSelection {
  /** `AWS::S3::Object`, `AWS::Lambda::Function`, `AWS::DynamoDB::Table`, ... */
  resourceType: string;
  /** `all`: every resource of the type; `some`: narrowed by ARN, event name or another field (evidence: `narrowedBy`). */
  scope: 'all' | 'some';
  read: boolean;
  write: boolean;
  /** What narrows a `some` selection: the ARN values or the fields that do. */
  narrowedBy: string[];
}
