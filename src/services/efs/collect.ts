/** How EFS's operations are sent (loaded only for a live collection). */
import { DescribeFileSystemsCommand, EFSClient, paginateDescribeFileSystems } from '@aws-sdk/client-efs';
import type { ServiceCollector } from '../define.js';

const collector: ServiceCollector = {
  bindings: {
    'efs:DescribeFileSystems': { client: EFSClient, command: DescribeFileSystemsCommand, paginator: paginateDescribeFileSystems, pageSize: 100 },
  },
};

export default collector;
