/** How CloudWatch's operations are sent (loaded only for a live collection). */
import { CloudWatchClient, DescribeAlarmsCommand, paginateDescribeAlarms } from '@aws-sdk/client-cloudwatch';
import type { ServiceCollector } from '../define.js';

const collector: ServiceCollector = {
  bindings: {
    'cloudwatch:DescribeAlarms': {
      client: CloudWatchClient,
      command: DescribeAlarmsCommand,
      paginator: paginateDescribeAlarms,
      pageSize: 100,
      input: { AlarmTypes: ['MetricAlarm'] },
    },
  },
};

export default collector;
