/** How Lambda's operations are sent (loaded only for a live collection). */
import { GetPolicyCommand, LambdaClient, ListFunctionsCommand, paginateListFunctions, type ListFunctionsCommandOutput } from '@aws-sdk/client-lambda';
import type { ServiceCollector } from '../define.js';

const collector: ServiceCollector = {
  bindings: {
    'lambda:ListFunctions': { client: LambdaClient, command: ListFunctionsCommand, paginator: paginateListFunctions, pageSize: 50 },
    'lambda:GetPolicy': {
      client: LambdaClient,
      command: GetPolicyCommand,
      ids: (feed) => ((feed as ListFunctionsCommandOutput | undefined)?.Functions ?? []).flatMap((f) => (f.FunctionArn ? [f.FunctionArn] : [])),
      input: (FunctionName) => ({ FunctionName }),
    },
  },
};

export default collector;
