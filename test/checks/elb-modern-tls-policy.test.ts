import { describe, expect, it } from 'vitest';
import check from '../../src/checks/elb-modern-tls-policy.js';
import type { Status } from '../../src/checks/types.js';
import type { LoadBalancer } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, listener, loadBalancer, runCheck, type Failure } from '../helpers/check-harness.js';

const arn = (name: string) => `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/${name}/0123456789abcdef`;
const listenerArn = (port: number) => `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:listener/app/lb/1/${port}`;

const MODERN = 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09';
const LEGACY = 'ELBSecurityPolicy-2016-08';

type Case = {
  name: string;
  lbs: LoadBalancer[];
  params?: { allowedPolicies: string[] };
  failed?: Failure[];
  expected: { status: Status; arn: string; evidence?: unknown }[];
};

const cases: Case[] = [
  {
    name: 'HTTPS with the recommended post-quantum policy',
    lbs: [loadBalancer('alb-modern', [listener('HTTPS', 443, { sslPolicy: MODERN }), listener('HTTP', 80)])],
    expected: [
      {
        status: 'pass',
        arn: arn('alb-modern'),
        evidence: { listeners: [{ listenerArn: listenerArn(443), port: 443, protocol: 'HTTPS', sslPolicy: MODERN }] },
      },
    ],
  },
  ...[
    'ELBSecurityPolicy-TLS-1-2-2017-01',
    'ELBSecurityPolicy-FS-1-2-Res-2020-10',
    'ELBSecurityPolicy-TLS13-1-3-2021-06',
    'ELBSecurityPolicy-TLS13-1-2-RFC9151-INTEROP4-FIPS-2023-07',
  ].map((policy) => ({
    name: `TLS 1.2+ policy ${policy}`,
    lbs: [loadBalancer('alb-ok', [listener('HTTPS', 443, { sslPolicy: policy })])],
    expected: [{ status: 'pass' as const, arn: arn('alb-ok') }],
  })),
  {
    name: 'NLB TLS listener with a TLS 1.2+ policy',
    lbs: [loadBalancer('nlb-modern', [listener('TLS', 8443, { sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04' })], { lbType: 'network' })],
    expected: [{ status: 'pass', arn: arn('nlb-modern') }],
  },
  {
    name: 'HTTPS with the CLI default policy (TLS 1.0)',
    lbs: [loadBalancer('alb-legacy', [listener('HTTPS', 443, { sslPolicy: LEGACY })])],
    expected: [
      {
        status: 'fail',
        arn: arn('alb-legacy'),
        evidence: { nonCompliantListeners: [{ listenerArn: listenerArn(443), port: 443, protocol: 'HTTPS', sslPolicy: LEGACY }] },
      },
    ],
  },
  ...['ELBSecurityPolicy-TLS13-1-0-2021-06', 'ELBSecurityPolicy-TLS13-1-1-2021-06', 'ELBSecurityPolicy-TLS-1-1-2017-01', 'ELBSecurityPolicy-FS-2018-06'].map(
    (policy) => ({
      name: `pre-TLS 1.2 policy ${policy}`,
      lbs: [loadBalancer('alb-old', [listener('HTTPS', 443, { sslPolicy: policy })])],
      expected: [{ status: 'fail' as const, arn: arn('alb-old') }],
    }),
  ),
  {
    name: 'one listener out of date among several: only it is evidence',
    lbs: [loadBalancer('alb-mixed', [listener('HTTPS', 8443, { sslPolicy: LEGACY }), listener('HTTPS', 443, { sslPolicy: MODERN })])],
    expected: [
      {
        status: 'fail',
        arn: arn('alb-mixed'),
        evidence: { nonCompliantListeners: [{ listenerArn: listenerArn(8443), port: 8443, protocol: 'HTTPS', sslPolicy: LEGACY }] },
      },
    ],
  },
  {
    name: 'TLS listener without a policy',
    lbs: [loadBalancer('nlb-nopolicy', [listener('TLS', 443)], { lbType: 'network' })],
    expected: [
      {
        status: 'fail',
        arn: arn('nlb-nopolicy'),
        evidence: { nonCompliantListeners: [{ listenerArn: listenerArn(443), port: 443, protocol: 'TLS', sslPolicy: null }] },
      },
    ],
  },
  {
    name: 'allowedPolicies param narrows to one policy',
    lbs: [loadBalancer('alb-narrow', [listener('HTTPS', 443, { sslPolicy: 'ELBSecurityPolicy-TLS-1-2-2017-01' })])],
    params: { allowedPolicies: [MODERN] },
    expected: [{ status: 'fail', arn: arn('alb-narrow') }],
  },
  {
    name: 'no HTTPS or TLS listener',
    lbs: [loadBalancer('alb-http', [listener('HTTP', 80)])],
    expected: [{ status: 'not_applicable', arn: arn('alb-http'), evidence: { httpsOrTlsListeners: 0 } }],
  },
  {
    name: 'internal load balancer',
    lbs: [loadBalancer('alb-internal', [listener('HTTPS', 443, { sslPolicy: LEGACY })], { scheme: 'internal' })],
    expected: [{ status: 'not_applicable', arn: arn('alb-internal'), evidence: { scheme: 'internal' } }],
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

  it('defaults to the TLS 1.2+ TLS13, TLS-1-2 and FS-1-2 policies, sorted and unique', () => {
    const policies = check.defaults.allowedPolicies;
    expect(policies).toEqual([...new Set(policies)].sort());
    expect(policies).toHaveLength(34);
    for (const p of policies) expect(p).toMatch(/^ELBSecurityPolicy-(TLS13-1-[23]-|TLS-1-2-|FS-1-2-)/);
  });

  it('names the load balancer, listener and policy in its message', () => {
    const [r] = runCheck(check, { loadBalancers: [loadBalancer('alb-legacy', [listener('HTTPS', 443, { sslPolicy: LEGACY })])] });
    expect(r?.message).toBe(`Load balancer alb-legacy has HTTPS/TLS listeners with a security policy not allowed: HTTPS:443 (${LEGACY}).`);
  });
});
