import type { DescribeAlarmsCommandOutput } from '@aws-sdk/client-cloudwatch';
import type { Observed, Raw } from '../../inventory/base.js';
import { defineService } from '../define.js';
import type { LogsRegion } from '../logs/types.js';
import type { ServiceSource } from '../source.js';
import { OPERATIONS } from './operations.js';
import { SHAPES } from './shapes.generated.js';
import type { CloudWatchRegion, MetricAlarm } from './types.js';

function buildCloudWatch(src: ServiceSource, logs: LogsRegion): CloudWatchRegion {
  const alarms = src.call<Raw<DescribeAlarmsCommandOutput>>(logs.region, 'cloudwatch:DescribeAlarms');
  const metricAlarms: Observed<MetricAlarm[]> = alarms.ok
    ? {
        ok: true,
        value: (alarms.value?.MetricAlarms ?? []).map((a) => {
          const alarm: MetricAlarm = {
            name: a.AlarmName!,
            arn: a.AlarmArn!,
            actionsEnabled: a.ActionsEnabled!,
            alarmActions: [...(a.AlarmActions ?? [])],
          };
          if (a.MetricName) alarm.metricName = a.MetricName;
          if (a.Namespace) alarm.namespace = a.Namespace;
          return alarm;
        }),
      }
    : alarms;
  return { region: logs.region, metricFilters: logs.metricFilters, alarms: metricAlarms };
}

export default defineService<{ cloudWatch: CloudWatchRegion[] }, { logs: LogsRegion[] }>({
  name: 'cloudwatch',
  title: 'Amazon CloudWatch',
  operations: OPERATIONS,
  shapes: SHAPES,
  // The alarms are judged with the Logs metric filters that feed them.
  after: ['logs'],
  build: (src, prior) => ({ cloudWatch: prior.logs.map((l) => buildCloudWatch(src, l)) }),
  empty: () => ({ cloudWatch: [] }),
  collector: async () => (await import('./collect.js')).default,
});
