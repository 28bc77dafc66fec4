import check from '../../src/checks/elb-classic-modern-tls-policy.js';
import type { ClassicPolicy } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, classicListener, classicLoadBalancer, deniedCall, failedCall, runTable } from '../helpers/check-harness.js';

const arn = (name: string) => `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/${name}`;
const ssl = (name: string, attributes: Record<string, string>): ClassicPolicy => ({ name, type: 'SSLNegotiationPolicyType', attributes });
const ok = <T>(value: T) => ({ ok: true as const, value });
const TLS12 = { 'Reference-Security-Policy': 'ELBSecurityPolicy-TLS-1-2-2017-01', 'Protocol-TLSv1': 'false', 'Protocol-TLSv1.1': 'false', 'Protocol-TLSv1.2': 'true', 'Protocol-SSLv3': 'false' };
const P2016 = { 'Reference-Security-Policy': 'ELBSecurityPolicy-2016-08', 'Protocol-TLSv1': 'true', 'Protocol-TLSv1.1': 'true', 'Protocol-TLSv1.2': 'true', 'Protocol-SSLv3': 'false' };
const lb = (name: string, policies: ClassicPolicy[], policyNames = ['p']) => classicLoadBalancer(name, [classicListener('HTTPS', 443, { policyNames })], { policies: ok(policies) });

runTable(check, [
  {
    name: 'TLS 1.2 only, judged from the protocol attributes',
    input: { classicLoadBalancers: [lb('clb-tls12', [ssl('p', TLS12)])] },
    expected: [{ status: 'pass', arn: arn('clb-tls12'), evidence: { listeners: [{ port: 443, protocol: 'HTTPS', policy: 'p', referencePolicy: 'ELBSecurityPolicy-TLS-1-2-2017-01', weakProtocols: [], judgedBy: 'Protocol-* attributes' }] } }],
  },
  {
    name: 'the 2016-08 default offers TLS 1.0 and 1.1',
    input: { classicLoadBalancers: [lb('clb-2016', [ssl('p', P2016)])] },
    expected: [
      {
        status: 'fail',
        arn: arn('clb-2016'),
        evidence: { nonCompliantListeners: [{ port: 443, protocol: 'HTTPS', policy: 'p', referencePolicy: 'ELBSecurityPolicy-2016-08', weakProtocols: ['Protocol-TLSv1', 'Protocol-TLSv1.1'], judgedBy: 'Protocol-* attributes' }] },
        message: 'Classic Load Balancer clb-2016 offers protocols older than TLS 1.2 on HTTPS:443 (p: Protocol-TLSv1, Protocol-TLSv1.1 on).',
      },
    ],
  },
  {
    name: 'a policy listing only its reference is judged by the allowed references',
    input: { classicLoadBalancers: [lb('clb-ref', [ssl('p', { 'Reference-Security-Policy': 'ELBSecurityPolicy-TLS-1-1-2017-01' })])] },
    expected: [{ status: 'fail', arn: arn('clb-ref'), evidence: { nonCompliantListeners: [{ port: 443, protocol: 'HTTPS', policy: 'p', referencePolicy: 'ELBSecurityPolicy-TLS-1-1-2017-01', weakProtocols: [], judgedBy: 'Reference-Security-Policy' }] } }],
  },
  { name: 'an allowed reference passes', input: { classicLoadBalancers: [lb('clb-ref-ok', [ssl('p', { 'Reference-Security-Policy': 'ELBSecurityPolicy-TLS-1-2-2017-01' })])] }, expected: [{ status: 'pass', arn: arn('clb-ref-ok') }] },
  {
    name: 'a listener with no SSL negotiation policy',
    input: { classicLoadBalancers: [lb('clb-none', [{ name: 'sticky', type: 'LBCookieStickinessPolicyType', attributes: {} }], ['sticky'])] },
    expected: [{ status: 'fail', arn: arn('clb-none'), evidence: { nonCompliantListeners: [{ port: 443, protocol: 'HTTPS', policy: null, referencePolicy: null, weakProtocols: [], judgedBy: 'no SSL negotiation policy on the listener' }] } }],
  },
  { name: 'HTTP only: nothing to judge', input: { classicLoadBalancers: [classicLoadBalancer('clb-http', [classicListener('HTTP', 80)])] }, expected: [{ status: 'not_applicable', arn: arn('clb-http'), evidence: { httpsOrSslListeners: 0 } }] },
  {
    name: 'policies could not be read',
    input: { classicLoadBalancers: [classicLoadBalancer('clb-unknown', [classicListener('HTTPS', 443)], { policies: failedCall('elb:DescribeLoadBalancerPolicies', 'clb-unknown') })] },
    expected: [{ status: 'error', arn: arn('clb-unknown'), evidence: { failedCalls: [{ ...deniedCall('elb:DescribeLoadBalancerPolicies', 'clb-unknown'), requiredPermission: 'elasticloadbalancing:DescribeLoadBalancerPolicies' }] } }],
  },
]);
