/** How ECR's operations are sent (loaded only for a live collection). */
import {
  DescribeRepositoriesCommand,
  ECRClient,
  GetRegistryScanningConfigurationCommand,
  GetRepositoryPolicyCommand,
  paginateDescribeRepositories,
  type DescribeRepositoriesCommandOutput,
} from '@aws-sdk/client-ecr';
import type { ServiceCollector } from '../define.js';

const collector: ServiceCollector = {
  bindings: {
    'ecr:DescribeRepositories': { client: ECRClient, command: DescribeRepositoriesCommand, paginator: paginateDescribeRepositories, pageSize: 1000 },
    'ecr:GetRepositoryPolicy': {
      client: ECRClient,
      command: GetRepositoryPolicyCommand,
      ids: (feed) => ((feed as DescribeRepositoriesCommandOutput | undefined)?.repositories ?? []).flatMap((r) => (r.repositoryName ? [r.repositoryName] : [])),
      input: (repositoryName) => ({ repositoryName }),
    },
    'ecr:GetRegistryScanningConfiguration': { client: ECRClient, command: GetRegistryScanningConfigurationCommand },
  },
};

export default collector;
