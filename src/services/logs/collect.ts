/** How CloudWatch Logs' operations are sent (loaded only for a live collection). */
import {
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  DescribeMetricFiltersCommand,
  paginateDescribeLogGroups,
  paginateDescribeMetricFilters,
} from '@aws-sdk/client-cloudwatch-logs';
import type { ServiceCollector } from '../define.js';

const collector: ServiceCollector = {
  bindings: {
    'logs:DescribeMetricFilters': { client: CloudWatchLogsClient, command: DescribeMetricFiltersCommand, paginator: paginateDescribeMetricFilters, pageSize: 50 },
    'logs:DescribeLogGroups': { client: CloudWatchLogsClient, command: DescribeLogGroupsCommand, paginator: paginateDescribeLogGroups, pageSize: 50 },
  },
};

export default collector;
