/** AWS WAFv2 web ACLs in the typed inventory. */
import type { Observed, Resource } from '../../inventory/base.js';

/** A regional web ACL and the application load balancers it is associated with. */
export interface WebAcl extends Resource {
  type: 'AWS::WAFv2::WebACL';
  /** ARNs of the ALBs it protects, or the failure to list them. */
  loadBalancerArns: Observed<string[]>;
}
