import type { GetWebACLCommandOutput, ListRulesCommandOutput, ListWebACLsCommandOutput } from '@aws-sdk/client-waf';
import type { Raw } from '../../inventory/base.js';
import { GLOBAL_REGION } from '../../snapshot/types.js';
import { defineService } from '../define.js';
import type { ServiceSource } from '../source.js';
import { OPERATIONS } from './operations.js';
import { SHAPES } from './shapes.generated.js';
import type { ClassicWebAcl, ClassicWebAclRule } from './types.js';

type Item<T> = NonNullable<T> extends readonly (infer U)[] ? U : never;

function buildClassicWebAcls(src: ServiceSource): ClassicWebAcl[] {
  const listed = src.call<Raw<ListRulesCommandOutput>>(GLOBAL_REGION, 'waf:ListRules');
  const ruleNames = new Map<string, string>();
  if (listed.ok && listed.value !== null) for (const r of listed.value.Rules!) ruleNames.set(r.RuleId!, r.Name!);
  return src.records<Item<Raw<ListWebACLsCommandOutput>['WebACLs']>, ClassicWebAcl>(GLOBAL_REGION, 'waf:ListWebACLs', 'WebACLs/*', (a) => {
    const id = a.WebACLId!;
    const got = src.perResource<Raw<GetWebACLCommandOutput>>(GLOBAL_REGION, 'waf:GetWebACL', id);
    let detail: ClassicWebAcl['detail'];
    if (!got.ok) detail = got;
    else {
      const acl = got.value.WebACL!;
      const rules = acl.Rules!.map((r): ClassicWebAclRule => {
        const rule: ClassicWebAclRule = { ruleId: r.RuleId!, priority: r.Priority! };
        const name = ruleNames.get(r.RuleId!);
        if (name !== undefined) rule.name = name;
        if (r.Action?.Type) rule.action = String(r.Action.Type);
        if (r.Type) rule.ruleType = String(r.Type);
        return rule;
      });
      rules.sort((x, y) => x.priority - y.priority);
      // Asked for one web ACL: an answer about another is no answer.
      detail =
        acl.WebACLId === id
          ? { ok: true, value: { defaultAction: String(acl.DefaultAction!.Type), rules } }
          : { ok: false, error: src.unusableResource('waf:GetWebACL', GLOBAL_REGION, id, '/WebACL/WebACLId', `the id ${id} that was asked for`) };
    }
    return {
      type: 'AWS::WAF::WebACL',
      arn: `arn:${src.partition}:waf::${src.accountId}:webacl/${id}`,
      id,
      name: a.Name!,
      account: src.accountId,
      region: GLOBAL_REGION,
      tags: {},
      detail,
    };
  });
}

export default defineService<{ classicWebAcls: ClassicWebAcl[] }>({
  name: 'waf',
  title: 'AWS WAF Classic (global)',
  operations: OPERATIONS,
  shapes: SHAPES,
  build: (src) => ({ classicWebAcls: buildClassicWebAcls(src) }),
  empty: () => ({ classicWebAcls: [] }),
  collector: async () => (await import('./collect.js')).default,
});
