/**
 * AWS WAF Classic, global (CloudFront) scope: web ACLs, their rules, and the
 * names of the account's rules. AWS WAF Classic support ended on 30 September
 * 2025 (AWS WAF Developer Guide, "AWS WAF Classic"). Regional Classic web
 * ACLs (on ALBs and API Gateway) live behind the separate WAF Regional API,
 * which archscan does not read (see README, "WAF Classic").
 */
import type { OperationSpec } from '../spec.js';

export const SDK = { waf: '@aws-sdk/client-waf' } as const;

export const OPERATIONS = [
  {
    key: 'waf:ListWebACLs',
    scope: 'global',
    records: [{ path: 'WebACLs/*', type: 'AWS::WAF::WebACL', id: 'WebACLId', arnOf: (id, at) => `arn:${at.partition}:waf::${at.accountId}:webacl/${id}` }],
    needs: { ListWebACLsResponse: ['WebACLs'], WebACLSummary: ['WebACLId', 'Name'] },
  },
  {
    key: 'waf:GetWebACL',
    scope: 'global',
    perResource: { from: 'waf:ListWebACLs', id: 'WAF Classic web ACL id' },
    unset: { ActivatedRule: ['Action', 'OverrideAction', 'Type'], WebACL: ['WebACLArn'] },
    needs: { GetWebACLResponse: ['WebACL'], WebACL: ['WebACLId', 'DefaultAction', 'Rules'], WafAction: ['Type'], ActivatedRule: ['Priority', 'RuleId'] },
  },
  {
    key: 'waf:ListRules',
    scope: 'global',
    needs: { ListRulesResponse: ['Rules'], RuleSummary: ['RuleId', 'Name'] },
  },
] as const satisfies readonly OperationSpec[];
