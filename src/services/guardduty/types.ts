/** GuardDuty in the typed inventory. */
import type { Observed, Resource } from '../../inventory/base.js';

export interface GuardDutyDetector {
  id: string;
  status: Observed<'ENABLED' | 'DISABLED'>;
}

/** GuardDuty as seen in one region. */
export interface GuardDutyRegion extends Resource {
  type: 'AWS::GuardDuty::RegionSettings';
  detectors: GuardDutyDetector[];
}
