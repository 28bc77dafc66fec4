import type { ServiceFake } from '../define.js';

/** No EFS file systems. */
const fake: ServiceFake = (scope) => (scope === 'global' ? {} : { 'efs:DescribeFileSystems': { FileSystems: [] } });

export default fake;
