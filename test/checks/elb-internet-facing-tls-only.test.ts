import { describe, expect, it } from 'vitest';
import check from '../../src/checks/elb-internet-facing-tls-only.js';
import type { Status } from '../../src/checks/types.js';
import type { LoadBalancer } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, listener, loadBalancer, runCheck, type Failure } from '../helpers/check-harness.js';

const arn = (name: string) => `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/${name}/0123456789abcdef`;

const https = listener('HTTPS', 443, { sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09' });
const redirect = listener('HTTP', 80, { defaultActions: [{ type: 'redirect', redirectProtocol: 'HTTPS' }] });

type Case = {
  name: string;
  lbs: LoadBalancer[];
  failed?: Failure[];
  expected: { status: Status; arn: string; evidence?: unknown }[];
};

const cases: Case[] = [
  {
    name: 'HTTPS only',
    lbs: [loadBalancer('alb-https', [https])],
    expected: [{ status: 'pass', arn: arn('alb-https'), evidence: { listeners: [{ port: 443, protocol: 'HTTPS', redirectsToHttps: false }] } }],
  },
  {
    name: 'HTTP that redirects to HTTPS, plus HTTPS',
    lbs: [loadBalancer('alb-redirect', [https, redirect])],
    expected: [
      {
        status: 'pass',
        arn: arn('alb-redirect'),
        evidence: {
          listeners: [
            { port: 80, protocol: 'HTTP', redirectsToHttps: true },
            { port: 443, protocol: 'HTTPS', redirectsToHttps: false },
          ],
        },
      },
    ],
  },
  { name: 'NLB with a TLS listener', lbs: [loadBalancer('nlb-tls', [listener('TLS', 443)], { lbType: 'network' })], expected: [{ status: 'pass', arn: arn('nlb-tls') }] },
  {
    name: 'HTTP that forwards',
    lbs: [loadBalancer('alb-http', [https, listener('HTTP', 80)])],
    expected: [{ status: 'fail', arn: arn('alb-http'), evidence: { plainListeners: [{ port: 80, protocol: 'HTTP' }] } }],
  },
  {
    name: 'HTTP that redirects to HTTP on another port',
    lbs: [loadBalancer('alb-http-redirect', [listener('HTTP', 80, { defaultActions: [{ type: 'redirect', redirectProtocol: 'HTTP' }] })])],
    expected: [{ status: 'fail', arn: arn('alb-http-redirect'), evidence: { plainListeners: [{ port: 80, protocol: 'HTTP' }] } }],
  },
  {
    name: 'HTTP redirect that keeps the request protocol',
    lbs: [loadBalancer('alb-keep', [listener('HTTP', 8080, { defaultActions: [{ type: 'redirect', redirectProtocol: '#{protocol}' }] })])],
    expected: [{ status: 'fail', arn: arn('alb-keep'), evidence: { plainListeners: [{ port: 8080, protocol: 'HTTP' }] } }],
  },
  {
    name: 'NLB with TCP and UDP listeners, sorted by port',
    lbs: [loadBalancer('nlb-plain', [listener('UDP', 53), listener('TLS', 443), listener('TCP', 22)], { lbType: 'network' })],
    expected: [
      {
        status: 'fail',
        arn: arn('nlb-plain'),
        evidence: {
          plainListeners: [
            { port: 22, protocol: 'TCP' },
            { port: 53, protocol: 'UDP' },
          ],
        },
      },
    ],
  },
  {
    name: 'internal load balancer',
    lbs: [loadBalancer('alb-internal', [listener('HTTP', 80)], { scheme: 'internal' })],
    expected: [{ status: 'not_applicable', arn: arn('alb-internal'), evidence: { scheme: 'internal', lbType: 'application' } }],
  },
  {
    name: 'gateway load balancer',
    lbs: [loadBalancer('gwlb', [listener('GENEVE', 6081)], { lbType: 'gateway' })],
    expected: [{ status: 'not_applicable', arn: arn('gwlb'), evidence: { scheme: 'internet-facing', lbType: 'gateway' } }],
  },
  {
    name: 'listeners could not be read',
    lbs: [loadBalancer('alb-unknown', 'failed')],
    expected: [
      {
        status: 'error',
        arn: arn('alb-unknown'),
        evidence: {
          failedCalls: [
            {
              call: 'elasticloadbalancing:DescribeListeners',
              region: REGION,
              code: 'AccessDenied',
              message: 'User is not authorized to perform: elasticloadbalancing:DescribeListeners',
              requiredPermission: 'elasticloadbalancing:DescribeListeners',
              resource: 'alb-unknown',
            },
          ],
        },
      },
    ],
  },
  {
    name: 'listeners of an internal load balancer could not be read: still not applicable',
    lbs: [loadBalancer('alb-internal-unknown', 'failed', { scheme: 'internal' })],
    expected: [{ status: 'not_applicable', arn: arn('alb-internal-unknown') }],
  },
  {
    name: 'DescribeLoadBalancers denied',
    lbs: [],
    failed: ['elasticloadbalancing:DescribeLoadBalancers'],
    expected: [{ status: 'error', arn: `arn:aws:elasticloadbalancingv2:${REGION}:${ACCOUNT}:*` }],
  },
  {
    name: 'no load balancers: nothing in scope',
    lbs: [],
    expected: [{ status: 'not_applicable', arn: `arn:aws:elasticloadbalancingv2::${ACCOUNT}:*` }],
  },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ lbs, failed, expected }) => {
    const results = runCheck(check, { loadBalancers: lbs, ...(failed ? { failed } : {}) });
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });

  it('names the load balancer and the plain listeners in its message', () => {
    const [r] = runCheck(check, { loadBalancers: [loadBalancer('alb-http', [listener('HTTP', 80)])] });
    expect(r?.message).toBe('Internet-facing load balancer alb-http has unencrypted listeners that do not redirect to HTTPS: HTTP:80.');
  });
});
