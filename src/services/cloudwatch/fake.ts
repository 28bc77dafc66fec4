import type { ServiceFake } from '../define.js';

/** No metric alarms. */
const fake: ServiceFake = (scope) => (scope === 'global' ? {} : { 'cloudwatch:DescribeAlarms': { MetricAlarms: [] } });

export default fake;
