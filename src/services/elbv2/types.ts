/** Elastic Load Balancing v2 in the typed inventory. */
import type { Observed, Resource } from '../../inventory/base.js';

export interface Listener {
  arn: string;
  port?: number;
  protocol?: string;
  sslPolicy?: string;
  /** The default action types, e.g. forward, redirect; and where a redirect goes. */
  defaultActions: { type: string; redirectProtocol?: string }[];
  /**
   * The target groups its default forward actions send to (none without a
   * forward action). `ok: false` when DescribeTargetGroups failed or does
   * not describe one of them. Undefined: not known (inventories built by hand).
   */
  targetGroups?: Observed<TargetGroupRef[]>;
}

/** A target group as a listener's forward action reaches it (DescribeTargetGroups). */
export interface TargetGroupRef {
  arn: string;
  name: string;
  /** TCP, TLS, UDP, TCP_UDP, HTTP, HTTPS, GENEVE; undefined for a Lambda target group. */
  protocol?: string;
  port?: number;
}

export interface LoadBalancer extends Resource {
  type: 'AWS::ElasticLoadBalancingV2::LoadBalancer';
  lbType: string;
  scheme: string;
  vpcId?: string;
  availabilityZones: string[];
  listeners: Observed<Listener[]>;
  /** Web ACL protecting it, when known (ALBs only). */
  webAcl: Observed<string | null>;
}
