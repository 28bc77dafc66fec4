import check from '../../src/checks/waf-web-acl-logging-enabled.js';
import { ACCOUNT, REGION, deniedCall, failedCall, runTable, webAcl } from '../helpers/check-harness.js';

const arn = (name: string) => `arn:aws:wafv2:${REGION}:${ACCOUNT}:regional/webacl/${name}/11111111-2222-3333-4444-555555555555`;
const ALB = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/web/0123456789abcdef`;

runTable(check, [
  {
    name: 'logs to CloudWatch Logs',
    input: { webAcls: [webAcl('edge')] },
    expected: [{ status: 'pass', arn: arn('edge'), evidence: { logDestinations: [`arn:aws:logs:${REGION}:${ACCOUNT}:log-group:aws-waf-logs-edge`], protects: [ALB] } }],
  },
  {
    name: 'protects an ALB but does not log',
    input: { webAcls: [webAcl('quiet', { logging: { ok: true, value: null } })] },
    expected: [{ status: 'fail', arn: arn('quiet'), evidence: { logging: null, protects: [ALB] }, message: 'Web ACL quiet protects 1 resource(s) but does not log its requests.' }],
  },
  { name: 'associated with nothing', input: { webAcls: [webAcl('spare', { loadBalancerArns: { ok: true, value: [] }, logging: { ok: true, value: null } })] }, expected: [{ status: 'not_applicable', arn: arn('spare'), evidence: { protects: [] } }] },
  {
    name: 'logging configuration could not be read',
    input: { webAcls: [webAcl('unknown', { logging: failedCall('wafv2:GetLoggingConfiguration', arn('unknown')) })] },
    expected: [{ status: 'error', arn: arn('unknown'), evidence: { failedCalls: [deniedCall('wafv2:GetLoggingConfiguration', arn('unknown'))] } }],
  },
  { name: 'ListWebACLs denied', input: { failed: ['wafv2:ListWebACLs'] }, expected: [{ status: 'error', arn: `arn:aws:wafv2:${REGION}:${ACCOUNT}:*` }] },
]);
