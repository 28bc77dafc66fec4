import type { DescribeLogGroupsCommandOutput, DescribeMetricFiltersCommandOutput } from '@aws-sdk/client-cloudwatch-logs';
import type { Observed, Raw } from '../../inventory/base.js';
import { defineService } from '../define.js';
import type { ServiceSource } from '../source.js';
import { OPERATIONS } from './operations.js';
import { SHAPES } from './shapes.generated.js';
import type { LogGroup, LogsRegion, MetricFilter } from './types.js';

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

type Item<T> = NonNullable<T> extends readonly (infer U)[] ? U : never;

function buildLogGroups(src: ServiceSource, region: string): LogGroup[] {
  return src.records<Item<Raw<DescribeLogGroupsCommandOutput>['logGroups']>, LogGroup>(region, 'logs:DescribeLogGroups', 'logGroups/*', (g, at) => {
    const name = g.logGroupName!;
    // A retention is a whole number of days (1, 3, 5, ... 3653 today; AWS may add values, never 0 or fractions).
    if (g.retentionInDays !== undefined) at.expect(Number.isInteger(g.retentionInDays) && g.retentionInDays > 0, '/retentionInDays', 'a retention of at least one whole day');
    const group: LogGroup = {
      type: 'AWS::Logs::LogGroup',
      arn: `arn:${src.partition}:logs:${region}:${src.accountId}:log-group:${name}`,
      id: name,
      name,
      account: src.accountId,
      region,
      tags: {},
      logGroupClass: g.logGroupClass || 'STANDARD',
    };
    if (g.retentionInDays !== undefined) group.retentionDays = g.retentionInDays;
    if (g.retentionPolicyName) group.retentionPolicy = g.retentionPolicyName;
    if (g.kmsKeyId) group.kmsKeyId = g.kmsKeyId;
    if (g.creationTime !== undefined) group.createdAt = new Date(g.creationTime).toISOString();
    return group;
  });
}

export default defineService<{ logs: LogsRegion[]; logGroups: LogGroup[] }>({
  name: 'logs',
  title: 'Amazon CloudWatch Logs',
  operations: OPERATIONS,
  shapes: SHAPES,
  build: (src) => ({ logs: src.regions.map((r) => buildLogs(src, r)), logGroups: src.regions.flatMap((r) => buildLogGroups(src, r)) }),
  empty: () => ({ logs: [], logGroups: [] }),
  collector: async () => (await import('./collect.js')).default,
});
