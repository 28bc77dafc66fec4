/** Amazon CloudWatch Logs: metric filters (the security-event alarms watch them) and log groups (retention, encryption). */
import type { OperationSpec } from '../spec.js';

export const SDK = { logs: '@aws-sdk/client-cloudwatch-logs' } as const;

export const OPERATIONS = [
  {
    key: 'logs:DescribeMetricFilters',
    scope: 'regional',
    needs: { DescribeMetricFiltersResponse: ['metricFilters'], MetricFilter: ['filterName', 'logGroupName', 'filterPattern', 'metricTransformations'], MetricTransformation: ['metricName', 'metricNamespace'] },
  },
  {
    key: 'logs:DescribeLogGroups',
    scope: 'regional',
    records: [
      { path: 'logGroups/*', type: 'AWS::Logs::LogGroup', id: 'logGroupName', arnOf: (id, at) => `arn:${at.partition}:logs:${at.region}:${at.accountId}:log-group:${id}` },
    ],
    // No retentionInDays: events never expire. No kmsKeyId: CloudWatch Logs' own encryption.
    unset: { LogGroup: ['retentionInDays', 'kmsKeyId', 'logGroupClass', 'retentionPolicyName'] },
    needs: { DescribeLogGroupsResponse: ['logGroups'], LogGroup: ['logGroupName'] },
  },
] as const satisfies readonly OperationSpec[];
