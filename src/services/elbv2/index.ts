import type { DescribeListenersCommandOutput, DescribeLoadBalancersCommandOutput, DescribeTargetGroupsCommandOutput } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { CallError, Observed, Raw } from '../../inventory/base.js';
import { defineService } from '../define.js';
import type { ServiceSource } from '../source.js';
import type { WebAcl } from '../wafv2/types.js';
import { buildLoadBalancerAttributes, type LoadBalancerAttributes } from './attributes.js';
import { OPERATIONS } from './operations.js';
import { buildTargetGroups } from './targets.js';
import { SHAPES } from './shapes.generated.js';
import type { Listener, LoadBalancer, TargetGroup, TargetGroupRef } from './types.js';

type Item<T> = NonNullable<T> extends readonly (infer U)[] ? U : never;

const TARGET_GROUPS = 'elasticloadbalancing:DescribeTargetGroups';

/**
 * The region's target groups by ARN, from the one DescribeTargetGroups
 * collection the inventory's target groups are built from (targets.ts):
 * unreadable ones keep their error, and a failed call fails every lookup.
 */
function targetGroupsOf(
  src: ServiceSource,
  region: string,
  built: readonly TargetGroup[],
): { byArn: Map<string, Observed<TargetGroupRef>>; failure: CallError | undefined; nameless: CallError | undefined } {
  const byArn = new Map<string, Observed<TargetGroupRef>>();
  let nameless: CallError | undefined;
  for (const bad of src.unreadableIn(TARGET_GROUPS, region)) {
    if (bad.resource) byArn.set(bad.resource.arn, { ok: false, error: bad.error });
    else nameless ??= bad.error;
  }
  for (const tg of built) {
    if (tg.region !== region) continue;
    const ref: TargetGroupRef = { arn: tg.arn, name: tg.name ?? tg.id };
    if (tg.protocol !== undefined) ref.protocol = tg.protocol;
    if (tg.port !== undefined) ref.port = tg.port;
    byArn.set(tg.arn, { ok: true, value: ref });
  }
  return { byArn, failure: src.failure(TARGET_GROUPS, region), nameless };
}

/** The target groups a forward action sends to (its TargetGroupArn, or the weighted ForwardConfig groups). */
function forwardsTo(a: { TargetGroupArn?: string; ForwardConfig?: { TargetGroups?: { TargetGroupArn?: string }[] } }): { targetGroupArns?: string[] } {
  const arns = new Set<string>();
  if (a.TargetGroupArn) arns.add(a.TargetGroupArn);
  for (const t of a.ForwardConfig?.TargetGroups ?? []) if (t.TargetGroupArn) arns.add(t.TargetGroupArn);
  return arns.size > 0 ? { targetGroupArns: [...arns].sort() } : {};
}

type Action = NonNullable<Item<Raw<DescribeListenersCommandOutput>['Listeners']>['DefaultActions']>[number];

/**
 * The target groups a listener's default forward actions send to, in order,
 * each once. A target group the region's DescribeTargetGroups does not
 * describe (failed, unreadable, or not listed) leaves them unknown.
 */
function forwardedTo(
  src: ServiceSource,
  region: string,
  lbArn: string,
  actions: readonly Action[],
  at: string,
  targetGroups: ReturnType<typeof targetGroupsOf>,
): Observed<TargetGroupRef[]> {
  const out: TargetGroupRef[] = [];
  const seen = new Set<string>();
  for (const [k, a] of actions.entries()) {
    const arns: [string, string][] = [];
    if (a.TargetGroupArn) arns.push([a.TargetGroupArn, `${at}/${k}/TargetGroupArn`]);
    for (const [t, tuple] of (a.ForwardConfig?.TargetGroups ?? []).entries()) arns.push([tuple.TargetGroupArn!, `${at}/${k}/ForwardConfig/TargetGroups/${t}/TargetGroupArn`]);
    for (const [tgArn, path] of arns) {
      if (seen.has(tgArn)) continue;
      seen.add(tgArn);
      const tg = targetGroups.byArn.get(tgArn);
      if (tg?.ok === false) return tg;
      if (tg === undefined) {
        if (targetGroups.failure) return { ok: false, error: targetGroups.failure };
        // A target group record too broken to give its ARN may be this one: name that record, not the reference.
        if (targetGroups.nameless) return { ok: false, error: targetGroups.nameless };
        return { ok: false, error: src.unusableResource('elasticloadbalancing:DescribeListeners', region, lbArn, path, 'a target group that DescribeTargetGroups describes') };
      }
      out.push(tg.value);
    }
  }
  return { ok: true, value: out };
}

/** Load balancers with their listeners, and which regional web ACL (if any) protects each ALB. */
function buildLoadBalancers(src: ServiceSource, region: string, webAcls: readonly WebAcl[], built: readonly TargetGroup[]): LoadBalancer[] {
  const targetGroups = targetGroupsOf(src, region, built);
  // ALB ARN -> web ACL ARN. Any web ACL of the region that could not be read leaves every ALB's protection unknown.
  const aclOf = new Map<string, string>();
  let aclFailure: CallError | undefined = src.failure('wafv2:ListWebACLs', region) ?? src.unreadableIn('wafv2:ListWebACLs', region)[0]?.error;
  for (const acl of webAcls) {
    if (acl.region !== region) continue;
    if (!acl.loadBalancerArns.ok) aclFailure ??= acl.loadBalancerArns.error;
    else for (const arn of acl.loadBalancerArns.value) aclOf.set(arn, acl.arn);
  }

  return src.records<Item<Raw<DescribeLoadBalancersCommandOutput>['LoadBalancers']>, LoadBalancer>(
    region,
    'elasticloadbalancing:DescribeLoadBalancers',
    'LoadBalancers/*',
    (lb, at) => {
      const arn = lb.LoadBalancerArn!;
      at.expect(/^arn:[^:]+:elasticloadbalancing:[^:]+:\d{12}:loadbalancer\/.+$/.test(arn), '/LoadBalancerArn', 'a load balancer ARN');
      const answered = src.perResource<Raw<DescribeListenersCommandOutput>>(region, 'elasticloadbalancing:DescribeListeners', arn);
      // A redirect action says where it redirects; one that does not is not an answer ELB sends.
      let redirectless: string | undefined;
      if (answered.ok) {
        answered.value.Listeners!.forEach((l, i) => l.DefaultActions!.forEach((a, k) => {
          if (a.Type === 'redirect' && !a.RedirectConfig) redirectless ??= `/Listeners/${i}/DefaultActions/${k}/RedirectConfig`;
        }));
      }
      const raw: typeof answered = redirectless ? { ok: false, error: src.unusableResource('elasticloadbalancing:DescribeListeners', region, arn, redirectless, 'the redirect of a redirect action') } : answered;
      const listeners: Observed<Listener[]> = raw.ok
        ? {
            ok: true,
            value: raw.value.Listeners!.map((l, i) => {
              const listener: Listener = {
                arn: l.ListenerArn!,
                defaultActions: l.DefaultActions!.map((a) => ({
                  type: String(a.Type),
                  ...(a.RedirectConfig?.Protocol ? { redirectProtocol: a.RedirectConfig.Protocol } : {}),
                  ...forwardsTo(a),
                })),
                targetGroups: forwardedTo(src, region, arn, l.DefaultActions!, `/Listeners/${i}/DefaultActions`, targetGroups),
              };
              if (l.Port !== undefined) listener.port = l.Port;
              if (l.Protocol !== undefined) listener.protocol = String(l.Protocol);
              if (l.SslPolicy !== undefined) listener.sslPolicy = l.SslPolicy;
              return listener;
            }),
          }
        : raw;
      const protectedBy = aclOf.get(arn);
      const webAcl: Observed<string | null> = protectedBy ? { ok: true, value: protectedBy } : aclFailure ? { ok: false, error: aclFailure } : { ok: true, value: null };
      const out: LoadBalancer = {
        type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
        arn,
        id: lb.LoadBalancerName!,
        name: lb.LoadBalancerName!,
        account: src.accountId,
        region,
        tags: {},
        lbType: String(lb.Type),
        scheme: String(lb.Scheme),
        availabilityZones: (lb.AvailabilityZones ?? []).map((z) => z.ZoneName ?? '').filter(Boolean).sort(),
        listeners,
        webAcl,
      };
      if (lb.VpcId !== undefined) out.vpcId = lb.VpcId;
      return out;
    },
  );
}

export default defineService<{ loadBalancers: LoadBalancer[]; loadBalancerAttributes: LoadBalancerAttributes[]; targetGroups: TargetGroup[] }, { webAcls: WebAcl[] }>({
  name: 'elbv2',
  title: 'Elastic Load Balancing (ALB, NLB)',
  operations: OPERATIONS,
  shapes: SHAPES,
  // Each ALB's protecting web ACL comes from WAFv2.
  after: ['wafv2'],
  build: (src, prior) => {
    // One DescribeTargetGroups collection, read once: the inventory's target groups (the reachability engine) and
    // each listener's forwarded-to groups (the NLB TLS pass-through checks) are the same records.
    const targetGroups = src.regions.flatMap((r) => buildTargetGroups(src, r));
    const loadBalancers = src.regions.flatMap((r) => buildLoadBalancers(src, r, prior.webAcls, targetGroups));
    return { loadBalancers, loadBalancerAttributes: buildLoadBalancerAttributes(src, loadBalancers), targetGroups };
  },
  empty: () => ({ loadBalancers: [], loadBalancerAttributes: [], targetGroups: [] }),
  collector: async () => (await import('./collect.js')).default,
});
