/** Amazon GuardDuty: detectors of each region and each one's status. No detector is data (GuardDuty off), not an error. */
import type { OperationSpec } from '../spec.js';

export const SDK = { guardduty: '@aws-sdk/client-guardduty' } as const;

export const OPERATIONS = [
  { key: 'guardduty:ListDetectors', scope: 'regional', needs: { ListDetectorsResponse: ['DetectorIds'] } },
  {
    key: 'guardduty:GetDetector',
    scope: 'regional',
    perResource: { from: 'guardduty:ListDetectors', id: 'detector id' },
    needs: { GetDetectorResponse: ['Status'] },
  },
] as const satisfies readonly OperationSpec[];
