/** Classic Load Balancers in the typed inventory. */
import type { Observed, Resource } from '../../inventory/base.js';

export interface ClassicListener {
  /** `HTTP`, `HTTPS`, `TCP` or `SSL`, as ELB reports it. */
  protocol: string;
  port: number;
  instanceProtocol?: string;
  instancePort?: number;
  certificateId?: string;
  policyNames: string[];
}

export interface ClassicPolicy {
  name: string;
  /** `SSLNegotiationPolicyType`, `LBCookieStickinessPolicyType`, ... */
  type: string;
  /** Attribute name -> value (`Reference-Security-Policy`, `Protocol-TLSv1`, ...). */
  attributes: Record<string, string>;
}

export interface ClassicLoadBalancer extends Resource {
  type: 'AWS::ElasticLoadBalancing::LoadBalancer';
  /** `internet-facing` or `internal`. */
  scheme: string;
  vpcId?: string;
  availabilityZones: string[];
  listeners: ClassicListener[];
  policies: Observed<ClassicPolicy[]>;
  accessLog: Observed<{ enabled: boolean; bucket?: string }>;
}
