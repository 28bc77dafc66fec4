import type { ServiceFake } from '../define.js';

/** One regional REST API per region; its prod stage has the region's web ACL. */
const fake: ServiceFake = (scope, account) =>
  scope === 'global'
    ? {}
    : {
        'apigateway:GetRestApis': { items: [{ id: `api${scope === 'ap-south-1' ? 'a' : 'b'}`, name: 'payments', endpointConfiguration: { types: ['REGIONAL'] } }] },
        'apigateway:GetStages': { item: [{ stageName: 'prod', webAclArn: `arn:aws:wafv2:${scope}:${account}:regional/webacl/web-acl/w1` }] },
      };

export default fake;
