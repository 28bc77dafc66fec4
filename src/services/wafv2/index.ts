import type { GetLoggingConfigurationCommandOutput, GetWebACLCommandOutput, ListResourcesForWebACLCommandOutput, ListWebACLsCommandOutput } from '@aws-sdk/client-wafv2';
import type { Raw } from '../../inventory/base.js';
import { defineService } from '../define.js';
import type { ServiceSource } from '../source.js';
import { OPERATIONS } from './operations.js';
import { SHAPES } from './shapes.generated.js';
import type { WebAcl, WebAclRule } from './types.js';

type Item<T> = NonNullable<T> extends readonly (infer U)[] ? U : never;

/** A web ACL's rules and default action. */
function detailOf(src: ServiceSource, region: string, arn: string): WebAcl['detail'] {
  const got = src.perResource<Raw<GetWebACLCommandOutput>>(region, 'wafv2:GetWebACL', arn);
  if (!got.ok) return got;
  const acl = got.value.WebACL!;
  // Asked for one web ACL: an answer about another is no answer.
  if (acl.ARN !== arn) return { ok: false, error: src.unusableResource('wafv2:GetWebACL', region, arn, '/WebACL/ARN', `the web ACL ${arn} that was asked for`) };
  // OverrideAction is a union: Count or None. One with neither cannot say whether the rule group blocks.
  const badOverride = (acl.Rules ?? []).findIndex((r) => r.OverrideAction !== undefined && r.OverrideAction.Count === undefined && r.OverrideAction.None === undefined);
  if (badOverride >= 0) return { ok: false, error: src.unusableResource('wafv2:GetWebACL', region, arn, `/WebACL/Rules/${badOverride}/OverrideAction`, 'Count or None') };
  const rules = (acl.Rules ?? []).map((r): WebAclRule => {
    const rule: WebAclRule = { name: r.Name!, priority: r.Priority!, countOnly: r.OverrideAction?.Count !== undefined };
    const managed = r.Statement!.ManagedRuleGroupStatement;
    if (managed) rule.managedRuleGroup = { vendor: managed.VendorName!, name: managed.Name! };
    const group = r.Statement!.RuleGroupReferenceStatement;
    if (group) rule.ruleGroupArn = group.ARN!;
    return rule;
  });
  rules.sort((a, b) => a.priority - b.priority);
  const defaultAction = acl.DefaultAction!.Block !== undefined ? 'BLOCK' : acl.DefaultAction!.Allow !== undefined ? 'ALLOW' : undefined;
  if (defaultAction === undefined) return { ok: false, error: src.unusableResource('wafv2:GetWebACL', region, arn, '/WebACL/DefaultAction', 'Block or Allow') };
  return { ok: true, value: { defaultAction, rules } };
}

/** Where a web ACL logs to, or null when it does not. */
function loggingOf(src: ServiceSource, region: string, arn: string): WebAcl['logging'] {
  const got = src.perResourceOrAbsent<Raw<GetLoggingConfigurationCommandOutput>>(region, 'wafv2:GetLoggingConfiguration', arn);
  if (!got.ok) return got;
  if (got.value === null) return { ok: true, value: null };
  const destinations = got.value.LoggingConfiguration!.LogDestinationConfigs!;
  const bad = destinations.findIndex((d) => !d.startsWith('arn:'));
  if (bad >= 0) return { ok: false, error: src.unusableResource('wafv2:GetLoggingConfiguration', region, arn, `/LoggingConfiguration/LogDestinationConfigs/${bad}`, 'a log destination ARN') };
  return { ok: true, value: destinations.length === 0 ? null : { destinations: [...destinations].sort() } };
}

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
      detail: detailOf(src, region, a.ARN!),
      logging: loggingOf(src, region, a.ARN!),
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
