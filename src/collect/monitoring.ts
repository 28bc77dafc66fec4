import { CloudWatchClient, paginateDescribeAlarms } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, paginateDescribeMetricFilters } from '@aws-sdk/client-cloudwatch-logs';
import type { ClientConfig } from './clients.js';
import { allPages } from './paginate.js';
import type { Recorder } from './recorder.js';

/** CloudWatch Logs metric filters and CloudWatch metric alarms of one region (security-event alerting). */
export async function collectMonitoring(rec: Recorder, region: string, config: ClientConfig): Promise<void> {
  const logs = new CloudWatchLogsClient(config);
  const cw = new CloudWatchClient(config);
  await rec.record(region, [
    ['logs:DescribeMetricFilters', () => allPages(paginateDescribeMetricFilters({ client: logs, pageSize: 50 }, {}))],
    ['cloudwatch:DescribeAlarms', () => allPages(paginateDescribeAlarms({ client: cw, pageSize: 100 }, { AlarmTypes: ['MetricAlarm'] }))],
  ]);
  logs.destroy();
  cw.destroy();
}
