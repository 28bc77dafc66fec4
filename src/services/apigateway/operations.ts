/** Amazon API Gateway (REST APIs): APIs and their stages (each stage names the web ACL protecting it). */
import type { OperationSpec } from '../spec.js';

export const SDK = { apigateway: '@aws-sdk/client-api-gateway' } as const;

export const OPERATIONS = [
  {
    key: 'apigateway:GetRestApis',
    scope: 'regional',
    iamAction: 'apigateway:GET',
    records: [{ path: 'items/*', type: 'AWS::ApiGateway::RestApi', id: 'id', arnOf: (id, at) => `arn:${at.partition}:apigateway:${at.region}::/restapis/${id}` }],
    needs: { RestApis: ['items'], RestApi: ['id', 'endpointConfiguration'], EndpointConfiguration: ['types'] },
  },
  {
    key: 'apigateway:GetStages',
    scope: 'regional',
    iamAction: 'apigateway:GET',
    perResource: { from: 'apigateway:GetRestApis', id: 'REST API id' },
    unset: { Stage: ['webAclArn'] },
    needs: { Stages: ['item'], Stage: ['stageName'] },
  },
] as const satisfies readonly OperationSpec[];
