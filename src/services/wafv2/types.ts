/** AWS WAFv2 web ACLs in the typed inventory. */
import type { Observed, Resource } from '../../inventory/base.js';

/** One rule of a web ACL, as far as the checks judge it. */
export interface WebAclRule {
  name: string;
  priority: number;
  /** A managed rule group (`AWS` / `AWSManagedRulesCommonRuleSet`), when the rule is one. */
  managedRuleGroup?: { vendor: string; name: string };
  /** A rule group of the account (its ARN), when the rule references one. */
  ruleGroupArn?: string;
  /** True when a rule-group rule only counts (`OverrideAction: {Count: {}}`): it matches but never blocks. */
  countOnly: boolean;
}

export interface WebAclDetail {
  /** `BLOCK` or `ALLOW`. */
  defaultAction: string;
  rules: WebAclRule[];
}

/** A regional web ACL and the application load balancers it is associated with. */
export interface WebAcl extends Resource {
  type: 'AWS::WAFv2::WebACL';
  /** ARNs of the ALBs it protects, or the failure to list them. */
  loadBalancerArns: Observed<string[]>;
  /** Its rules and default action (GetWebACL). */
  detail: Observed<WebAclDetail>;
  /** Where its logs go (GetLoggingConfiguration), or null when logging is off. */
  logging: Observed<{ destinations: string[] } | null>;
}
