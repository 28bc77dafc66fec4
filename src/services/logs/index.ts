import type { DescribeMetricFiltersCommandOutput } from '@aws-sdk/client-cloudwatch-logs';
import type { Observed, Raw } from '../../inventory/base.js';
import { defineService } from '../define.js';
import type { ServiceSource } from '../source.js';
import { OPERATIONS } from './operations.js';
import { SHAPES } from './shapes.generated.js';
import type { LogsRegion, MetricFilter } from './types.js';

function buildLogs(src: ServiceSource, region: string): LogsRegion {
  const filters = src.call<Raw<DescribeMetricFiltersCommandOutput>>(region, 'logs:DescribeMetricFilters');
  const metricFilters: Observed<MetricFilter[]> = filters.ok
    ? {
        ok: true,
        value: (filters.value?.metricFilters ?? []).map((f) => ({
          name: f.filterName!,
          logGroupName: f.logGroupName!,
          pattern: f.filterPattern!,
          metrics: (f.metricTransformations ?? []).map((m) => ({ name: m.metricName!, namespace: m.metricNamespace! })),
        })),
      }
    : filters;
  return { region, metricFilters };
}

export default defineService<{ logs: LogsRegion[] }>({
  name: 'logs',
  title: 'Amazon CloudWatch Logs',
  operations: OPERATIONS,
  shapes: SHAPES,
  build: (src) => ({ logs: src.regions.map((r) => buildLogs(src, r)) }),
  empty: () => ({ logs: [] }),
  collector: async () => (await import('./collect.js')).default,
});
