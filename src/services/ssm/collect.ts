/** How Systems Manager's operations are sent (loaded only for a live collection). */
import {
  DescribeInstanceInformationCommand,
  DescribeInstancePatchStatesCommand,
  paginateDescribeInstanceInformation,
  SSMClient,
  type DescribeInstanceInformationCommandOutput,
} from '@aws-sdk/client-ssm';
import type { ServiceCollector } from '../define.js';

const collector: ServiceCollector = {
  bindings: {
    'ssm:DescribeInstanceInformation': { client: SSMClient, command: DescribeInstanceInformationCommand, paginator: paginateDescribeInstanceInformation, pageSize: 50 },
    'ssm:DescribeInstancePatchStates': {
      client: SSMClient,
      command: DescribeInstancePatchStatesCommand,
      ids: (feed) =>
        ((feed as DescribeInstanceInformationCommandOutput | undefined)?.InstanceInformationList ?? []).flatMap((i) => (i.InstanceId ? [i.InstanceId] : [])),
      input: (id) => ({ InstanceIds: [id] }),
    },
  },
};

export default collector;
