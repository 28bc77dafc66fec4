import type { DescribeListenersCommandOutput, DescribeLoadBalancersCommandOutput } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { ListResourcesForWebACLCommandOutput, ListWebACLsCommandOutput } from '@aws-sdk/client-wafv2';
import type { CallError } from '../snapshot/types.js';
import type { CallSource, Raw } from './source.js';
import type { Listener, LoadBalancer, Observed } from './types.js';

/** Load balancers with their listeners, and which regional web ACL (if any) protects each ALB. */
export function buildLoadBalancers(src: CallSource, region: string): LoadBalancer[] {
  const lbs = src.call<Raw<DescribeLoadBalancersCommandOutput>>(region, 'elasticloadbalancing:DescribeLoadBalancers');
  if (!lbs.ok || !lbs.value) return [];

  // ALB ARN -> web ACL ARN, from each regional web ACL's associated ALBs.
  const acls = src.call<Raw<ListWebACLsCommandOutput>>(region, 'wafv2:ListWebACLs');
  const aclOf = new Map<string, string>();
  let aclFailure: CallError | undefined = acls.ok ? undefined : acls.error;
  for (const acl of acls.ok && acls.value ? (acls.value.WebACLs ?? []) : []) {
    const resources = src.perResource<Raw<ListResourcesForWebACLCommandOutput>>(region, 'wafv2:ListResourcesForWebACL', acl.ARN!);
    if (!resources.ok) aclFailure ??= resources.error;
    else for (const arn of resources.value.ResourceArns ?? []) aclOf.set(arn, acl.ARN!);
  }

  return (lbs.value.LoadBalancers ?? []).map((lb) => {
    const arn = lb.LoadBalancerArn!;
    const raw = src.perResource<Raw<DescribeListenersCommandOutput>>(region, 'elasticloadbalancing:DescribeListeners', arn);
    const listeners: Observed<Listener[]> = raw.ok
      ? {
          ok: true,
          value: (raw.value.Listeners ?? []).map((l) => {
            const listener: Listener = {
              arn: l.ListenerArn ?? '',
              defaultActions: (l.DefaultActions ?? []).map((a) => ({
                type: String(a.Type ?? ''),
                ...(a.RedirectConfig?.Protocol ? { redirectProtocol: a.RedirectConfig.Protocol } : {}),
              })),
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
      id: lb.LoadBalancerName ?? arn,
      name: lb.LoadBalancerName ?? arn,
      account: src.accountId,
      region,
      tags: {},
      lbType: String(lb.Type ?? 'application'),
      scheme: String(lb.Scheme ?? 'internet-facing'),
      availabilityZones: (lb.AvailabilityZones ?? []).map((z) => z.ZoneName ?? '').filter(Boolean).sort(),
      listeners,
      webAcl,
    };
    if (lb.VpcId !== undefined) out.vpcId = lb.VpcId;
    return out;
  });
}
