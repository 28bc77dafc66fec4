/** How GuardDuty's operations are sent (loaded only for a live collection). */
import {
  GetAdministratorAccountCommand,
  GetDetectorCommand,
  GuardDutyClient,
  ListDetectorsCommand,
  ListMembersCommand,
  paginateListDetectors,
  paginateListMembers,
  type ListDetectorsCommandOutput,
} from '@aws-sdk/client-guardduty';
import type { ServiceCollector } from '../define.js';

const detectorIds = (feed: unknown) => (feed as ListDetectorsCommandOutput | undefined)?.DetectorIds ?? [];

const collector: ServiceCollector = {
  bindings: {
    'guardduty:ListDetectors': { client: GuardDutyClient, command: ListDetectorsCommand, paginator: paginateListDetectors, pageSize: 50 },
    'guardduty:GetDetector': {
      client: GuardDutyClient,
      command: GetDetectorCommand,
      ids: detectorIds,
      input: (DetectorId) => ({ DetectorId }),
    },
    'guardduty:GetAdministratorAccount': { client: GuardDutyClient, command: GetAdministratorAccountCommand, ids: detectorIds, input: (DetectorId) => ({ DetectorId }) },
    'guardduty:ListMembers': {
      client: GuardDutyClient,
      command: ListMembersCommand,
      paginator: paginateListMembers,
      pageSize: 50,
      ids: detectorIds,
      input: (DetectorId) => ({ DetectorId, OnlyAssociated: 'true' }),
    },
  },
};

export default collector;
