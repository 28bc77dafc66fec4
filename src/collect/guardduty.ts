import { GetDetectorCommand, GuardDutyClient, paginateListDetectors } from '@aws-sdk/client-guardduty';
import type { ClientConfig } from './clients.js';
import { allPages } from './paginate.js';
import type { Recorder } from './recorder.js';

/** Detectors of one region and each one's status. No detector is data (GuardDuty off), not an error. */
export async function collectGuardDuty(rec: Recorder, region: string, config: ClientConfig): Promise<void> {
  const client = new GuardDutyClient(config);
  const listed = await rec.call(region, 'guardduty:ListDetectors', () => allPages(paginateListDetectors({ client, pageSize: 50 }, {})));
  if (listed) {
    rec.put(region, 'guardduty:ListDetectors', listed);
    await Promise.all(
      (listed.DetectorIds ?? []).map(async (DetectorId) => {
        const d = await rec.call(region, 'guardduty:GetDetector', () => client.send(new GetDetectorCommand({ DetectorId })), DetectorId);
        if (d) rec.putResource(region, 'guardduty:GetDetector', DetectorId, d);
      }),
    );
  }
  client.destroy();
}
