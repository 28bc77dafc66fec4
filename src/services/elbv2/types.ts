/** Elastic Load Balancing v2 in the typed inventory. */
import type { Observed, Resource } from '../../inventory/base.js';

export interface Listener {
  arn: string;
  port?: number;
  protocol?: string;
  sslPolicy?: string;
  /** The default action types, e.g. forward, redirect; where a redirect goes; the target groups a forward sends to. */
  defaultActions: { type: string; redirectProtocol?: string; targetGroupArns?: string[] }[];
  /**
   * The target groups its default forward actions send to (none without a
   * forward action), read from the same DescribeTargetGroups records as the
   * inventory's target groups. `ok: false` when DescribeTargetGroups failed
   * or does not describe one of them. Undefined: not known (inventories built by hand).
   */
  targetGroups?: Observed<TargetGroupRef[]>;
}

/** A target group as a listener's forward action reaches it: the fields of its TargetGroup the listener checks read. */
export type TargetGroupRef = Pick<TargetGroup, 'arn' | 'protocol' | 'port'> & { name: string };

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

/** A registered target: an instance id, an IP address, a Lambda ARN or an ALB ARN, and the port it receives on. */
export interface Target {
  id: string;
  /** The port traffic is sent to (the group's port when the target was registered without one). */
  port?: number;
  availabilityZone?: string;
  /** `healthy`, `unhealthy`, `unused`, `draining`, ... */
  state?: string;
}

export interface TargetGroup extends Resource {
  type: 'AWS::ElasticLoadBalancingV2::TargetGroup';
  /** `HTTP`, `HTTPS`, `TCP`, `TLS`, `UDP`, `TCP_UDP`, `GENEVE`; absent for Lambda targets. */
  protocol?: string;
  port?: number;
  vpcId?: string;
  /** `instance`, `ip`, `lambda`, `alb`. */
  targetType: string;
  loadBalancerArns: string[];
  targets: Observed<Target[]>;
}
