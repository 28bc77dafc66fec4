/** AWS WAF Classic (global scope) web ACLs in the typed inventory. */
import type { Observed, Resource } from '../../inventory/base.js';

export interface ClassicWebAclRule {
  ruleId: string;
  /** The rule's name (ListRules), when it is a rule of this account. */
  name?: string;
  priority: number;
  /** `BLOCK`, `ALLOW` or `COUNT`; rule groups carry an override action instead. */
  action?: string;
  /** `REGULAR`, `RATE_BASED` or `GROUP`. */
  ruleType?: string;
}

export interface ClassicWebAcl extends Resource {
  type: 'AWS::WAF::WebACL';
  detail: Observed<{ defaultAction: string; rules: ClassicWebAclRule[] }>;
}
