import check from '../../src/checks/elb-classic-tls-only.js';
import { ACCOUNT, REGION, classicListener, classicLoadBalancer, runTable } from '../helpers/check-harness.js';

const arn = (name: string) => `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/${name}`;

runTable(check, [
  {
    name: 'HTTPS only',
    input: { classicLoadBalancers: [classicLoadBalancer('clb-https', [classicListener('HTTPS', 443, { instanceProtocol: 'HTTP', instancePort: 80 })])] },
    expected: [{ status: 'pass', arn: arn('clb-https'), evidence: { listeners: [{ port: 443, protocol: 'HTTPS', instancePort: 80, instanceProtocol: 'HTTP' }] } }],
  },
  { name: 'SSL (TCP over TLS) only', input: { classicLoadBalancers: [classicLoadBalancer('clb-ssl', [classicListener('SSL', 8443)])] }, expected: [{ status: 'pass', arn: arn('clb-ssl') }] },
  {
    name: 'an HTTP listener beside HTTPS: a Classic Load Balancer cannot redirect',
    input: { classicLoadBalancers: [classicLoadBalancer('clb-mixed', [classicListener('HTTP', 80, { instanceProtocol: 'HTTP', instancePort: 80 }), classicListener('HTTPS', 443)])] },
    expected: [
      {
        status: 'fail',
        arn: arn('clb-mixed'),
        evidence: { plainListeners: [{ port: 80, protocol: 'HTTP', instancePort: 80, instanceProtocol: 'HTTP' }] },
        message: 'Internet-facing Classic Load Balancer clb-mixed has unencrypted listeners: HTTP:80.',
      },
    ],
  },
  { name: 'plain TCP', input: { classicLoadBalancers: [classicLoadBalancer('clb-tcp', [classicListener('TCP', 443)])] }, expected: [{ status: 'fail', arn: arn('clb-tcp'), evidence: { plainListeners: [{ port: 443, protocol: 'TCP', instancePort: null, instanceProtocol: null }] } }] },
  {
    name: 'internal load balancer',
    input: { classicLoadBalancers: [classicLoadBalancer('clb-internal', [classicListener('HTTP', 80)], { scheme: 'internal' })] },
    expected: [{ status: 'not_applicable', arn: arn('clb-internal'), evidence: { scheme: 'internal' } }],
  },
  { name: 'DescribeLoadBalancers denied', input: { failed: ['elb:DescribeLoadBalancers'] }, expected: [{ status: 'error', arn: `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:*` }] },
]);
