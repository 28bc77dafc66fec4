import { APIGatewayClient, GetStagesCommand, paginateGetRestApis } from '@aws-sdk/client-api-gateway';
import type { ClientConfig } from './clients.js';
import { allPages } from './paginate.js';
import type { Recorder } from './recorder.js';

/** REST APIs and their stages (each stage names the web ACL protecting it). */
export async function collectApiGateway(rec: Recorder, region: string, config: ClientConfig): Promise<void> {
  const client = new APIGatewayClient(config);
  const apis = await rec.call(region, 'apigateway:GetRestApis', () => allPages(paginateGetRestApis({ client, pageSize: 500 }, {})));
  if (apis) {
    rec.put(region, 'apigateway:GetRestApis', apis);
    await Promise.all(
      (apis.items ?? []).map(async ({ id: restApiId }) => {
        if (!restApiId) return;
        const stages = await rec.call(region, 'apigateway:GetStages', () => client.send(new GetStagesCommand({ restApiId })), restApiId);
        if (stages) rec.putResource(region, 'apigateway:GetStages', restApiId, stages);
      }),
    );
  }
  client.destroy();
}
