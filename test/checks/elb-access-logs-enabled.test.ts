import check from '../../src/checks/elb-access-logs-enabled.js';
import type { LoadBalancer } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, deniedCall, failedCall, listener, loadBalancer, runTable } from '../helpers/check-harness.js';

const arn = (name: string) => `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/${name}/0123456789abcdef`;
const attrs = (lb: LoadBalancer, a: Record<string, string> | 'failed') => ({
  loadBalancerArn: lb.arn,
  region: lb.region,
  attributes: a === 'failed' ? failedCall<Record<string, string>>('elasticloadbalancing:DescribeLoadBalancerAttributes', lb.arn) : { ok: true as const, value: a },
});
const alb = loadBalancer('alb-logged', [listener('HTTPS', 443)]);
const quiet = loadBalancer('alb-quiet', [listener('HTTPS', 443)]);
const nlbTls = loadBalancer('nlb-tls', [listener('TLS', 443)], { lbType: 'network' });
const nlbTcp = loadBalancer('nlb-tcp', [listener('TCP', 443)], { lbType: 'network' });
const unknown = loadBalancer('alb-unknown', [listener('HTTPS', 443)]);

runTable(check, [
  {
    name: 'ALB with access logs',
    input: { loadBalancers: [alb], loadBalancerAttributes: [attrs(alb, { 'access_logs.s3.enabled': 'true', 'access_logs.s3.bucket': 'elb-logs' })] },
    expected: [{ status: 'pass', arn: arn('alb-logged'), evidence: { lbType: 'application', accessLogsEnabled: 'true', bucket: 'elb-logs' } }],
  },
  {
    name: 'ALB without access logs',
    input: { loadBalancers: [quiet], loadBalancerAttributes: [attrs(quiet, { 'access_logs.s3.enabled': 'false', 'access_logs.s3.bucket': '' })] },
    expected: [{ status: 'fail', arn: arn('alb-quiet'), evidence: { lbType: 'application', accessLogsEnabled: 'false', bucket: null }, message: 'Load balancer alb-quiet does not write access logs (access_logs.s3.enabled false).' }],
  },
  {
    name: 'NLB with a TLS listener is judged',
    input: { loadBalancers: [nlbTls], loadBalancerAttributes: [attrs(nlbTls, { 'access_logs.s3.enabled': 'false' })] },
    expected: [{ status: 'fail', arn: arn('nlb-tls'), evidence: { lbType: 'network', accessLogsEnabled: 'false', bucket: null } }],
  },
  {
    name: 'NLB with TCP listeners only: NLB logs cover TLS listeners only',
    input: { loadBalancers: [nlbTcp], loadBalancerAttributes: [attrs(nlbTcp, { 'access_logs.s3.enabled': 'false' })] },
    expected: [{ status: 'not_applicable', arn: arn('nlb-tcp'), evidence: { lbType: 'network', tlsListeners: 0 } }],
  },
  {
    name: 'attributes could not be read',
    input: { loadBalancers: [unknown], loadBalancerAttributes: [attrs(unknown, 'failed')] },
    expected: [{ status: 'error', arn: arn('alb-unknown'), evidence: { failedCalls: [deniedCall('elasticloadbalancing:DescribeLoadBalancerAttributes', unknown.arn)] } }],
  },
  { name: 'DescribeLoadBalancers denied', input: { failed: ['elasticloadbalancing:DescribeLoadBalancers'] }, expected: [{ status: 'error', arn: `arn:aws:elasticloadbalancingv2:${REGION}:${ACCOUNT}:*` }] },
]);
