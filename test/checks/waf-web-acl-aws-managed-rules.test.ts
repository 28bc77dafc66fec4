import check from '../../src/checks/waf-web-acl-aws-managed-rules.js';
import type { WebAclRule } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, deniedCall, failedCall, managedRule, runTable, webAcl } from '../helpers/check-harness.js';

const arn = (name: string) => `arn:aws:wafv2:${REGION}:${ACCOUNT}:regional/webacl/${name}/11111111-2222-3333-4444-555555555555`;
const ALB = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/web/0123456789abcdef`;
const acl = (name: string, rules: WebAclRule[]) => webAcl(name, { detail: { ok: true, value: { defaultAction: 'ALLOW', rules } } });
const ALL = [managedRule('AWSManagedRulesCommonRuleSet', 1), managedRule('AWSManagedRulesKnownBadInputsRuleSet', 2), managedRule('AWSManagedRulesSQLiRuleSet', 3)];
const own: WebAclRule = { name: 'ctx-generic-owasp', priority: 0, ruleGroupArn: `arn:aws:wafv2:${REGION}:${ACCOUNT}:regional/rulegroup/ctx-generic-owasp/1`, countOnly: false };

runTable(check, [
  {
    name: 'all three AWS managed rule groups blocking',
    input: { webAcls: [acl('edge', [own, ...ALL])] },
    expected: [
      {
        status: 'pass',
        arn: arn('edge'),
        evidence: {
          awsManagedRuleGroups: [
            { name: 'AWSManagedRulesCommonRuleSet', countOnly: false },
            { name: 'AWSManagedRulesKnownBadInputsRuleSet', countOnly: false },
            { name: 'AWSManagedRulesSQLiRuleSet', countOnly: false },
          ],
          protects: [ALB],
        },
      },
    ],
  },
  {
    name: 'own rule group only, SQLi rules in count mode',
    input: { webAcls: [acl('diy', [own, managedRule('AWSManagedRulesSQLiRuleSet', 3, true)])] },
    expected: [
      {
        status: 'fail',
        arn: arn('diy'),
        evidence: {
          awsManagedRuleGroups: [{ name: 'AWSManagedRulesSQLiRuleSet', countOnly: true }],
          protects: [ALB],
          missing: ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesSQLiRuleSet'],
        },
        message: 'Web ACL diy does not run the AWS managed rule groups AWSManagedRulesCommonRuleSet, AWSManagedRulesKnownBadInputsRuleSet, AWSManagedRulesSQLiRuleSet (count only).',
      },
    ],
  },
  { name: 'a narrower requirement', input: { webAcls: [acl('core', [ALL[0]!])] }, params: { requiredRuleGroups: ['AWSManagedRulesCommonRuleSet'] }, expected: [{ status: 'pass', arn: arn('core') }] },
  {
    name: 'a marketplace group of the same name is not AWS\'s',
    input: { webAcls: [acl('vendor', [{ name: 'x', priority: 1, managedRuleGroup: { vendor: 'F5', name: 'AWSManagedRulesCommonRuleSet' }, countOnly: false }])] },
    params: { requiredRuleGroups: ['AWSManagedRulesCommonRuleSet'] },
    expected: [{ status: 'fail', arn: arn('vendor'), evidence: { awsManagedRuleGroups: [], protects: [ALB], missing: ['AWSManagedRulesCommonRuleSet'] } }],
  },
  { name: 'protects nothing', input: { webAcls: [webAcl('spare', { loadBalancerArns: { ok: true, value: [] } })] }, expected: [{ status: 'not_applicable', arn: arn('spare'), evidence: { protects: [] } }] },
  {
    name: 'associations could not be listed',
    input: { webAcls: [webAcl('unknown', { loadBalancerArns: failedCall('wafv2:ListResourcesForWebACL', arn('unknown')) })] },
    expected: [{ status: 'error', arn: arn('unknown'), evidence: { failedCalls: [deniedCall('wafv2:ListResourcesForWebACL', arn('unknown'))] } }],
  },
]);
