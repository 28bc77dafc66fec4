/** How GuardDuty's operations are sent (loaded only for a live collection). */
import { GetDetectorCommand, GuardDutyClient, ListDetectorsCommand, paginateListDetectors, type ListDetectorsCommandOutput } from '@aws-sdk/client-guardduty';
import type { ServiceCollector } from '../define.js';

const collector: ServiceCollector = {
  bindings: {
    'guardduty:ListDetectors': { client: GuardDutyClient, command: ListDetectorsCommand, paginator: paginateListDetectors, pageSize: 50 },
    'guardduty:GetDetector': {
      client: GuardDutyClient,
      command: GetDetectorCommand,
      ids: (feed) => (feed as ListDetectorsCommandOutput | undefined)?.DetectorIds ?? [],
      input: (DetectorId) => ({ DetectorId }),
    },
  },
};

export default collector;
