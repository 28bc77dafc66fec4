/** AWS Security Hub in the typed inventory. */
import type { Resource } from '../../inventory/base.js';

export interface SecurityHubStandard {
  standardsArn: string;
  subscriptionArn: string;
  /** `READY`, `PENDING`, `INCOMPLETE`, `FAILED`, `DELETING`. */
  status: string;
}

/** Security Hub as seen in one region. */
export interface SecurityHubRegion extends Resource {
  type: 'AWS::SecurityHub::Hub';
  /** The hub's ARN, or null when Security Hub is not enabled in the region. */
  hubArn: string | null;
  subscribedAt?: string;
  standards: SecurityHubStandard[];
}
