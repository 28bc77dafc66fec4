import check from '../../src/checks/waf-web-acl-has-rules.js';
import { ACCOUNT, REGION, apiStage, deniedCall, failedCall, managedRule, runTable, webAcl } from '../helpers/check-harness.js';

const arn = (name: string) => `arn:aws:wafv2:${REGION}:${ACCOUNT}:regional/webacl/${name}/11111111-2222-3333-4444-555555555555`;
const ALB = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/web/0123456789abcdef`;
const ok = <T>(value: T) => ({ ok: true as const, value });

runTable(check, [
  {
    name: 'a managed rule group ahead of the default action',
    input: { webAcls: [webAcl('edge', { detail: ok({ defaultAction: 'ALLOW', rules: [managedRule('AWSManagedRulesCommonRuleSet', 1)] }) })] },
    expected: [{ status: 'pass', arn: arn('edge'), evidence: { defaultAction: 'ALLOW', rules: [{ name: 'AWSManagedRulesCommonRuleSet', priority: 1, countOnly: false }], protects: [ALB] } }],
  },
  {
    name: 'no rules at all',
    input: { webAcls: [webAcl('empty')] },
    expected: [{ status: 'fail', arn: arn('empty'), evidence: { defaultAction: 'ALLOW', rules: [], protects: [ALB] }, message: 'Web ACL empty has no rules: every request gets its default action ALLOW.' }],
  },
  {
    name: 'every rule group only counts',
    input: { webAcls: [webAcl('counting', { detail: ok({ defaultAction: 'ALLOW', rules: [managedRule('AWSManagedRulesCommonRuleSet', 1, true)] }) })] },
    expected: [{ status: 'fail', arn: arn('counting'), evidence: { defaultAction: 'ALLOW', rules: [{ name: 'AWSManagedRulesCommonRuleSet', priority: 1, countOnly: true }], protects: [ALB] } }],
  },
  {
    name: 'an API stage counts as what it protects',
    input: {
      webAcls: [webAcl('api', { loadBalancerArns: ok([]) })],
      apiStages: [{ ...apiStage('a1b2c3', 'prod', arn('api')) }],
    },
    expected: [{ status: 'fail', arn: arn('api'), evidence: { defaultAction: 'ALLOW', rules: [], protects: [`arn:aws:apigateway:${REGION}::/restapis/a1b2c3/stages/prod`] } }],
  },
  { name: 'protects nothing', input: { webAcls: [webAcl('spare', { loadBalancerArns: ok([]) })] }, expected: [{ status: 'not_applicable', arn: arn('spare'), evidence: { protects: [] } }] },
  {
    name: 'GetWebACL could not be read',
    input: { webAcls: [webAcl('unknown', { detail: failedCall('wafv2:GetWebACL', arn('unknown')) })] },
    expected: [{ status: 'error', arn: arn('unknown'), evidence: { failedCalls: [deniedCall('wafv2:GetWebACL', arn('unknown'))] } }],
  },
]);
