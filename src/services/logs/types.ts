/** CloudWatch Logs in the typed inventory. */
import type { Observed } from '../../inventory/base.js';

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
