/**
 * Target groups and their registered targets (DescribeTargetGroups,
 * DescribeTargetHealth): what each listener forwards to, on which protocol
 * and port. The reachability engine follows a load balancer to its targets;
 * the listener checks tell a TLS pass-through from plain text by them.
 */
import type { DescribeTargetGroupsCommandOutput, DescribeTargetHealthCommandOutput } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Observed, Raw } from '../../inventory/base.js';
import type { ServiceSource } from '../source.js';
import type { Target, TargetGroup } from './types.js';

type Item<T> = NonNullable<T> extends readonly (infer U)[] ? U : never;

const isPort = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 65535;

function targetsOf(src: ServiceSource, region: string, arn: string): Observed<Target[]> {
  const got = src.perResource<Raw<DescribeTargetHealthCommandOutput>>(region, 'elasticloadbalancing:DescribeTargetHealth', arn);
  if (!got.ok) return got;
  const targets: Target[] = [];
  for (const [i, d] of got.value.TargetHealthDescriptions!.entries()) {
    const t = d.Target!;
    if (!t.Id) return { ok: false, error: src.unusableResource('elasticloadbalancing:DescribeTargetHealth', region, arn, `/TargetHealthDescriptions/${i}/Target/Id`, 'a non-empty target id') };
    if (t.Port !== undefined && !isPort(t.Port)) {
      return { ok: false, error: src.unusableResource('elasticloadbalancing:DescribeTargetHealth', region, arn, `/TargetHealthDescriptions/${i}/Target/Port`, 'a port 1-65535') };
    }
    const target: Target = { id: t.Id };
    if (t.Port !== undefined) target.port = t.Port;
    if (t.AvailabilityZone) target.availabilityZone = t.AvailabilityZone;
    if (d.TargetHealth?.State) target.state = String(d.TargetHealth.State);
    targets.push(target);
  }
  return { ok: true, value: targets.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : (a.port ?? 0) - (b.port ?? 0))) };
}

export function buildTargetGroups(src: ServiceSource, region: string): TargetGroup[] {
  return src.records<Item<Raw<DescribeTargetGroupsCommandOutput>['TargetGroups']>, TargetGroup>(
    region,
    'elasticloadbalancing:DescribeTargetGroups',
    'TargetGroups/*',
    (g, at) => {
      const arn = g.TargetGroupArn!;
      at.expect(/^arn:[^:]+:elasticloadbalancing:[^:]+:\d{12}:targetgroup\/.+$/.test(arn), '/TargetGroupArn', 'a target group ARN');
      if (g.Port !== undefined) at.expect(isPort(g.Port), '/Port', 'a port 1-65535');
      const group: TargetGroup = {
        type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
        arn,
        id: g.TargetGroupName!,
        name: g.TargetGroupName!,
        account: src.accountId,
        region,
        tags: {},
        targetType: String(g.TargetType),
        loadBalancerArns: [...(g.LoadBalancerArns ?? [])].sort(),
        targets: targetsOf(src, region, arn),
      };
      if (g.Protocol !== undefined) group.protocol = String(g.Protocol);
      if (g.Port !== undefined) group.port = g.Port;
      if (g.VpcId) group.vpcId = g.VpcId;
      return group;
    },
  );
}
