import { describe, expect, it } from 'vitest';
import check from '../../src/checks/elb-internet-facing-tls-only.js';
import type { Status } from '../../src/checks/types.js';
import type { LoadBalancer } from '../../src/inventory/types.js';
import type { TargetGroupRef } from '../../src/services/elbv2/types.js';
import { ACCOUNT, REGION, failedCall, listener, loadBalancer, runCheck, type Failure } from '../helpers/check-harness.js';

const arn = (name: string) => `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/${name}/0123456789abcdef`;

const https = listener('HTTPS', 443, { sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09' });
const redirect = listener('HTTP', 80, { defaultActions: [{ type: 'redirect', redirectProtocol: 'HTTPS' }] });

const tg = (name: string, protocol: string | undefined, port: number | undefined): TargetGroupRef => ({
  arn: `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/${name}/0123456789abcdef`,
  name,
  ...(protocol === undefined ? {} : { protocol }),
  ...(port === undefined ? {} : { port }),
});
/** A TCP listener forwarding to `groups` (as DescribeTargetGroups describes them). */
const tcpTo = (port: number, ...groups: TargetGroupRef[]) => listener('TCP', port, { targetGroups: { ok: true, value: groups } });
const nlb = (name: string, ...ls: ReturnType<typeof listener>[]) => loadBalancer(name, ls, { lbType: 'network' });

type Case = {
  name: string;
  lbs: LoadBalancer[];
  params?: { passthroughPorts: number[] };
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
  // Issue 12: a TCP:443 passthrough was reported as unencrypted before the fix.
  {
    name: 'NLB TCP:443 passthrough to TCP:443 targets that terminate TLS',
    lbs: [nlb('nlb-pass', tcpTo(443, tg('fw-443', 'TCP', 443)))],
    expected: [
      {
        status: 'pass',
        arn: arn('nlb-pass'),
        evidence: { listeners: [{ port: 443, protocol: 'TCP', redirectsToHttps: false, tlsPassthrough: [{ targetGroup: 'fw-443', protocol: 'TCP', port: 443 }] }] },
      },
    ],
  },
  {
    name: 'NLB passthrough decided by the target group port, not the listener port (TCP:8443 to TCP:443)',
    lbs: [nlb('nlb-8443', tcpTo(8443, tg('fw-443', 'TCP', 443)))],
    expected: [{ status: 'pass', arn: arn('nlb-8443') }],
  },
  {
    name: 'NLB TCP:443 forwarding to TCP:80 targets is plaintext to them',
    lbs: [nlb('nlb-443-to-80', tcpTo(443, tg('web-80', 'TCP', 80)))],
    expected: [{ status: 'fail', arn: arn('nlb-443-to-80'), evidence: { plainListeners: [{ port: 443, protocol: 'TCP' }] } }],
  },
  {
    name: 'NLB passthrough on 443 beside plain TCP:80: fails on port 80 only',
    lbs: [nlb('nlb-web', tcpTo(443, tg('fw-443', 'TCP', 443)), tcpTo(80, tg('fw-80', 'TCP', 80)))],
    expected: [{ status: 'fail', arn: arn('nlb-web'), evidence: { plainListeners: [{ port: 80, protocol: 'TCP' }] } }],
  },
  {
    name: 'weighted forward to one TCP:443 group and one TCP:80 group is not a passthrough',
    lbs: [nlb('nlb-mixed', tcpTo(443, tg('a-443', 'TCP', 443), tg('b-80', 'TCP', 80)))],
    expected: [{ status: 'fail', arn: arn('nlb-mixed') }],
  },
  {
    name: 'passthroughPorts adds 8443',
    lbs: [nlb('nlb-8443-targets', tcpTo(443, tg('app-8443', 'TCP', 8443)))],
    params: { passthroughPorts: [443, 8443] },
    expected: [{ status: 'pass', arn: arn('nlb-8443-targets') }],
  },
  {
    name: 'by default TCP:8443 targets are not taken as TLS',
    lbs: [nlb('nlb-8443-default', tcpTo(443, tg('app-8443', 'TCP', 8443)))],
    expected: [{ status: 'fail', arn: arn('nlb-8443-default') }],
  },
  {
    name: 'a TCP listener with no forward action (no target group) stays plain',
    lbs: [nlb('nlb-no-tg', tcpTo(443))],
    expected: [{ status: 'fail', arn: arn('nlb-no-tg') }],
  },
  {
    name: 'an ALB never passes through: HTTP listeners are judged as before',
    lbs: [loadBalancer('alb-tg-443', [listener('HTTP', 443, { targetGroups: { ok: true, value: [tg('app-443', 'HTTPS', 443)] } })])],
    expected: [{ status: 'fail', arn: arn('alb-tg-443') }],
  },
  {
    name: 'target groups unknown (DescribeTargetGroups denied): the TCP listener is undecided, error',
    lbs: [nlb('nlb-tg-unknown', listener('TCP', 443, { targetGroups: failedCall('elasticloadbalancing:DescribeTargetGroups') }))],
    expected: [
      {
        status: 'error',
        arn: arn('nlb-tg-unknown'),
        evidence: {
          failedCalls: [
            {
              call: 'elasticloadbalancing:DescribeTargetGroups',
              region: REGION,
              code: 'AccessDenied',
              message: 'User is not authorized to perform: elasticloadbalancing:DescribeTargetGroups',
              requiredPermission: 'elasticloadbalancing:DescribeTargetGroups',
            },
          ],
        },
      },
    ],
  },
  {
    name: 'target groups unknown, but a plain UDP listener: fail, not error',
    lbs: [nlb('nlb-udp', listener('UDP', 53), listener('TCP', 443, { targetGroups: failedCall('elasticloadbalancing:DescribeTargetGroups') }))],
    expected: [{ status: 'fail', arn: arn('nlb-udp'), evidence: { plainListeners: [{ port: 53, protocol: 'UDP' }] } }],
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
  it.each(cases)('$name', ({ lbs, params, failed, expected }) => {
    const results = runCheck(check, { loadBalancers: lbs, ...(failed ? { failed } : {}) }, params);
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });

  it('says in its message which listeners pass TLS through', () => {
    const [r] = runCheck(check, { loadBalancers: [nlb('nlb-pass', tcpTo(443, tg('fw-443', 'TCP', 443)))] });
    expect(r?.message).toBe('Internet-facing load balancer nlb-pass accepts only HTTPS/TLS or redirects HTTP to HTTPS (TCP:443 pass TLS through to targets that terminate it).');
  });

  it('names the load balancer and the plain listeners in its message', () => {
    const [r] = runCheck(check, { loadBalancers: [loadBalancer('alb-http', [listener('HTTP', 80)])] });
    expect(r?.message).toBe('Internet-facing load balancer alb-http has unencrypted listeners that do not redirect to HTTPS: HTTP:80.');
  });
});
