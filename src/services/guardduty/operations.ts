/**
 * Amazon GuardDuty: detectors of each region, each one's status and features
 * (Malware Protection), and its administrator or members. No detector is data
 * (GuardDuty off), not an error.
 */
import type { OperationSpec } from '../spec.js';

export const SDK = { guardduty: '@aws-sdk/client-guardduty' } as const;

export const OPERATIONS = [
  { key: 'guardduty:ListDetectors', scope: 'regional', needs: { ListDetectorsResponse: ['DetectorIds'] } },
  {
    key: 'guardduty:GetDetector',
    scope: 'regional',
    perResource: { from: 'guardduty:ListDetectors', id: 'detector id' },
    // Malware Protection: the EBS_MALWARE_PROTECTION feature (Features), or for detectors created before features existed the DataSources block.
    unset: { GetDetectorResponse: ['Features', 'DataSources'], DataSourceConfigurationsResult: ['MalwareProtection'], MalwareProtectionConfigurationResult: ['ScanEc2InstanceWithFindings'], ScanEc2InstanceWithFindingsResult: ['EbsVolumes'] },
    needs: { GetDetectorResponse: ['Status'], DetectorFeatureConfigurationResult: ['Name', 'Status'], EbsVolumesResult: ['Status'] },
  },
  {
    key: 'guardduty:GetAdministratorAccount',
    scope: 'regional',
    perResource: { from: 'guardduty:ListDetectors', id: 'detector id' },
    // A detector that is no member of another account's GuardDuty has no Administrator.
    unset: { GetAdministratorAccountResponse: ['Administrator'] },
    needs: { Administrator: ['AccountId', 'RelationshipStatus'] },
  },
  {
    key: 'guardduty:ListMembers',
    scope: 'regional',
    perResource: { from: 'guardduty:ListDetectors', id: 'detector id' },
    request: 'OnlyAssociated=true',
    // An account that administers nobody lists no Members.
    unset: { ListMembersResponse: ['Members'] },
    needs: { Member: ['AccountId', 'RelationshipStatus'] },
  },
] as const satisfies readonly OperationSpec[];
