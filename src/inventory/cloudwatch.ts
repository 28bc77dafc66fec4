import type { DescribeAlarmsCommandOutput } from '@aws-sdk/client-cloudwatch';
import type { DescribeMetricFiltersCommandOutput } from '@aws-sdk/client-cloudwatch-logs';
import type { CallSource, Raw } from './source.js';
import type { CloudWatchRegion, MetricAlarm, MetricFilter, Observed } from './types.js';

export function buildCloudWatch(src: CallSource, region: string): CloudWatchRegion {
  const filters = src.call<Raw<DescribeMetricFiltersCommandOutput>>(region, 'logs:DescribeMetricFilters');
  const alarms = src.call<Raw<DescribeAlarmsCommandOutput>>(region, 'cloudwatch:DescribeAlarms');
  const metricFilters: Observed<MetricFilter[]> = filters.ok
    ? {
        ok: true,
        value: (filters.value?.metricFilters ?? []).map((f) => ({
          name: f.filterName ?? '',
          logGroupName: f.logGroupName ?? '',
          pattern: f.filterPattern ?? '',
          metrics: (f.metricTransformations ?? []).map((m) => ({ name: m.metricName ?? '', namespace: m.metricNamespace ?? '' })),
        })),
      }
    : filters;
  const metricAlarms: Observed<MetricAlarm[]> = alarms.ok
    ? {
        ok: true,
        value: (alarms.value?.MetricAlarms ?? []).map((a) => {
          const alarm: MetricAlarm = {
            name: a.AlarmName ?? '',
            arn: a.AlarmArn ?? '',
            actionsEnabled: a.ActionsEnabled !== false,
            alarmActions: [...(a.AlarmActions ?? [])],
          };
          if (a.MetricName !== undefined) alarm.metricName = a.MetricName;
          if (a.Namespace !== undefined) alarm.namespace = a.Namespace;
          return alarm;
        }),
      }
    : alarms;
  return { region, metricFilters, alarms: metricAlarms };
}
