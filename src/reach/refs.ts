/**
 * What the checks built on the reachability engine share: the calls the
 * engine reads (every one is in their `requires`), the resources their
 * results are about (a tier of the profile, a flow between tiers), and the
 * failures of other regions a result depends on.
 */
import type { CallError, Inventory, ResourceRef } from '../inventory/types.js';
import type { OperationKey } from '../services/registry.js';

/** Every call the engine reads: routes, ACLs, groups, interfaces, gateways, peering, transit gateways, VPN, prefix lists. */
export const NETWORK_CALLS = [
  'ec2:DescribeVpcs',
  'ec2:DescribeSubnets',
  'ec2:DescribeRouteTables',
  'ec2:DescribeInternetGateways',
  'ec2:DescribeEgressOnlyInternetGateways',
  'ec2:DescribeSecurityGroups',
  'ec2:DescribeManagedPrefixLists',
  'ec2:DescribeNetworkAcls',
  'ec2:DescribeInstances',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeVpcPeeringConnections',
  'ec2:DescribeTransitGateways',
  'ec2:DescribeTransitGatewayAttachments',
  'ec2:DescribeTransitGatewayRouteTables',
  'ec2:DescribeVpnGateways',
  'ec2:DescribeVpnConnections',
] as const satisfies readonly OperationKey[];

/** And the load balancers, listeners and target groups the engine follows from the internet to their targets. */
export const LOAD_BALANCER_CALLS = [
  'elasticloadbalancing:DescribeLoadBalancers',
  'elasticloadbalancing:DescribeListeners',
  'elasticloadbalancing:DescribeTargetGroups',
] as const satisfies readonly OperationKey[];

/** A tier of the profile in one region. */
export function tierRef(inv: Pick<Inventory, 'partition' | 'accountId'>, tier: string, region: string): ResourceRef {
  return { type: 'AWS::EC2::ArchitectureTier', arn: `arn:${inv.partition}:ec2:${region}:${inv.accountId}:architecture-tier/${tier}`, id: tier, account: inv.accountId, region };
}

/** The flows from a source (a tier, a named network, the internet) into a tier, in the tier's region. */
export function flowRef(inv: Pick<Inventory, 'partition' | 'accountId'>, from: string, to: string, region: string): ResourceRef {
  return { type: 'AWS::EC2::TierFlow', arn: `arn:${inv.partition}:ec2:${region}:${inv.accountId}:tier-flow/${from}/${to}`, id: `${from}->${to}`, account: inv.accountId, region };
}

/** "Every resource of the type", for a check with nothing to judge. */
export function accountRef(inv: Pick<Inventory, 'partition' | 'accountId'>, type: ResourceRef['type']): ResourceRef {
  return { type, arn: `arn:${inv.partition}:ec2::${inv.accountId}:*`, id: '*', account: inv.accountId, region: 'global' };
}

/**
 * Failed or unreadable network calls of `regions` other than `own`: a flow
 * that crosses regions (peering, transit gateway peering) depends on them,
 * and the runner only looks at the result's own region.
 */
export function otherRegionFailures(inv: Inventory, regions: Iterable<string>, own: string): CallError[] {
  const out: CallError[] = [];
  for (const region of regions) {
    if (region === own) continue;
    for (const op of NETWORK_CALLS) {
      const failed = inv.failures.get(op)?.get(region);
      if (failed) out.push(failed);
      for (const u of inv.unreadable.get(op)?.get(region) ?? []) out.push(u.error);
    }
  }
  return out;
}
