/**
 * The typed inventory: every resource archscan knows, built once from a
 * snapshot by build.ts from the service modules (src/services/). Checks read
 * only this, never raw API JSON. Each module owns its resource types; they
 * are re-exported here so that checks import them from one place.
 */
import type { CallError, Resource } from './base.js';
import type { ServiceCollections } from '../services/registry.js';
import type { UnreadableRecord } from '../services/source.js';
import type { ArchitectureProfile } from '../reach/profile.js';

export type { CallError, Observed, PolicyDocument, PolicyStatement, Resource, ResourceRef } from './base.js';
export type { UnreadableRecord } from '../services/source.js';
export type * from '../services/accessanalyzer/types.js';
export type * from '../services/acm/types.js';
export type * from '../services/apigateway/types.js';
export type * from '../services/cloudfront/types.js';
export type * from '../services/cloudtrail/types.js';
export type * from '../services/cloudwatch/types.js';
export type * from '../services/config/types.js';
export type * from '../services/ec2/types.js';
export type * from '../services/ecr/types.js';
export type * from '../services/eks/types.js';
export type * from '../services/elb/types.js';
export type * from '../services/elbv2/types.js';
export type * from '../services/guardduty/types.js';
export type * from '../services/iam/types.js';
export type * from '../services/inspector2/types.js';
export type * from '../services/kms/types.js';
export type * from '../services/lambda/types.js';
export type * from '../services/logs/types.js';
export type * from '../services/rds/types.js';
export type * from '../services/s3/types.js';
export type * from '../services/secretsmanager/types.js';
export type * from '../services/securityhub/types.js';
export type * from '../services/ssm/types.js';
export type * from '../services/waf/types.js';
export type * from '../services/wafv2/types.js';

/** Resource types that stand for an aggregate (a region's settings, a tier) rather than one AWS resource. */
type AggregateType =
  | 'AWS::EC2::PrefixList'
  | 'AWS::EC2::SubnetTier'
  | 'AWS::EC2::ArchitectureTier'
  | 'AWS::EC2::TierFlow'
  | 'AWS::CloudTrail::Account'
  | 'AWS::IAM::Account'
  | 'AWS::CloudWatch::SecurityEventAlarm'
  | 'AWS::Region';

type Element<T> = T extends readonly (infer U)[] ? U : T;
type CollectionResource = Extract<Element<ServiceCollections[keyof ServiceCollections]>, Resource>;

/** Every resource type a check can be about. */
export type ResourceType = CollectionResource['type'] | AggregateType;

export interface InventoryBase {
  accountId: string;
  partition: string;
  /** The scanned regions, sorted. */
  regions: string[];
  /** ISO 8601: the "now" for ages, from the snapshot, never the wall clock. */
  collectedAt: string;
  /** Every resource by ARN. */
  byArn: ReadonlyMap<string, Resource>;
  /**
   * Account-wide calls that failed, were never collected, or answered
   * something that could not be read: `service:Operation` -> region (or
   * `global`) -> the error.
   */
  failures: ReadonlyMap<string, ReadonlyMap<string, CallError>>;
  /** Records that could not be read: `service:Operation` -> region -> records. */
  unreadable: ReadonlyMap<string, ReadonlyMap<string, readonly UnreadableRecord[]>>;
  /** Every answer or record found malformed while building (reported with the failed calls). */
  dataErrors: readonly CallError[];
  /** The declared architecture the account is held to (`scan --arch FILE`): not read from AWS. */
  architecture?: ArchitectureProfile;
}

export type Inventory = InventoryBase & ServiceCollections;

/** Collections a check can iterate, for typing `resourceType` against data. */
export type InventoryCollections = ServiceCollections;
