import { describe, expect, it } from 'vitest';
import check from '../../src/checks/waf-alb-protected.js';
import type { Status } from '../../src/checks/types.js';
import type { LoadBalancer } from '../../src/inventory/types.js';
import { ACCOUNT, REGION, failedCall, listener, loadBalancer, runCheck, type Failure } from '../helpers/check-harness.js';

const arn = (name: string) => `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/${name}/0123456789abcdef`;
const ACL = `arn:aws:wafv2:${REGION}:${ACCOUNT}:regional/webacl/edge/11111111-2222-3333-4444-555555555555`;
/** A failure says what it could not see: a WAF Classic regional association (issue 12). */
const CLASSIC = 'not read: an AWS WAF Classic (regional) web ACL would not show here; Classic support ended 2025-09-30, so migrate it to AWS WAF';

const protectedAlb = (name: string, o: Partial<Omit<LoadBalancer, 'type'>> = {}) =>
  loadBalancer(name, [listener('HTTPS', 443)], { webAcl: { ok: true, value: ACL }, ...o });

type Case = {
  name: string;
  lbs: LoadBalancer[];
  failed?: Failure[];
  expected: { status: Status; arn: string; evidence?: unknown }[];
};

const cases: Case[] = [
  { name: 'ALB with a web ACL', lbs: [protectedAlb('alb-waf')], expected: [{ status: 'pass', arn: arn('alb-waf'), evidence: { webAcl: ACL } }] },
  {
    name: 'ALB without a web ACL',
    lbs: [loadBalancer('alb-open', [listener('HTTPS', 443)])],
    expected: [{ status: 'fail', arn: arn('alb-open'), evidence: { webAcl: null, wafClassicRegional: CLASSIC } }],
  },
  {
    name: 'ALB whose listeners could not be read is still decided by its web ACL',
    lbs: [loadBalancer('alb-nolisteners', 'failed')],
    expected: [{ status: 'fail', arn: arn('alb-nolisteners'), evidence: { webAcl: null, wafClassicRegional: CLASSIC } }],
  },
  {
    name: 'internal ALB',
    lbs: [loadBalancer('alb-internal', [], { scheme: 'internal' })],
    expected: [{ status: 'not_applicable', arn: arn('alb-internal'), evidence: { scheme: 'internal', lbType: 'application' } }],
  },
  {
    name: 'network load balancer',
    lbs: [loadBalancer('nlb', [listener('TCP', 443)], { lbType: 'network' })],
    expected: [{ status: 'not_applicable', arn: arn('nlb'), evidence: { scheme: 'internet-facing', lbType: 'network' } }],
  },
  {
    name: 'associations of a web ACL could not be listed',
    lbs: [loadBalancer('alb-unknown', [], { webAcl: failedCall('wafv2:ListResourcesForWebACL', ACL) })],
    expected: [
      {
        status: 'error',
        arn: arn('alb-unknown'),
        evidence: {
          failedCalls: [
            {
              call: 'wafv2:ListResourcesForWebACL',
              region: REGION,
              code: 'AccessDenied',
              message: 'User is not authorized to perform: wafv2:ListResourcesForWebACL',
              requiredPermission: 'wafv2:ListResourcesForWebACL',
              resource: ACL,
            },
          ],
        },
      },
    ],
  },
  {
    name: 'ListWebACLs denied: no ALB in the region passes or fails',
    lbs: [protectedAlb('alb-waf'), loadBalancer('alb-open', [], { webAcl: failedCall('wafv2:ListWebACLs') })],
    failed: ['wafv2:ListWebACLs'],
    expected: [
      { status: 'error', arn: arn('alb-open') },
      { status: 'error', arn: arn('alb-waf') },
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
  it.each(cases)('$name', ({ lbs, failed, expected }) => {
    const results = runCheck(check, { loadBalancers: lbs, ...(failed ? { failed } : {}) });
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });
});
