import type { GetRestApisCommandOutput, GetStagesCommandOutput } from '@aws-sdk/client-api-gateway';
import type { Raw } from '../../inventory/base.js';
import { defineService } from '../define.js';
import type { ServiceSource } from '../source.js';
import { OPERATIONS } from './operations.js';
import { SHAPES } from './shapes.generated.js';
import type { ApiStage } from './types.js';

type Item<T> = NonNullable<T> extends readonly (infer U)[] ? U : never;

/** REST API stages. An API whose stages could not be read hides them: the region's stage results are undecidable. */
function buildApiStages(src: ServiceSource, region: string): ApiStage[] {
  const apis = src.records<Item<Raw<GetRestApisCommandOutput>['items']>, Item<Raw<GetRestApisCommandOutput>['items']>>(
    region,
    'apigateway:GetRestApis',
    'items/*',
    (api, at) => {
      api.endpointConfiguration!.types!.forEach((t, i) => at.expect(String(t) !== '', `/endpointConfiguration/types/${i}`, 'an endpoint type (EDGE, REGIONAL, PRIVATE)'));
      return api;
    },
  );
  const stages: ApiStage[] = [];
  for (const api of apis) {
    const id = api.id!;
    const got = src.perResource<Raw<GetStagesCommandOutput>>(region, 'apigateway:GetStages', id);
    if (!got.ok) {
      src.markFailed('apigateway:GetStages', region, got.error);
      continue;
    }
    for (const st of got.value.item!) {
      stages.push({
        type: 'AWS::ApiGateway::Stage',
        arn: `arn:${src.partition}:apigateway:${region}::/restapis/${id}/stages/${st.stageName}`,
        id: `${id}/${st.stageName}`,
        name: `${api.name ?? id}/${st.stageName}`,
        account: src.accountId,
        region,
        tags: {},
        restApiId: id,
        stageName: st.stageName!,
        webAclArn: st.webAclArn ? st.webAclArn : null,
        endpointTypes: (api.endpointConfiguration?.types ?? []).map(String),
      });
    }
  }
  return stages;
}

export default defineService<{ apiStages: ApiStage[] }>({
  name: 'apigateway',
  title: 'Amazon API Gateway (REST APIs)',
  operations: OPERATIONS,
  shapes: SHAPES,
  build: (src) => ({ apiStages: src.regions.flatMap((r) => buildApiStages(src, r)) }),
  empty: () => ({ apiStages: [] }),
  collector: async () => (await import('./collect.js')).default,
});
