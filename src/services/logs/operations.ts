/** Amazon CloudWatch Logs: metric filters (the security-event alarms watch them). */
import type { OperationSpec } from '../spec.js';

export const SDK = { logs: '@aws-sdk/client-cloudwatch-logs' } as const;

export const OPERATIONS = [
  {
    key: 'logs:DescribeMetricFilters',
    scope: 'regional',
    needs: { DescribeMetricFiltersResponse: ['metricFilters'], MetricFilter: ['filterName', 'logGroupName', 'filterPattern', 'metricTransformations'], MetricTransformation: ['metricName', 'metricNamespace'] },
  },
] as const satisfies readonly OperationSpec[];
