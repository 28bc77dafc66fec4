/**
 * Load-balancer attributes of ALBs, NLBs and GWLBs (DescribeLoadBalancerAttributes):
 * access logs, invalid-header handling, deletion protection. A collection of
 * its own, keyed by load balancer ARN, beside `loadBalancers`.
 */
import type { DescribeLoadBalancerAttributesCommandOutput } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Observed, Raw } from '../../inventory/base.js';
import type { ServiceSource } from '../source.js';
import type { LoadBalancer } from './types.js';

const KEY = 'elasticloadbalancing:DescribeLoadBalancerAttributes';

export interface LoadBalancerAttributes {
  loadBalancerArn: string;
  region: string;
  /** Attribute key -> value, as ELB returns them (`access_logs.s3.enabled` -> `true`). */
  attributes: Observed<Record<string, string>>;
}

export function buildLoadBalancerAttributes(src: ServiceSource, loadBalancers: readonly LoadBalancer[]): LoadBalancerAttributes[] {
  return loadBalancers.map((lb) => {
    const got = src.perResource<Raw<DescribeLoadBalancerAttributesCommandOutput>>(lb.region, KEY, lb.arn);
    if (!got.ok) return { loadBalancerArn: lb.arn, region: lb.region, attributes: got };
    const list = got.value.Attributes!;
    const empty = list.findIndex((a) => a.Key === '');
    if (empty >= 0) {
      return { loadBalancerArn: lb.arn, region: lb.region, attributes: { ok: false, error: src.unusableResource(KEY, lb.region, lb.arn, `/Attributes/${empty}/Key`, 'an attribute key') } };
    }
    return { loadBalancerArn: lb.arn, region: lb.region, attributes: { ok: true, value: Object.fromEntries(list.map((a) => [a.Key!, a.Value ?? ''])) } };
  });
}
