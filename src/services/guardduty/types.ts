/** GuardDuty in the typed inventory. */
import type { Observed, Resource } from '../../inventory/base.js';

/** How a detector's Malware Protection for EC2 (scans of EBS volumes) is reported by GetDetector. */
export interface GuardDutyMalwareProtection {
  /** Status of the EBS_MALWARE_PROTECTION feature (GetDetector Features), when listed. */
  feature?: string;
  /** DataSources.MalwareProtection.ScanEc2InstanceWithFindings.EbsVolumes.Status, when reported. */
  dataSource?: string;
}

export interface GuardDutyRelationship {
  accountId: string;
  /** `Enabled`, `Invited`, `Created`, `Removed`, `Resigned`, `EmailVerificationFailed`, ... */
  relationshipStatus: string;
}

export interface GuardDutyDetector {
  id: string;
  status: Observed<'ENABLED' | 'DISABLED'>;
  /** Every feature GetDetector lists (`RUNTIME_MONITORING`, `S3_DATA_EVENTS`, ...): name -> status. */
  features: Observed<Record<string, string>>;
  malwareProtection: Observed<GuardDutyMalwareProtection>;
  /** The GuardDuty administrator account this detector reports to, or null when it is no member. */
  administrator: Observed<GuardDutyRelationship | null>;
  /** The member accounts this detector administers. */
  members: Observed<GuardDutyRelationship[]>;
}

/** GuardDuty as seen in one region. */
export interface GuardDutyRegion extends Resource {
  type: 'AWS::GuardDuty::RegionSettings';
  detectors: GuardDutyDetector[];
}
