import type { ListResourcesForWebACLCommandOutput, ListWebACLsCommandOutput } from '@aws-sdk/client-wafv2';
import type { Raw } from '../../inventory/base.js';
import { defineService } from '../define.js';
import type { ServiceSource } from '../source.js';
import { OPERATIONS } from './operations.js';
import { SHAPES } from './shapes.generated.js';
import type { WebAcl } from './types.js';

type Item<T> = NonNullable<T> extends readonly (infer U)[] ? U : never;

function buildWebAcls(src: ServiceSource, region: string): WebAcl[] {
  return src.records<Item<Raw<ListWebACLsCommandOutput>['WebACLs']>, WebAcl>(region, 'wafv2:ListWebACLs', 'WebACLs/*', (a, at) => {
    at.expect(/^arn:[^:]+:wafv2:[^:]+:\d{12}:regional\/webacl\/.+$/.test(a.ARN!), '/ARN', 'a regional WAFv2 web ACL ARN');
    const listed = src.perResource<Raw<ListResourcesForWebACLCommandOutput>>(region, 'wafv2:ListResourcesForWebACL', a.ARN!);
    const empty = listed.ok ? listed.value.ResourceArns!.findIndex((arn) => !arn.startsWith('arn:')) : -1;
    const resources: typeof listed = empty >= 0 ? { ok: false, error: src.unusableResource('wafv2:ListResourcesForWebACL', region, a.ARN!, `/ResourceArns/${empty}`, 'a resource ARN') } : listed;
    return {
      type: 'AWS::WAFv2::WebACL',
      arn: a.ARN!,
      id: a.Id ?? a.Name!,
      name: a.Name!,
      account: src.accountId,
      region,
      tags: {},
      loadBalancerArns: resources.ok ? { ok: true, value: [...resources.value.ResourceArns!].sort() } : resources,
    };
  });
}

export default defineService<{ webAcls: WebAcl[] }>({
  name: 'wafv2',
  title: 'AWS WAF (v2)',
  operations: OPERATIONS,
  shapes: SHAPES,
  build: (src) => ({ webAcls: src.regions.flatMap((r) => buildWebAcls(src, r)) }),
  empty: () => ({ webAcls: [] }),
  collector: async () => (await import('./collect.js')).default,
});
