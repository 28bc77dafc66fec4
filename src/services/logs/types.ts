/** CloudWatch Logs in the typed inventory. */
import type { Observed, Resource } from '../../inventory/base.js';

/** CloudWatch Logs metric filter. */
export interface MetricFilter {
  name: string;
  logGroupName: string;
  pattern: string;
  metrics: { name: string; namespace: string }[];
}

/** CloudWatch Logs metric filters of one region. */
export interface LogsRegion {
  region: string;
  metricFilters: Observed<MetricFilter[]>;
}

/** A CloudWatch Logs log group. */
export interface LogGroup extends Resource {
  type: 'AWS::Logs::LogGroup';
  /** Days events are kept; undefined: they never expire. */
  retentionDays?: number;
  /** The account-level retention policy that sets `retentionDays`, when one applies. */
  retentionPolicy?: string;
  /** The KMS key that encrypts the group; undefined: CloudWatch Logs' own (service-owned) encryption. */
  kmsKeyId?: string;
  /** STANDARD (the default), INFREQUENT_ACCESS, DELIVERY, ... */
  logGroupClass: string;
  createdAt?: string;
}
