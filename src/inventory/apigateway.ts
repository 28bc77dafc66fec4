import type { GetRestApisCommandOutput, GetStagesCommandOutput } from '@aws-sdk/client-api-gateway';
import type { CallSource, Raw } from './source.js';
import type { ApiStage } from './types.js';

/** REST API stages; a stage whose stages call failed is left out and its failure recorded on the API. */
export function buildApiStages(src: CallSource, region: string, partition: string): { stages: ApiStage[]; failedApis: { id: string; error: import('../snapshot/types.js').CallError }[] } {
  const apis = src.call<Raw<GetRestApisCommandOutput>>(region, 'apigateway:GetRestApis');
  const stages: ApiStage[] = [];
  const failedApis: { id: string; error: import('../snapshot/types.js').CallError }[] = [];
  for (const api of apis.ok && apis.value ? (apis.value.items ?? []) : []) {
    const id = api.id!;
    const got = src.perResource<Raw<GetStagesCommandOutput>>(region, 'apigateway:GetStages', id);
    if (!got.ok) {
      failedApis.push({ id, error: got.error });
      continue;
    }
    for (const st of got.value.item ?? []) {
      stages.push({
        type: 'AWS::ApiGateway::Stage',
        arn: `arn:${partition}:apigateway:${region}::/restapis/${id}/stages/${st.stageName}`,
        id: `${id}/${st.stageName}`,
        name: `${api.name ?? id}/${st.stageName}`,
        account: src.accountId,
        region,
        tags: {},
        restApiId: id,
        stageName: st.stageName ?? '',
        webAclArn: st.webAclArn ?? null,
        endpointTypes: (api.endpointConfiguration?.types ?? []).map(String),
      });
    }
  }
  return { stages, failedApis };
}
