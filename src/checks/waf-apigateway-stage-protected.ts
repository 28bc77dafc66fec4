import type { JSONSchemaType } from 'ajv';
import type { ApiStage } from '../inventory/types.js';
import { defineCheck, fail, notApplicable, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

function label(s: ApiStage): string {
  return s.name !== undefined && s.name !== s.id ? `${s.name} (${s.id})` : s.id;
}

export default defineCheck<Params>({
  id: 'waf-apigateway-stage-protected',
  title: 'Public API Gateway REST API stages are protected by an AWS WAF web ACL',
  severity: 'high',
  resourceType: 'AWS::ApiGateway::Stage',
  requires: ['apigateway:GetRestApis', 'apigateway:GetStages'],
  rationale:
    'A REST API stage reachable from the internet without a web ACL takes injection, credential-stuffing and flood ' +
    'traffic straight to its integrations; a web ACL filters and rate-limits requests before they are billed or reach ' +
    'the backend (PCI DSS 6.4.2).',
  remediation:
    'Associate a regional web ACL with the stage: API Gateway console > APIs > the API > Stages > the stage > Stage ' +
    'details > Edit > Web ACL, or `aws wafv2 associate-web-acl --web-acl-arn <acl-arn> --resource-arn ' +
    'arn:aws:apigateway:<region>::/restapis/<api-id>/stages/<stage> --region <region>`.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.apiStages.map((s) => {
      const endpointTypes = [...s.endpointTypes].sort();
      if (endpointTypes.includes('PRIVATE')) {
        return notApplicable(s, `API Gateway stage ${label(s)} belongs to a private API.`, { endpointTypes });
      }
      if (s.webAclArn !== null) {
        return pass(s, `API Gateway stage ${label(s)} is protected by web ACL ${s.webAclArn}.`, { webAclArn: s.webAclArn });
      }
      return fail(s, `API Gateway stage ${label(s)} has no web ACL.`, { webAclArn: null });
    });
  },
});
