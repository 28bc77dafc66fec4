import check from '../../src/checks/elb-classic-access-logs-enabled.js';
import { ACCOUNT, REGION, classicListener, classicLoadBalancer, deniedCall, failedCall, runTable } from '../helpers/check-harness.js';

const arn = (name: string) => `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/${name}`;
const https = [classicListener('HTTPS', 443)];

runTable(check, [
  { name: 'access logs on', input: { classicLoadBalancers: [classicLoadBalancer('clb-logged', https)] }, expected: [{ status: 'pass', arn: arn('clb-logged'), evidence: { accessLogsEnabled: true, bucket: 'elb-logs' } }] },
  {
    name: 'access logs off',
    input: { classicLoadBalancers: [classicLoadBalancer('clb-quiet', https, { accessLog: { ok: true, value: { enabled: false } } })] },
    expected: [{ status: 'fail', arn: arn('clb-quiet'), evidence: { accessLogsEnabled: false, bucket: null }, message: 'Classic Load Balancer clb-quiet does not write access logs.' }],
  },
  {
    name: 'attributes could not be read',
    input: { classicLoadBalancers: [classicLoadBalancer('clb-unknown', https, { accessLog: failedCall('elb:DescribeLoadBalancerAttributes', 'clb-unknown') })] },
    expected: [{ status: 'error', arn: arn('clb-unknown'), evidence: { failedCalls: [{ ...deniedCall('elb:DescribeLoadBalancerAttributes', 'clb-unknown'), requiredPermission: 'elasticloadbalancing:DescribeLoadBalancerAttributes' }] } }],
  },
  { name: 'no Classic Load Balancers', input: {}, expected: [{ status: 'not_applicable', arn: `arn:aws:elasticloadbalancing::${ACCOUNT}:*` }] },
]);
