/** Amazon CloudWatch Logs: metric filters (the security-event alarms watch them). */
import type { OperationSpec } from '../define.js';

export const SDK = { logs: '@aws-sdk/client-cloudwatch-logs' } as const;

export const OPERATIONS = [
  {
    key: 'logs:DescribeMetricFilters',
    scope: 'regional',
    needs: { DescribeMetricFiltersResponse: ['metricFilters'], MetricFilter: ['filterName', 'logGroupName', 'filterPattern'], MetricTransformation: ['metricName', 'metricNamespace'] },
  },
] as const satisfies readonly OperationSpec[];
