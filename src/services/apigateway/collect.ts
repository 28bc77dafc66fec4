/** How API Gateway's operations are sent (loaded only for a live collection). */
import { APIGatewayClient, GetRestApisCommand, GetStagesCommand, paginateGetRestApis, type GetRestApisCommandOutput } from '@aws-sdk/client-api-gateway';
import type { ServiceCollector } from '../define.js';

const collector: ServiceCollector = {
  bindings: {
    'apigateway:GetRestApis': { client: APIGatewayClient, command: GetRestApisCommand, paginator: paginateGetRestApis, pageSize: 500 },
    'apigateway:GetStages': {
      client: APIGatewayClient,
      command: GetStagesCommand,
      ids: (feed) => ((feed as GetRestApisCommandOutput | undefined)?.items ?? []).flatMap((a) => (a.id ? [a.id] : [])),
      input: (restApiId) => ({ restApiId }),
    },
  },
};

export default collector;
