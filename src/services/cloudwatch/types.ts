/** CloudWatch alarms (with the Logs metric filters they watch) in the typed inventory. */
import type { Observed } from '../../inventory/base.js';
import type { MetricFilter } from '../logs/types.js';

export interface MetricAlarm {
  name: string;
  arn: string;
  metricName?: string;
  namespace?: string;
  actionsEnabled: boolean;
  alarmActions: string[];
}

/** CloudWatch monitoring of one region: metric filters and alarms. */
export interface CloudWatchRegion {
  region: string;
  metricFilters: Observed<MetricFilter[]>;
  alarms: Observed<MetricAlarm[]>;
}
