/** Elastic Load Balancing v2 in the typed inventory. */
import type { Observed, Resource } from '../../inventory/base.js';

export interface Listener {
  arn: string;
  port?: number;
  protocol?: string;
  sslPolicy?: string;
  /** The default action types, e.g. forward, redirect; and where a redirect goes. */
  defaultActions: { type: string; redirectProtocol?: string }[];
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
