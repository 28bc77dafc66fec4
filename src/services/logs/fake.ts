import type { ServiceFake } from '../define.js';

/** No metric filters. */
const fake: ServiceFake = (scope) => (scope === 'global' ? {} : { 'logs:DescribeMetricFilters': { metricFilters: [] } });

export default fake;
