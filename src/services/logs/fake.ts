import type { ServiceFake } from '../define.js';

/** No metric filters; one log group per region, kept a year. */
const fake: ServiceFake = (scope, account) =>
  scope === 'global'
    ? {}
    : {
        'logs:DescribeMetricFilters': { metricFilters: [] },
        'logs:DescribeLogGroups': {
          logGroups: [
            {
              logGroupName: '/app/ledger',
              creationTime: 1735689600000,
              retentionInDays: 365,
              metricFilterCount: 0,
              arn: `arn:aws:logs:${scope}:${account}:log-group:/app/ledger:*`,
              storedBytes: 1024,
              logGroupClass: 'STANDARD',
              logGroupArn: `arn:aws:logs:${scope}:${account}:log-group:/app/ledger`,
            },
          ],
        },
      };

export default fake;
